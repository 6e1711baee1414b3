/**
 * The one place for SES region data: every commercial region SES serves, with a name a person
 * knows, who it suits, its SMTP host and the domain its DKIM keys are published under. The seven
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

export interface SesRegion {
  code: string;
  name: string;
  /** Who the region suits, in plain words. */
  suits: string;
  /** The SES SMTP endpoint; not every region is certain to have one, so the SMTP step probes it. */
  smtpHost: string;
  recommended: boolean;
}

const region = (code: string, name: string, suits: string, recommended = false): SesRegion => ({
  code,
  name,
  suits,
  smtpHost: `email-smtp.${code}.amazonaws.com`,
  recommended,
});

export const SES_REGIONS: readonly SesRegion[] = [
  region('us-east-1', 'US East (N. Virginia)', 'Most US businesses.', true),
  region('us-west-2', 'US West (Oregon)', 'Businesses on the US west coast.', true),
  region('eu-west-1', 'Europe (Ireland)', 'Most of Europe.', true),
  region('eu-central-1', 'Europe (Frankfurt)', 'Germany and central Europe.', true),
  region('ap-south-1', 'Asia Pacific (Mumbai)', 'India.', true),
  region('ap-southeast-1', 'Asia Pacific (Singapore)', 'South-east Asia.', true),
  region('ap-southeast-2', 'Asia Pacific (Sydney)', 'Australia and New Zealand.', true),
  region('us-east-2', 'US East (Ohio)', 'US businesses that want a second US region.'),
  region('us-west-1', 'US West (N. California)', 'Northern California.'),
  region('ca-central-1', 'Canada (Central)', 'Canada.'),
  region('ca-west-1', 'Canada West (Calgary)', 'Western Canada.'),
  region('sa-east-1', 'South America (São Paulo)', 'Brazil and South America.'),
  region('eu-west-2', 'Europe (London)', 'The United Kingdom.'),
  region('eu-west-3', 'Europe (Paris)', 'France.'),
  region('eu-south-1', 'Europe (Milan)', 'Italy.'),
  region('eu-north-1', 'Europe (Stockholm)', 'The Nordic countries.'),
  region('eu-central-2', 'Europe (Zurich)', 'Switzerland.'),
  region('il-central-1', 'Israel (Tel Aviv)', 'Israel.'),
  region('me-south-1', 'Middle East (Bahrain)', 'The Gulf states.'),
  region('me-central-1', 'Middle East (UAE)', 'The United Arab Emirates.'),
  region('af-south-1', 'Africa (Cape Town)', 'South Africa and the rest of Africa.'),
  region('ap-northeast-1', 'Asia Pacific (Tokyo)', 'Japan.'),
  region('ap-northeast-2', 'Asia Pacific (Seoul)', 'South Korea.'),
  region('ap-northeast-3', 'Asia Pacific (Osaka)', 'Western Japan.'),
  region('ap-south-2', 'Asia Pacific (Hyderabad)', 'India, as a second region.'),
  region('ap-southeast-3', 'Asia Pacific (Jakarta)', 'Indonesia.'),
  region('ap-southeast-5', 'Asia Pacific (Malaysia)', 'Malaysia.'),
];

/** Plain advice shown above the list. */
export const REGION_ADVICE =
  'Pick the region closest to the people who will receive your mail, or the one your business rules require (for example, one in the EU). If unsure, US East (N. Virginia) is the usual choice.';

/** What changes with the region, said before a change. */
export const REGION_CHANGE_WARNING =
  'Everything in SES belongs to one region: verified domains and addresses, the sandbox and production access, your sending reputation and SMTP passwords. In a new region you verify your domain again, ask again to leave the sandbox, and your apps need a new SMTP host and password. Your DNS changes too: the MAIL FROM MX record names the region’s feedback server, and in some regions the DKIM records point to a regional domain. Changing those records for the new region stops bounce handling (and DKIM signing, where it differs) for mail still sent from the old one.';

export function findRegion(code: string): SesRegion | undefined {
  return SES_REGIONS.find((r) => r.code === code);
}
