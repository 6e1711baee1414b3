/**
 * How long SES waits while verifying an identity: a domain's DNS records are looked for during 72
 * hours, an address's verification link works for 24 hours. After that SES gives up (status Failed)
 * until verification is started again.
 */
export const VERIFICATION_FACTS_SOURCE = {
  title:
    'Amazon SES API Reference, “GetIdentityVerificationAttributes” (24 hours for an address, 72 for a domain)',
  url: 'https://docs.aws.amazon.com/ses/latest/APIReference/API_GetIdentityVerificationAttributes.html',
  checked: '2026-11-28',
} as const;

export const VERIFICATION_WINDOW_HOURS = {
  /** SES looks for a domain's DKIM (or TXT) records this long. */
  domainDns: 72,
  /** The link in an address's verification email works this long. */
  addressLink: 24,
} as const;
