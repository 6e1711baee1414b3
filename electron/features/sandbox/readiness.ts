/**
 * The readiness checklist shown beside the request: what AWS reviewers look for that the app can
 * check. facts come from SES (identity, DKIM, notification topics) and DNS (DMARC); the website
 * from the answers. Pure, so the rules are unit-tested without a peer.
 */
import { websiteUrl } from '../../ipc/schemas';

export interface ReadinessFacts {
  domain: string;
  region: string;
  /** SES's VerificationStatus for the domain ("Success", "Pending", …), null when unknown to SES. */
  verification: string | null;
  dkimEnabled: boolean;
  /** SES's DkimVerificationStatus, null when none. */
  dkimStatus: string | null;
  bounceTopic: string | null;
  complaintTopic: string | null;
  /** The DMARC record found at _dmarc.<domain>, null when none; 'unreadable' when DNS did not answer. */
  dmarc: string | null | 'unreadable';
  dmarcProblem: string | null;
}

export type CheckId = 'domain-verified' | 'dkim' | 'dmarc' | 'bounces' | 'website';

export interface CheckItem {
  id: CheckId;
  label: string;
  /** true done, false missing, null could not be checked. */
  ok: boolean | null;
  detail: string;
}

export interface ReadinessReport {
  domain: string;
  region: string;
  items: CheckItem[];
}

export function readiness(f: ReadinessFacts, website: string | undefined): CheckItem[] {
  const verified = f.verification === 'Success';
  const dkim = f.dkimEnabled && f.dkimStatus === 'Success';
  const site = (website ?? '').trim();
  const siteOk = websiteUrl.safeParse(site).success;
  return [
    {
      id: 'domain-verified',
      label: 'Domain verified',
      ok: verified,
      detail: verified
        ? `${f.domain} is verified in ${f.region}.`
        : f.verification
          ? `SES says ${f.domain} is ${f.verification.toLowerCase()} in ${f.region}: finish the DNS step first.`
          : `${f.domain} is not set up in ${f.region} yet: verify it in the DNS step.`,
    },
    {
      id: 'dkim',
      label: 'DKIM signing on',
      ok: dkim,
      detail: dkim
        ? 'Messages are signed with your domain’s DKIM keys.'
        : f.dkimEnabled
          ? 'DKIM is switched on, but SES has not seen the three DKIM records yet.'
          : 'Turn on Easy DKIM and publish its three records (the DNS step does both).',
    },
    {
      id: 'dmarc',
      label: 'DMARC record published',
      ok: f.dmarc === 'unreadable' ? null : f.dmarc !== null && f.dmarcProblem === null,
      detail:
        f.dmarc === 'unreadable'
          ? 'Your domain’s DNS did not answer, so DMARC could not be checked.'
          : f.dmarc === null
            ? `No DMARC record at _dmarc.${f.domain}: add one (the DNS step shows it; p=none is fine to start).`
            : f.dmarcProblem
              ? `The DMARC record has a problem: ${f.dmarcProblem}`
              : 'A DMARC record is published.',
    },
    {
      id: 'bounces',
      label: 'Bounce and complaint handling',
      ok: Boolean(f.bounceTopic && f.complaintTopic),
      detail:
        f.bounceTopic && f.complaintTopic
          ? 'Bounces and complaints are reported to a notification topic.'
          : 'SES has nowhere to report bounces and complaints for this domain: set up notifications on the Test send screen.',
    },
    {
      id: 'website',
      label: 'Website given',
      ok: siteOk,
      detail: siteOk
        ? 'Reviewers can see what your business does.'
        : 'Give your website’s full address (https://…).',
    },
  ];
}
