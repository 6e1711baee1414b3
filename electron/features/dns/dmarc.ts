/** DMARC records: recognised, checked for the mistakes that make receivers ignore them. */
import { unquote } from './spf';

/** Meant as a DMARC record (even if quoted or mistyped); dmarcProblem says whether it is valid. */
export function isDmarc(value: string): boolean {
  return /^v\s*=\s*dmarc1\s*(;|$)/i.test(unquote(value));
}

/**
 * Why a DMARC record would be ignored, or null when it is well formed: it must start with exactly
 * `v=DMARC1`, have a `p=` of none, quarantine or reject, and tags written `name=value`.
 */
export function dmarcProblem(value: string): string | null {
  const text = value.trim();
  if (text.startsWith('"') || text.endsWith('"'))
    return 'Quote marks were saved as part of the value, so receivers do not recognise it.';
  const tags = text
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags[0] !== 'v=DMARC1') return 'It must begin with exactly “v=DMARC1;”.';
  const pairs = new Map<string, string>();
  for (const tag of tags.slice(1)) {
    const m = /^([a-z]+)\s*=\s*(.*)$/i.exec(tag);
    if (!m) return `The part “${tag.slice(0, 40)}” is not written as name=value.`;
    pairs.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  if (tags[1] === undefined || !/^p\s*=/i.test(tags[1]))
    return 'The policy (p=none, p=quarantine or p=reject) must come right after v=DMARC1.';
  const p = pairs.get('p')?.toLowerCase();
  if (p !== 'none' && p !== 'quarantine' && p !== 'reject')
    return 'The policy p= must be none, quarantine or reject.';
  const rua = pairs.get('rua');
  if (rua !== undefined && !rua.split(',').every((u) => /^mailto:[^@\s]+@[^@\s]+$/i.test(u.trim())))
    return 'The report address rua= must be written mailto:someone@example.com.';
  return null;
}

export function proposedDmarc(domain: string): string {
  return `v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}`;
}
