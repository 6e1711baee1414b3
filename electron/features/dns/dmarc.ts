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

/**
 * The record with the same tags in the order receivers expect (v, then p, then the rest as they
 * were), when order is its only mistake; null otherwise. Fixing the order never changes the policy.
 */
export function reorderedDmarc(value: string): string | null {
  const tags = value
    .trim()
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean);
  const v = tags.find((t) => /^v\s*=/i.test(t));
  const p = tags.find((t) => /^p\s*=/i.test(t));
  if (!v || !p) return null;
  const reordered = [v, p, ...tags.filter((t) => t !== v && t !== p)].join('; ');
  return reordered !== tags.join('; ') && dmarcProblem(reordered) === null ? reordered : null;
}

/** A tag's value (lower-cased name), or undefined; only for records dmarcProblem accepts. */
export function dmarcTag(value: string, name: string): string | undefined {
  for (const tag of value.split(';')) {
    const m = /^\s*([a-z]+)\s*=\s*(.*?)\s*$/i.exec(tag);
    if (m && m[1]!.toLowerCase() === name) return m[2];
  }
  return undefined;
}

/**
 * The record proposed when no DMARC policy applies yet: p=none (watch only). Reports go to the
 * address the person gives; without one, rua is left out rather than naming a mailbox that may not
 * exist (reports to a missing mailbox bounce back to the senders of every report).
 */
export function proposedDmarc(reportTo?: string): string {
  return reportTo ? `v=DMARC1; p=none; rua=mailto:${reportTo}` : 'v=DMARC1; p=none';
}
