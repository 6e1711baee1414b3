/**
 * The records a domain needs for SES, worked out from the domain, the region, the DKIM tokens SES
 * gave it and what the domain already publishes. Pure: the lookups are done by the caller.
 */
import { domainToUnicode } from 'node:url';
import { dkimDomainFor, feedbackMxHost } from '../../core/facts/regions';
import { SES_DEFAULT_MAIL_FROM_DOMAIN } from '../../core/facts/mail-from';
import { dmarcProblem, dmarcTag, isDmarc, proposedDmarc, reorderedDmarc } from './dmarc';
import { hasMechanism, isSpf, mergeSpf, SES_SPF_MECHANISM, SPF_LOOKUP_LIMIT } from './spf';
import type { DnsPlan, PlannedRecord, PlanNote } from './types';

export interface PlanInput {
  domain: string;
  region: string;
  dkimTokens: string[];
  /**
   * The domain SES publishes this identity's DKIM keys under, as SES reports it (SigningHostedZone);
   * the region's entry in the dated region table when SES was not asked.
   */
  dkimDomain?: string;
  /** The custom MAIL FROM domain; `bounce.<domain>` when not given. */
  mailFromDomain?: string;
  /**
   * The MAIL FROM domain SES holds for the identity (null: none, SES uses its own), when SES was
   * asked; the plan then says when its MAIL FROM records are not the ones SES uses.
   */
  sesMailFrom?: string | null;
  /** Where DMARC reports should go (rua), when the person gave an address; left out otherwise. */
  dmarcReportTo?: string;
  /**
   * The DNS zone that holds the domain (shop.example for mail.shop.example), read from DNS. Short
   * names are relative to it, since that is what the DNS host's form expects. The domain itself
   * when not known.
   */
  zone?: string;
}

