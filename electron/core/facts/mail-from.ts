/**
 * The custom MAIL FROM (bounce) subdomain: what SES does while its MX record is missing. The
 * assistant always sets UseDefaultValue, so mail keeps flowing with SES's own amazonses.com bounce
 * address until the records are in place; RejectMessage (which someone may have chosen in the SES
 * console) makes SES refuse the send with MailFromDomainNotVerified instead.
 */
export const MAIL_FROM_FACTS_SOURCE = {
  title:
    'Amazon SES API v2 Reference, “PutEmailIdentityMailFromAttributes” (BehaviorOnMxFailure); Developer Guide, “Using a custom MAIL FROM domain”',
  url: 'https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_PutEmailIdentityMailFromAttributes.html',
  checked: '2026-11-28',
} as const;

export type BehaviorOnMxFailure = 'UseDefaultValue' | 'RejectMessage';

/** What the assistant sets whenever it sets a MAIL FROM domain. */
export const MAIL_FROM_BEHAVIOR: BehaviorOnMxFailure = 'UseDefaultValue';

/**
 * The SPF mechanism that authorises SES's servers, for a MAIL FROM subdomain's SPF record (SES
 * Developer Guide, “Authenticating Email with SPF in Amazon SES”,
 * https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-spf.html, checked 2026-11-28).
 */
export const SES_SPF_INCLUDE = 'include:amazonses.com';

/** SES's own MAIL FROM domain, used while a custom one is not working (UseDefaultValue). */
export const SES_DEFAULT_MAIL_FROM_DOMAIN = 'amazonses.com';

/** The MAIL FROM states in which SES applies BehaviorOnMxFailure (everything but Success). */
export const MAIL_FROM_FALLBACK_STATES: readonly string[] = ['Pending', 'Failed', 'TemporaryFailure'];

/**
 * In plain words, what happens to mail from this domain in this MAIL FROM state; null when the
 * custom MAIL FROM works (status Success) or the status is unknown.
 */
export function mailFromMeaning(
  mailFromDomain: string,
  status: string,
  behavior: BehaviorOnMxFailure | undefined,
): string | null {
  if (!MAIL_FROM_FALLBACK_STATES.includes(status)) return null;
  if (behavior === 'RejectMessage')
    return `SES cannot find the MX record of ${mailFromDomain}, and this domain is set to refuse mail until it does: sends from it fail (MailFromDomainNotVerified). Publish the bounce subdomain’s records, or set it up again with the assistant, which lets mail through meanwhile.`;
  return `Until SES finds the MX record of ${mailFromDomain}, your mail still goes out, with SES’s own ${SES_DEFAULT_MAIL_FROM_DOMAIN} bounce address instead: it is signed with your domain’s DKIM, but SPF then does not line up with your domain for DMARC.`;
}
