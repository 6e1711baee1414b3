/**
 * The records a domain needs for SES, worked out from the domain, the region, the DKIM tokens SES
 * gave it and what the domain already publishes. Pure: the lookups are done by the caller.
 */
import { dmarcProblem, isDmarc, proposedDmarc } from './dmarc';
import { hasMechanism, isSpf, mergeSpf, SES_SPF_MECHANISM } from './spf';
import type { DnsPlan, PlannedRecord, PlanNote } from './types';

export interface PlanInput {
  domain: string;
  region: string;
  dkimTokens: string[];
  /** The custom MAIL FROM domain; `bounce.<domain>` when not given. */
  mailFromDomain?: string;
}

/** What the domain publishes today, as read from its own nameservers. */
export interface ExistingRecords {
  /** TXT values at _dmarc.<domain>. */
  dmarc: string[];
  /** TXT values at the apex. */
  apexTxt: string[];
  /** A CNAME already at the MAIL FROM name, which rules out MX and TXT records there. */
  mailFromCname: string | null;
}

export const NOTHING_EXISTING: ExistingRecords = { dmarc: [], apexTxt: [], mailFromCname: null };

export function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '');
}

/** `bounce` → `bounce.<domain>`; a full name under the domain stays as it is. */
export function mailFromFor(domain: string, mailFrom?: string | null): string {
  const d = normaliseDomain(domain);
  if (!mailFrom) return `bounce.${d}`;
  const m = normaliseDomain(mailFrom);
  return m === d || m.endsWith(`.${d}`) ? m : `${m}.${d}`;
}

export function relativeTo(domain: string, name: string): string {
  return name === domain ? '@' : name.slice(0, -(domain.length + 1));
}

export function feedbackHost(region: string): string {
  return `feedback-smtp.${region}.amazonses.com`;
}

export function mailFromRecords(domain: string, region: string, mailFrom: string): PlannedRecord[] {
  return [
    {
      purpose: 'mail-from-mx',
      type: 'MX',
      name: mailFrom,
      relativeName: relativeTo(domain, mailFrom),
      value: `10 ${feedbackHost(region)}`,
      why: 'Lets SES receive bounces for your custom MAIL FROM domain.',
      required: true,
    },
    {
      purpose: 'mail-from-spf',
      type: 'TXT',
      name: mailFrom,
      relativeName: relativeTo(domain, mailFrom),
      value: `v=spf1 ${SES_SPF_MECHANISM} ~all`,
      why: 'Says SES may send for your MAIL FROM domain, so SPF passes and lines up with your domain for DMARC.',
      required: true,
    },
  ];
}

export function buildPlan(input: PlanInput, existing: ExistingRecords = NOTHING_EXISTING): DnsPlan {
  const domain = normaliseDomain(input.domain);
  const mailFromDomain = mailFromFor(domain, input.mailFromDomain);
  const notes: PlanNote[] = [];

  const records: PlannedRecord[] = input.dkimTokens.map((token) => ({
    purpose: 'dkim',
    type: 'CNAME',
    name: `${token}._domainkey.${domain}`,
    relativeName: `${token}._domainkey`,
    value: `${token}.dkim.amazonses.com`,
    why: 'Lets receivers check that mail signed by SES really comes from your domain (DKIM).',
    required: true,
  }));

  const dmarcFound = existing.dmarc.filter(isDmarc);
  const kept = dmarcFound.length === 1 && dmarcProblem(dmarcFound[0]!) === null ? dmarcFound[0]! : null;
  if (kept) notes.push({ code: 'DMARC_KEPT', message: 'Your domain already has a DMARC policy; keep it.' });
  else if (dmarcFound.length > 0)
    notes.push({
      code: 'DMARC_REPLACE',
      message:
        dmarcFound.length > 1
          ? `Your domain has ${dmarcFound.length} DMARC records; receivers ignore them all. Replace them with the one below.`
          : 'Your domain’s DMARC record has a mistake, so receivers ignore it. Replace it with the one below.',
    });
  records.push({
    purpose: 'dmarc',
    type: 'TXT',
    name: `_dmarc.${domain}`,
    relativeName: '_dmarc',
    value: kept ?? proposedDmarc(domain),
    why: kept
      ? 'Your existing DMARC policy: it tells receivers what to do with mail that fails the checks.'
      : 'Tells receivers what to do with mail that fails the checks. p=none only watches and sends you reports.',
    required: true,
  });

  if (existing.mailFromCname) {
    notes.push({
      code: 'MAIL_FROM_CNAME_CLASH',
      message: `${mailFromDomain} already points elsewhere with a CNAME record, so it cannot also hold the MX and TXT records SES needs. Choose another name for the MAIL FROM domain (for example mail.${domain}).`,
    });
  } else {
    records.push(...mailFromRecords(domain, input.region, mailFromDomain));
  }

  const apexSpf = existing.apexTxt.filter(isSpf);
  const current = apexSpf.length === 1 ? apexSpf[0]! : null;
  if (apexSpf.length > 1)
    notes.push({
      code: 'SPF_MULTIPLE',
      message: `Your domain has ${apexSpf.length} SPF records. A domain may have only one: join them into one.`,
    });
  return {
    domain,
    region: input.region,
    mailFromDomain,
    records,
    apexSpfOption:
      apexSpf.length > 1
        ? null
        : {
            name: domain,
            existing: current,
            merged: mergeSpf(current),
            alreadyIncluded: current !== null && hasMechanism(current, SES_SPF_MECHANISM),
          },
    notes,
  };
}
