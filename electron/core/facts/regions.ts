/**
 * The one place for SES region data: every commercial region SES serves, with a name a person
 * knows, who it suits and its SMTP host. The seven recommended regions come first, in the order the
 * region screen shows them. GovCloud is left out on purpose: it needs a separate AWS account.
 */

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
  region('us-east-1', 'US East (N. Virginia)', 'Most US businesses; the largest SES region.', true),
  region('us-west-2', 'US West (Oregon)', 'Businesses on the US west coast.', true),
  region('eu-west-1', 'Europe (Ireland)', 'Most of Europe; keeps your mail data in the EU.', true),
  region('eu-central-1', 'Europe (Frankfurt)', 'Germany and central Europe; data stays in the EU.', true),
  region('ap-south-1', 'Asia Pacific (Mumbai)', 'India.', true),
  region('ap-southeast-1', 'Asia Pacific (Singapore)', 'South-east Asia.', true),
  region('ap-southeast-2', 'Asia Pacific (Sydney)', 'Australia and New Zealand.', true),
  region('us-east-2', 'US East (Ohio)', 'US businesses that want a second US region.'),
  region('us-west-1', 'US West (N. California)', 'Northern California.'),
  region('ca-central-1', 'Canada (Central)', 'Canada; data stays in Canada.'),
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
  'Pick the region closest to the people who will receive your mail, or where your data must stay (for example the EU). If unsure, US East (N. Virginia) is the usual choice.';

/** What changes with the region, said before a change. */
export const REGION_CHANGE_WARNING =
  'Everything in SES belongs to one region: verified domains and addresses, the sandbox and production access, your sending reputation and SMTP passwords. In a new region you verify your domain again, ask again to leave the sandbox, and your apps need a new SMTP host and password.';

export function findRegion(code: string): SesRegion | undefined {
  return SES_REGIONS.find((r) => r.code === code);
}
