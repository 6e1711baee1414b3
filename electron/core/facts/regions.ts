/**
 * The one place for SES region data: every commercial region SES serves, with a name a person
 * knows, where it is, its SMTP host and the domain its DKIM keys are published under. The seven
 * recommended regions come first, in the order the region screen shows them. GovCloud is left out on
 * purpose: it needs a separate AWS account.
 */

/** Where these facts come from, and when they were last checked against it. */
export const REGION_FACTS_SOURCE = {
  title:
    'AWS General Reference, “Amazon Simple Email Service endpoints and quotas” (SMTP endpoints, DKIM domains)',
  url: 'https://docs.aws.amazon.com/general/latest/gr/ses.html',
  checked: '2026-11-28',
} as const;

/**
 * The regions whose Easy DKIM records point at a regional domain, `dkim.<region>.amazonses.com`,
 * rather than `dkim.amazonses.com` (the DKIM domains table of the source above). SES itself says
 * which domain an identity uses (SES v2 GetEmailIdentity, DkimAttributes.SigningHostedZone); this
 * table is what the assistant falls back on when SES cannot be asked (the CLI, a denied call).
 */
export const REGIONAL_DKIM_REGIONS: readonly string[] = [
  'af-south-1',
  'ap-northeast-3',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'il-central-1',
  'me-central-1',
];

/** The domain a region's DKIM CNAME records point under (the part after `<token>.`). */
export function dkimDomainFor(region: string): string {
  return REGIONAL_DKIM_REGIONS.includes(region) ? `dkim.${region}.amazonses.com` : 'dkim.amazonses.com';
}

/**
 * A region every AWS account has switched on (it is not an opt-in region), where the assistant
 * starts and where it tells a bad key from a region the account has not enabled. Source: AWS
 * Account Management Reference Guide, “Enable or disable AWS Regions in your account”,
 * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html (checked 2026-11-28).
 */
export const ALWAYS_ON_REGION = 'us-east-1';

/**
 * The host a custom MAIL FROM subdomain's MX record names in a region (SES Developer Guide, “Using
 * a custom MAIL FROM domain”, https://docs.aws.amazon.com/ses/latest/dg/mail-from.html, checked
 * 2026-11-28).
 */
export function feedbackMxHost(region: string): string {
  return `feedback-smtp.${region}.amazonses.com`;
}

/** The SES SMTP endpoint of a region (the SMTP endpoints table of the source above). */
export function smtpHostFor(region: string): string {
  return `email-smtp.${region}.amazonaws.com`;
}

export interface SesRegion {
  code: string;
  name: string;
  /**
   * Where the region's data centres are, in plain words (the region's own name in the source
   * above). Only geography: which region "suits" a business is the person's call, not a fact.
   */
  suits: string;
  /** The SES SMTP endpoint; not every region is certain to have one, so the SMTP step probes it. */
  smtpHost: string;
  recommended: boolean;
}

const region = (code: string, name: string, suits: string, recommended = false): SesRegion => ({
  code,
  name,
  suits,
  smtpHost: smtpHostFor(code),
  recommended,
});

export const SES_REGIONS: readonly SesRegion[] = [
  region('us-east-1', 'US East (N. Virginia)', 'Eastern United States.', true),
  region('us-west-2', 'US West (Oregon)', 'Western United States.', true),
  region('eu-west-1', 'Europe (Ireland)', 'Ireland, in the EU.', true),
  region('eu-central-1', 'Europe (Frankfurt)', 'Germany, in the EU.', true),
  region('ap-south-1', 'Asia Pacific (Mumbai)', 'India.', true),
  region('ap-southeast-1', 'Asia Pacific (Singapore)', 'Singapore.', true),
  region('ap-southeast-2', 'Asia Pacific (Sydney)', 'Australia.', true),
  region('us-east-2', 'US East (Ohio)', 'Eastern United States.'),
  region('us-west-1', 'US West (N. California)', 'Western United States.'),
  region('ca-central-1', 'Canada (Central)', 'Canada.'),
  region('ca-west-1', 'Canada West (Calgary)', 'Western Canada.'),
  region('sa-east-1', 'South America (São Paulo)', 'Brazil.'),
  region('eu-west-2', 'Europe (London)', 'The United Kingdom.'),
  region('eu-west-3', 'Europe (Paris)', 'France, in the EU.'),
  region('eu-south-1', 'Europe (Milan)', 'Italy, in the EU.'),
  region('eu-north-1', 'Europe (Stockholm)', 'Sweden, in the EU.'),
  region('eu-central-2', 'Europe (Zurich)', 'Switzerland.'),
  region('il-central-1', 'Israel (Tel Aviv)', 'Israel.'),
  region('me-south-1', 'Middle East (Bahrain)', 'Bahrain.'),
  region('me-central-1', 'Middle East (UAE)', 'The United Arab Emirates.'),
  region('af-south-1', 'Africa (Cape Town)', 'South Africa.'),
  region('ap-northeast-1', 'Asia Pacific (Tokyo)', 'Japan.'),
  region('ap-northeast-2', 'Asia Pacific (Seoul)', 'South Korea.'),
  region('ap-northeast-3', 'Asia Pacific (Osaka)', 'Western Japan.'),
  region('ap-south-2', 'Asia Pacific (Hyderabad)', 'India.'),
  region('ap-southeast-3', 'Asia Pacific (Jakarta)', 'Indonesia.'),
  region('ap-southeast-5', 'Asia Pacific (Malaysia)', 'Malaysia.'),
];

/** Plain advice shown above the list. */
export const REGION_ADVICE =
  'Pick a region near the servers or apps that will send your mail, or the one your business rules require (for example, one in the EU). Everything you set up in SES belongs to the region you pick.';

/** What changes with the region, said before a change. */
export const REGION_CHANGE_WARNING =
  'Everything in SES belongs to one region: verified domains and addresses, the sandbox and production access, your sending reputation and SMTP passwords. In a new region you verify your domain again, ask again to leave the sandbox, and your apps need a new SMTP host and password. Your DNS changes too: the MAIL FROM MX record names the region’s feedback server, and in some regions the DKIM records point to a regional domain. Changing those records for the new region stops bounce handling (and DKIM signing, where it differs) for mail still sent from the old one.';

export function findRegion(code: string): SesRegion | undefined {
  return SES_REGIONS.find((r) => r.code === code);
}
