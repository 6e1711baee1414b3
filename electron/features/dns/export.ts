/**
 * The plan as files a person (or their IT contact) can import or read: a BIND zone snippet, which
 * most DNS hosts can import, and CSV for a spreadsheet.
 */
import type { DnsPlan } from './types';

const TTL = 3600;

/** A TXT value in zone-file syntax: quoted, escaped, and split into strings of at most 255 bytes. */
export function zoneTxt(value: string): string {
  const chunks: string[] = [];
  for (let i = 0; i < value.length; i += 255) chunks.push(value.slice(i, i + 255));
  return chunks.map((c) => `"${c.replace(/[\\"]/g, (m) => `\\${m}`)}"`).join(' ');
}

function zoneValue(type: string, value: string): string {
  if (type === 'TXT') return zoneTxt(value);
  if (type === 'MX') {
    const [priority, host] = value.split(' ');
    return `${priority} ${host}.`;
  }
  return `${value}.`;
}

export function toBind(plan: DnsPlan): string {
  const lines = [
    `; Amazon SES records for ${plan.domain} (region ${plan.region}), made by SES Setup Assistant.`,
    '; Names are absolute (they end with a dot), so the file can be imported into any zone.',
  ];
  for (const r of plan.records)
    lines.push(`${r.name}.\t${TTL}\tIN\t${r.type}\t${zoneValue(r.type, r.value)}`);
  const spf = plan.apexSpfOption;
  if (spf && !spf.alreadyIncluded) {
    lines.push(
      '; Optional, not needed for SES: SES’s include merged into your domain’s own SPF record.',
      spf.existing ? '; It replaces your current SPF record; never add it as a second one.' : '',
      `; ${spf.name}.\t${TTL}\tIN\tTXT\t${zoneTxt(spf.merged)}`,
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
