/**
 * The hand-off message: everything whoever manages the domain's DNS needs, written so that the
 * person can forward it without understanding it. Pure: the plan, the host and the live check are
 * given. The words name each record by the zone it goes in, since that is what a DNS form asks for.
 */
import type { DnsHost, DnsPlan, RecordCheck, PlannedRecord } from '../dns/types';
import { whyNotAutomatic } from '../../core/facts/dns-host-apis';
import type { HandOff, HandOffHost, HandOffRecord } from './types';

/** One hour: short enough that a typo is mended quickly, long enough for any host's minimum. */
export const HANDOFF_TTL = 3600;

const LABEL: Record<PlannedRecord['purpose'], string> = {
  dkim: 'DKIM signature key',
  dmarc: 'DMARC policy',
  'mail-from-mx': 'Bounces (MAIL FROM)',
  'mail-from-spf': 'SPF for bounces (MAIL FROM)',
};

export interface HandOffInput {
  plan: DnsPlan;
  /** The host recognised from the NS records, or null. */
  host: DnsHost | null;
  /** The generic host's wording, used when none is recognised. */
  genericHost: DnsHost;
  /** The zone's NS names (or host:port servers in tests); empty when DNS could not be read. */
  nameservers: string[];
  /** The live check's records, when a check was made. */
  checks: RecordCheck[] | null;
}

export function purposeLabel(purpose: PlannedRecord['purpose']): string {
  return LABEL[purpose];
}

function nameToType(host: DnsHost, record: PlannedRecord): string {
  return host.nameStyle === 'relative' ? record.relativeName : `${record.relativeName} (or ${record.name})`;
}

/** `dig` asks the first nameserver directly, so the answer is the zone's own, not a cached one. */
export function digLine(
  record: Pick<PlannedRecord, 'type' | 'name'>,
  nameserver: string | undefined,
): string {
  const base = `dig +short ${record.type} ${record.name}`;
  if (!nameserver) return base;
  const withPort = /^(.+):(\d{1,5})$/.exec(nameserver);
  if (withPort && !withPort[1]!.includes(':')) return `${base} @${withPort[1]} -p ${withPort[2]}`;
  return `${base} @${nameserver.replace(/\.$/, '')}`;
}

function hostView(host: DnsHost | null, generic: DnsHost): HandOffHost {
  const h = host ?? generic;
  return {
    id: h.id,
    name: h.name,
    recognised: host !== null,
    nameField: h.nameField,
    tips: h.tips,
    whyNotAutomatic: host ? whyNotAutomatic(host.id) : null,
  };
}

export function composeHandOff(input: HandOffInput): HandOff {
  const { plan, checks } = input;
  const host = input.host ?? input.genericHost;
  const found = new Map(checks?.map((c) => [`${c.purpose} ${c.name}`, c]));
  const records: HandOffRecord[] = plan.records.map((r) => {
    const check = found.get(`${r.purpose} ${r.name}`);
    return {
      purpose: r.purpose,
      type: r.type,
      name: r.name,
      relativeName: r.relativeName,
      nameToType: nameToType(host, r),
      value: r.value,
      ttl: HANDOFF_TTL,
      why: r.why,
      inPlace: check ? check.status === 'ok' || check.status === 'propagating' : null,
    };
  });
  const nameserver = input.nameservers[0];
  const handOff: Omit<HandOff, 'text'> = {
    domain: plan.domain,
    unicodeDomain: plan.unicodeDomain,
    zone: plan.zone,
    region: plan.region,
    host: hostView(input.host, input.genericHost),
    records,
    nameservers: input.nameservers,
    digLines: records.map((r) => digLine(r, nameserver)),
    allInPlace: checks === null ? null : records.every((r) => r.inPlace === true),
    subject: `DNS records to add for ${plan.unicodeDomain} (email through Amazon SES)`,
  };
  return { ...handOff, text: toText(handOff) };
}

/** The domain as people read it, with the form DNS uses when they differ. */
export function domainWords(h: Pick<HandOff, 'domain' | 'unicodeDomain'>): string {
  return h.unicodeDomain === h.domain ? h.domain : `${h.unicodeDomain} (written ${h.domain} in DNS)`;
}

/** The paragraphs before the records, shared by the text and the web page. */
export function introduction(h: Omit<HandOff, 'text'>): string[] {
  const where =
    h.zone === h.domain
      ? `Please add them in the DNS zone of ${h.zone}${h.host.recognised ? ` at ${h.host.name}` : ''}.`
      : `Please add them in the DNS zone ${h.zone}${h.host.recognised ? ` at ${h.host.name}` : ''}: the short names below are relative to that zone.`;
  return [
    `Could you add the ${h.records.length} DNS records below for ${domainWords(h)}? They let the domain send email through Amazon SES (Amazon’s email service, region ${h.region}) and prove to mail providers that this mail really comes from the domain. They change nothing about the website or the mail the domain already sends or receives.`,
    where,
    'If a record of the same name and type is already there, change it rather than add a second one: a name may hold only one SPF record and one DMARC record.',
  ];
}

export function checkWords(): string[] {
  return [
    'When they are in: the person who sent you this is told automatically by their SES Setup Assistant as soon as every record can be seen. To check yourself, run each line below in a terminal; each should print the value given above (TXT values come back in quotes).',
  ];
}

function toText(h: Omit<HandOff, 'text'>): string {
  const lines: string[] = ['Hello,', '', ...introduction(h).flatMap((p) => [p, ''])];
  h.records.forEach((r, i) => {
    lines.push(
      `Record ${i + 1} of ${h.records.length}: ${purposeLabel(r.purpose)}`,
      `  Type:  ${r.type}`,
      `  ${h.host.nameField}: ${r.nameToType}${r.nameToType === r.relativeName ? `   (full name: ${r.name})` : ''}`,
      `  Value: ${r.value}`,
      `  TTL:   ${r.ttl} (one hour; your host’s default is fine too)`,
      `  Why:   ${r.why}`,
      '',
    );
  });
  lines.push(`How to add them${h.host.recognised ? ` at ${h.host.name}` : ''}:`);
  for (const tip of h.host.tips) lines.push(`  - ${tip}`);
  if (h.host.whyNotAutomatic) lines.push('', h.host.whyNotAutomatic);
  lines.push('', 'How to check:', ...checkWords());
  for (const dig of h.digLines) lines.push(`  ${dig}`);
  lines.push('', 'Thank you!', '');
  return lines.join('\n');
}