/** What the domain publishes today, as read from its own nameservers. */
export interface ExistingRecords {
  /** TXT values at _dmarc.<domain>. */
  dmarc: string[];
  /** TXT values at the apex. */
  apexTxt: string[];
  /** A CNAME already at the MAIL FROM name, which rules out MX and TXT records there. */
  mailFromCname: string | null;
  /**
   * For a domain with no DMARC record of its own: the closest parent's valid DMARC record, which
   * receivers apply to it (its sp= when present, else its p=); `unknown` when DNS could not tell.
   */
  dmarcInherited?: { from: string; record: string } | null | 'unknown';
  /** True when the apex's TXT records could not be read, so its SPF record is unknown. */
  apexTxtUnknown?: boolean;
  /** The DNS lookups the apex SPF record would need with amazonses.com merged in, when counted. */
  mergedSpfLookups?: number | null;
  /** Why the merged record would be a permanent error for receivers other than its lookup count. */
  mergedSpfBroken?: string | null;
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

/** The name as typed in the zone's own form: `@` for the zone's apex, else the part before it. */
export function relativeTo(zone: string, name: string): string {
  if (name === zone) return '@';
  return name.endsWith(`.${zone}`) ? name.slice(0, -(zone.length + 1)) : name;
}

/** The zone to name records in: the one given when the domain is inside it, else the domain. */
function zoneOf(domain: string, zone: string | undefined): string {
  const z = zone ? normaliseDomain(zone) : domain;
  return z === domain || domain.endsWith(`.${z}`) ? z : domain;
}

/** The MX host of the MAIL FROM subdomain: SES's feedback endpoint in the region (core/facts/regions.ts). */
export const feedbackHost = feedbackMxHost;

export function mailFromRecords(zone: string, region: string, mailFrom: string): PlannedRecord[] {
  return [
    {
      purpose: 'mail-from-mx',
      type: 'MX',
      name: mailFrom,
      relativeName: relativeTo(zone, mailFrom),
      value: `10 ${feedbackHost(region)}`,
      why: 'Lets SES receive bounces for your custom MAIL FROM domain.',
      required: true,
    },
    {
      purpose: 'mail-from-spf',
      type: 'TXT',
      name: mailFrom,
      relativeName: relativeTo(zone, mailFrom),
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
  const dkimDomain = normaliseDomain(input.dkimDomain ?? dkimDomainFor(input.region));
  const zone = zoneOf(domain, input.zone);

  const records: PlannedRecord[] = input.dkimTokens.map((token) => ({
    purpose: 'dkim',
    type: 'CNAME',
    name: `${token}._domainkey.${domain}`,
    relativeName: relativeTo(zone, `${token}._domainkey.${domain}`),
    value: `${token}.${dkimDomain}`,
    why: 'Lets receivers check that mail signed by SES really comes from your domain (DKIM).',
    required: true,
  }));

  records.push(...dmarcRecords(domain, zone, existing, input.dmarcReportTo, notes));

  if (existing.mailFromCname) {
    notes.push({
      code: 'MAIL_FROM_CNAME_CLASH',
      message: `${mailFromDomain} already points elsewhere with a CNAME record, so it cannot also hold the MX and TXT records SES needs. Choose another name for the MAIL FROM domain (for example mail.${domain}).`,
    });
  } else {
    records.push(...mailFromRecords(zone, input.region, mailFromDomain));
  }
  // With a CNAME in the way no MAIL FROM records are listed, and SES could never use that name.
  const sesNote = existing.mailFromCname
    ? null
    : mailFromInSesNote(domain, mailFromDomain, input.sesMailFrom);
  if (sesNote) notes.push(sesNote);

  const apexSpf = existing.apexTxtUnknown ? [] : existing.apexTxt.filter(isSpf);
  const current = apexSpf.length === 1 ? apexSpf[0]! : null;
  if (apexSpf.length > 1)
    notes.push({
      code: 'SPF_MULTIPLE',
      message: `Your domain has ${apexSpf.length} SPF records. A domain may have only one: join them into one.`,
    });
  // A merged record over the limit would break SPF for all the domain's mail: offer no merge then.
  const merged = existing.mergedSpfLookups ?? null;
  const merging = current !== null && !hasMechanism(current, SES_SPF_MECHANISM);
  const overLimit = merging && merged !== null && merged > SPF_LOOKUP_LIMIT;
  const broken = merging && !overLimit ? (existing.mergedSpfBroken ?? null) : null;
  if (broken)
    notes.push({
      code: 'SPF_BROKEN',
      message: `Your domain’s SPF record fails for receivers today: ${broken} SES does not need it changed (the MAIL FROM records above take care of SPF), so the assistant does not offer to add to it: correct it first at your DNS host.`,
    });
  if (overLimit)
    notes.push({
      code: 'SPF_MERGE_OVER_LIMIT',
      message: `Your domain’s SPF record would need ${merged} DNS lookups with SES’s include added, over the limit of ${SPF_LOOKUP_LIMIT}: receivers would then fail SPF for all your domain’s mail. SES does not need it (the MAIL FROM records above take care of SPF), so leave your SPF record as it is.`,
    });
  return {
    domain,
    unicodeDomain: domainToUnicode(domain) || domain,
    zone,
    region: input.region,
    mailFromDomain,
    records,
    // Unread, the apex may already hold an SPF record: offering a new one could make it two.
    apexSpfOption:
      existing.apexTxtUnknown || apexSpf.length > 1 || overLimit || broken
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

/**
 * A MAIL FROM record only counts once SES uses that domain: a domain verified in the console has
 * none, and setting it can fail when the assistant verifies one. Said so the person is not told
 * "all in place" while SPF still does not line up with their domain.
 */
function mailFromInSesNote(
  domain: string,
  planned: string,
  inSes: string | null | undefined,
): PlanNote | null {
  if (inSes === undefined) return null;
  if (inSes === null)
    return {
      code: 'MAIL_FROM_NOT_IN_SES',
      message: `Optional: SES does not use ${planned} for ${domain} yet, so the two bounce records below change nothing until it does. Your mail does not need it to be trusted: DKIM already lines it up with ${domain}, which is what DMARC asks for. Using ${planned} adds two things: bounces come back to your own domain instead of SES’s (${SES_DEFAULT_MAIL_FROM_DOMAIN}), and SPF lines up with ${domain} too, a second check some mail providers look at.`,
    };
  const held = normaliseDomain(inSes);
  if (held === planned) return null;
  return {
    code: 'MAIL_FROM_OTHER_IN_SES',
    message: `SES uses ${held} as the MAIL FROM domain for ${domain}, not ${planned}: the records for ${planned} only count once SES is told to use it.`,
  };
}

/**
 * The DMARC record to publish, if any. Rule: never weaker than what already applies. A valid record
 * is kept as it is; one whose only fault is tag order gets the same tags reordered; one that cannot
 * be read is reported and left as it is (the plan expects it unchanged, so nothing overwrites it);
 * a parent's policy that covers a subdomain counts as present. Only where no policy applies at all
 * is p=none (watch only) proposed.
 */
function dmarcRecords(
  domain: string,
  zone: string,
  existing: ExistingRecords,
  reportTo: string | undefined,
  notes: PlanNote[],
): PlannedRecord[] {
  const found = existing.dmarc.filter(isDmarc);
  const record = (value: string, why: string): PlannedRecord[] => [
    {
      purpose: 'dmarc',
      type: 'TXT',
      name: `_dmarc.${domain}`,
      relativeName: relativeTo(zone, `_dmarc.${domain}`),
      value,
      why,
      required: true,
    },
  ];
  if (found.length > 1) {
    notes.push({
      code: 'DMARC_MULTIPLE',
      message: `Your domain has ${found.length} DMARC records, so receivers ignore them all. Join them into one by hand, keeping the strictest policy (reject over quarantine over none); the assistant does not choose for you.`,
    });
    return [];
  }
  const own = found[0];
  if (own !== undefined) {
    if (dmarcProblem(own) === null) {
      notes.push({ code: 'DMARC_KEPT', message: 'Your domain already has a DMARC policy; keep it.' });
      return record(
        own,
        'Your existing DMARC policy: it tells receivers what to do with mail that fails the checks.',
      );
    }
    const reordered = reorderedDmarc(own);
    if (reordered) {
      notes.push({
        code: 'DMARC_REORDER',
        message:
          'Your DMARC record has its parts in an order some receivers reject. Below is the same record with p= moved right after v=DMARC1: your policy does not change.',
      });
      return record(reordered, 'Your existing DMARC policy, with its parts in the order receivers expect.');
    }
    notes.push({
      code: 'DMARC_UNREADABLE',
      message: `Your DMARC record cannot be read (${dmarcProblem(own)}). The assistant leaves it as it is rather than replace your policy: correct it at your DNS host.`,
    });
    return record(own, 'Your existing DMARC record, left as it is: correct the mistake named above.');
  }
  const inherited = existing.dmarcInherited;
  if (inherited === 'unknown') {
    notes.push({
      code: 'DMARC_NOT_READ',
      message: `DNS did not answer when the assistant asked which DMARC policy already applies to ${domain} (its own, or that of a domain above it). It proposes no DMARC record this time, since a new one would replace a policy that may be stricter: check again when DNS answers.`,
    });
    return [];
  }
  if (inherited) {
    const policy = dmarcTag(inherited.record, 'sp') ?? dmarcTag(inherited.record, 'p') ?? 'none';
    notes.push({
      code: 'DMARC_INHERITED',
      message: `${domain} is covered by the DMARC policy of ${inherited.from} (p=${policy} for its subdomains), so it needs no record of its own. Adding one could only replace that policy, so the assistant does not.`,
    });
    return [];
  }
  notes.push({
    code: 'DMARC_NEW',
    message: reportTo
      ? `DMARC reports will go to ${reportTo}.`
      : 'The proposed DMARC record sends no reports. To get them, give an address whose mailbox exists; a report address that does not exist makes every receiver’s report bounce.',
  });
  return record(
    proposedDmarc(reportTo),
    'Tells receivers what to do with mail that fails the checks. p=none only watches; move to quarantine, then reject, once your reports show all your mail passes.',
  );
}
