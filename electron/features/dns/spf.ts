/**
 * SPF records: recognise them, merge a mechanism into one (never a second record: two SPF records
 * at one name are a permanent error for every mail that uses it), and count the DNS lookups an
 * evaluation costs, through includes, against the limit of 10 (RFC 7208, section 4.6.4).
 */

import { SES_SPF_INCLUDE } from '../../core/facts/mail-from';

export const SPF_LOOKUP_LIMIT = 10;

/** The mechanism SES's own SPF is reached by (core/facts/mail-from.ts). */
export const SES_SPF_MECHANISM = SES_SPF_INCLUDE;

/** The text of a TXT value as published, with one pair of surrounding quotes taken off. */
export function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).trim() : v;
}

/** An SPF record as receivers see it: the text must begin with `v=spf1` (no quotes inside). */
export function isSpf(value: string): boolean {
  return /^v=spf1(\s|$)/i.test(value.trim());
}

export function spfTerms(record: string): string[] {
  return unquote(record).split(/\s+/).filter(Boolean).slice(1);
}

/** A mechanism without its "+" qualifier, lower case, for comparisons. */
function normalTerm(term: string): string {
  return term.replace(/^\+/, '').toLowerCase();
}

export function hasMechanism(record: string, mechanism: string): boolean {
  return spfTerms(record).some((t) => normalTerm(t) === normalTerm(mechanism));
}

/**
 * The SPF record to publish: `mechanism` merged into the existing record, placed before the `all`
 * term (after it, it would never be reached) or before a `redirect=`, or a new record when there
 * is none. Idempotent: a record that already has the mechanism comes back unchanged.
 */
export function mergeSpf(existing: string | null, mechanism: string = SES_SPF_MECHANISM): string {
  // What a person pastes may carry the quotes their DNS host shows around TXT values.
  if (existing === null || !isSpf(unquote(existing))) return `v=spf1 ${mechanism} ~all`;
  const terms = spfTerms(existing);
  const head = 'v=spf1';
  if (terms.some((t) => normalTerm(t) === normalTerm(mechanism))) return [head, ...terms].join(' ');
  let at = terms.findIndex((t) => /^[+\-~?]?all$/i.test(t));
  if (at < 0) at = terms.findIndex((t) => /^redirect=/i.test(t));
  if (at < 0) at = terms.length;
  return [head, ...terms.slice(0, at), mechanism, ...terms.slice(at)].join(' ');
}

/** Reads the TXT records of a name (each record's strings joined); [] when there are none. */
export type TxtLookup = (name: string) => Promise<string[]>;

export interface LookupCount {
  count: number;
  /** Domains whose SPF could not be read (counted once, not followed). */
  unresolved: string[];
}

const COUNTED = /^[+\-~?]?(include:|a$|a:|a\/|mx$|mx:|mx\/|ptr$|ptr:|exists:)/i;

/**
 * Counts the lookups an evaluation of `record` causes: include, a, mx, ptr, exists and redirect,
 * followed through includes and redirects. Loops and very deep chains stop the walk.
 */
export async function countSpfLookups(record: string, lookup: TxtLookup): Promise<LookupCount> {
  const unresolved: string[] = [];
  const seen = new Set<string>();
  let count = 0;

  async function walk(rec: string, depth: number): Promise<void> {
    const targets: string[] = [];
    for (const term of spfTerms(rec)) {
      const redirect = /^redirect=(.+)$/i.exec(term);
      if (redirect) {
        count++;
        targets.push(redirect[1]!);
      } else if (COUNTED.test(term)) {
        count++;
        const include = /^[+\-~?]?include:(.+)$/i.exec(term);
        if (include) targets.push(include[1]!);
      }
    }
    // Includes are read in parallel: each costs one round trip, not one after another.
    await Promise.all(
      targets.map(async (target) => {
        const name = target.toLowerCase().replace(/\.$/, '');
        if (seen.has(name) || depth >= SPF_LOOKUP_LIMIT || count > 5 * SPF_LOOKUP_LIMIT) return;
        seen.add(name);
        let found: string[] = [];
        try {
          found = (await lookup(name)).filter(isSpf);
        } catch {
          found = [];
        }
        if (found.length !== 1) {
          unresolved.push(name);
          return;
        }
        await walk(found[0]!, depth + 1);
      }),
    );
  }

  await walk(record, 0);
  return { count, unresolved: unresolved.sort() };
}
