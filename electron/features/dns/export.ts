/**
 * The plan as files a person (or their IT contact) can import or read: a BIND zone snippet, which
 * most DNS hosts can import, and CSV for a spreadsheet.
 */
import type { DnsPlan, RecordType } from './types';

const TTL = 3600;

/** A TXT string holds at most 255 bytes (bytes, not characters: UTF-8 takes up to four for one). */
const TXT_STRING_BYTES = 255;

/** `\DDD`: a byte in decimal, the zone-file escape every parser reads the same way. */
function decimalEscape(byte: number): string {
  return `\\${String(byte).padStart(3, '0')}`;
}

/**
 * Text in zone-file syntax, for inside quotes: printable ASCII stands for itself but `"` and `\`,
 * which take a backslash; every other byte (a newline, a NUL, UTF-8) is `\DDD`, so the text stays
 * on one line and reads back as the same bytes.
 */
function escapedText(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    if (byte === 0x22 || byte === 0x5c) text += `\\${String.fromCharCode(byte)}`;
    else text += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : decimalEscape(byte);
  }
  return text;
}

/** The value's UTF-8 bytes in strings of at most 255; an empty value is one empty string. */
function txtStrings(value: string): Uint8Array[] {
  const bytes = Buffer.from(value, 'utf8');
  const strings: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += TXT_STRING_BYTES)
    strings.push(bytes.subarray(at, at + TXT_STRING_BYTES));
  return strings.length > 0 ? strings : [bytes];
}

/**
 * A TXT value in zone-file syntax: quoted, escaped, and split into strings of at most 255 bytes.
 * The value may have been read from DNS (an SPF or DMARC record already there), so it may hold
 * anything: a newline or a `;` outside quotes would end the record or start a comment.
 */
export function zoneTxt(value: string): string {
  return txtStrings(value)
    .map((bytes) => `"${escapedText(bytes)}"`)
    .join(' ');
}

/** In a name, letters, digits, `-` and `_` stand for themselves; any other byte is `\DDD`. */
function nameByte(byte: number): string {
  const char = String.fromCharCode(byte);
  return /^[A-Za-z0-9_-]$/.test(char) ? char : decimalEscape(byte);
}

/**
 * A name made absolute (with its final dot) in zone-file syntax, or null when it cannot be a DNS
 * name: an empty label, a label over 63 bytes, or over 255 bytes in all as DNS carries it. Names
 * hold DKIM tokens from AWS, so a `;`, a space or a quote in one is escaped rather than trusted.
 */
function zoneName(name: string): string | null {
  const labels = name.split('.').map((label) => Buffer.from(label, 'utf8'));
  const wireLength = labels.reduce((sum, label) => sum + 1 + label.length, 1);
  if (wireLength > 255 || labels.some((label) => label.length === 0 || label.length > 63)) return null;
  return `${labels.map((label) => [...label].map(nameByte).join('')).join('.')}.`;
}

/** "10 feedback-smtp.<region>.amazonses.com" as MX data, or null when it is not a preference and a name. */
function mxData(value: string): string | null {
  const [, preference, host] = /^(\d{1,5}) (.+)$/s.exec(value) ?? [];
  const exchange = host === undefined ? null : zoneName(host);
  return exchange && Number(preference) <= 65535 ? `${preference} ${exchange}` : null;
}

function zoneData(type: RecordType, value: string): string | null {
  if (type === 'TXT') return zoneTxt(value);
  if (type === 'MX') return mxData(value);
  return zoneName(value);
}

/** One record's line, or null when its name or data cannot be written as a valid record. */
function recordLine(name: string, type: RecordType, value: string): string | null {
  const owner = zoneName(name);
  const data = zoneData(type, value);
  return owner && data ? `${owner}\t${TTL}\tIN\t${type}\t${data}` : null;
}

export function toBind(plan: DnsPlan): string {
  // Even a comment must stay on its line: a newline in it would begin a record of its own.
  const comment = (text: string) => escapedText(Buffer.from(text, 'utf8'));
  const lines = [
    `; Amazon SES records for ${comment(plan.domain)} (region ${comment(plan.region)}), made by SES Setup Assistant.`,
    '; Names are absolute (they end with a dot), so the file can be imported into any zone.',
  ];
  for (const r of plan.records)
    lines.push(
      recordLine(r.name, r.type, r.value) ??
        `; Left out: a ${r.type} record (${r.purpose}) whose name or value is not a valid DNS name.`,
    );
  const spf = plan.apexSpfOption;
  const spfLine = spf && !spf.alreadyIncluded ? recordLine(spf.name, 'TXT', spf.merged) : null;
  if (spf && spfLine) {
    lines.push(
      '; Optional, not needed for SES: SES’s include merged into your domain’s own SPF record.',
      spf.existing ? '; It replaces your current SPF record; never add it as a second one.' : '',
      `; ${spfLine}`,
    );
  }
  return lines.filter(Boolean).join('\n') + '\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(plan: DnsPlan): string {
  const rows = [['type', 'name', 'short_name', 'value', 'purpose', 'required']];
  for (const r of plan.records)
    rows.push([r.type, r.name, r.relativeName, r.value, r.purpose, r.required ? 'yes' : 'no']);
  const spf = plan.apexSpfOption;
  if (spf && !spf.alreadyIncluded) rows.push(['TXT', spf.name, '@', spf.merged, 'apex-spf-optional', 'no']);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
