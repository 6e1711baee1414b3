/**
 * The hand-off message: everything whoever manages the domain's DNS needs, written so that the
 * person can forward it without understanding it. Pure: the plan, the host and the live check are
 * given. The words name each record by the zone it goes in, since that is what a DNS form asks for.
 */
import { isIP, isIPv4, isIPv6 } from 'node:net';
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

/** The server a `dig` line asks, and its port when not 53. */
interface DigServer {
  address: string;
  port: string | null;
}

/** LDH labels of 1 to 63 characters, none starting or ending with a hyphen, 253 in all. */
function isHostname(name: string): boolean {
  const labels = name.split('.');
  return (
    name.length <= 253 &&
    labels.every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(label)) &&
    // A last label of digits alone makes no hostname: the system's resolver reads 1234 as 0.0.4.210.
    !/^\d+$/.test(labels.at(-1)!)
  );
}

function isPort(port: string): boolean {
  return Number(port) >= 1 && Number(port) <= 65535;
}

/**
 * A strict hostname, or an IPv4 or IPv6 address with a port for a server on another one
 * (`127.0.0.1:5353`, `[::1]:5353`, as tests serve DNS). NS names come from DNS unchecked, and the
 * line is meant to be pasted into a shell: anything else (a zone ID's `%` included) is null.
 */
function digServer(nameserver: string): DigServer | null {
  const v6 = /^\[([\da-f:.]+)\]:(\d{1,5})$/i.exec(nameserver);
  if (v6) return isIPv6(v6[1]!) && isPort(v6[2]!) ? { address: v6[1]!, port: v6[2]! } : null;
  const v4 = /^([\d.]+):(\d{1,5})$/.exec(nameserver);
  if (v4) return isIPv4(v4[1]!) && isPort(v4[2]!) ? { address: v4[1]!, port: v4[2]! } : null;
  if (/^[\da-f:.]+$/i.test(nameserver) && isIP(nameserver)) return { address: nameserver, port: null };
  const name = nameserver.replace(/\.$/, '');
  return isHostname(name) ? { address: name, port: null } : null;
}

/**
 * A name as dig reads it on its command line, in zone-file syntax: a byte that is not printable
 * ASCII (a newline, a NUL, UTF-8) and the backslash are written `\DDD`, so the line stays one line
 * of plain text, dig applies no IDN conversion, and it asks for exactly the record's name.
 */
function digName(name: string): string {
  let text = '';
  for (const byte of Buffer.from(name, 'utf8'))
    text +=
      byte > 0x20 && byte < 0x7f && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\${String(byte).padStart(3, '0')}`;
  return text;
}

/** Characters no POSIX shell gives a meaning to (a word of them is taken as it is). */
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One shell word: as it is when safe, else in single quotes, a quote inside written '\''. */
function shellWord(arg: string): string {
  return SHELL_SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * dig takes a word starting with `-`, `+` or `@` as an option or a server, whatever the quotes:
 * such a name or type goes after its own option (`-q`, `-t`), where dig reads it as one.
 */
function operand(option: '-q' | '-t', value: string): string[] {
  return /^[-+@]/.test(value) ? [option, value] : [value];
}

/**
 * `dig` asks the zone's nameserver directly, so the answer is the zone's own, not a cached one.
 * A nameserver that is not plainly a hostname or an address is not named: the line then asks
 * the person's usual resolver, which still answers (perhaps from its cache), and is safe to paste.
 */
export function digLine(
  record: Pick<PlannedRecord, 'type' | 'name'>,
  nameserver: string | undefined,
): string {
  const server = nameserver ? digServer(nameserver) : null;
  const words = [
    'dig',
    '+short',
    ...operand('-t', record.type),
    ...operand('-q', digName(record.name)),
    ...(server ? [`@${server.address}`] : []),
    ...(server?.port ? ['-p', server.port] : []),
  ];
  return words.map(shellWord).join(' ');
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
  // Every NS of a zone answers for all of it, so a name that cannot go on a command line gives way
  // to the next acceptable one, rather than dropping the server and with it the zone's own answer.
  const nameserver = input.nameservers.find((ns) => digServer(ns) !== null);
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
