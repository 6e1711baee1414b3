/**
 * SPF records: recognise them, merge a mechanism into one (never a second record: two SPF records
 * at one name are a permanent error for every mail that uses it), and evaluate one as a receiver
 * does, counting its DNS lookups against the limits of RFC 7208, section 4.6.4: 10 DNS-querying
 * terms, each counted every time it is evaluated, and 2 that find nothing.
 */

import { isIPv4, isIPv6 } from 'node:net';
import { SES_SPF_INCLUDE } from '../../core/facts/mail-from';
import type { DnsAsker, QueryType } from './lookup';

export const SPF_LOOKUP_LIMIT = 10;
export const SPF_VOID_LOOKUP_LIMIT = 2;

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

/* ------------------------------------------------------------------------------------------------
 * Evaluation, as check_host() does it (RFC 7208, sections 4 to 6), for a sender address that no
 * ip4, ip6, a, mx or ptr mechanism matches: the evaluation then runs furthest, which is the worst
 * case for the limits. exists (without macros) and all do not depend on the sender and match as DNS
 * says. Addresses are asked as A records, as for an IPv4 sender; an IPv6 one would ask AAAA.
 * ---------------------------------------------------------------------------------------------- */

export type SpfResult = 'none' | 'neutral' | 'pass' | 'fail' | 'softfail' | 'permerror' | 'temperror';

export type SpfErrorCode =
  /** An 11th DNS-querying term was reached (4.6.4). */
  | 'TOO_MANY_LOOKUPS'
  /** A third term found nothing (4.6.4). */
  | 'TOO_MANY_VOID_LOOKUPS'
  /** An mx term's name has more than 10 MX records (4.6.4). */
  | 'TOO_MANY_MX'
  /** An include or redirect target publishes no SPF record (5.2, 6.1). */
  | 'NO_SPF_RECORD'
  /** A name publishes more than one SPF record (4.5). */
  | 'MULTIPLE_SPF_RECORDS'
  /** A term that is not valid SPF (4.6): the whole record is a permerror before any lookup. */
  | 'SYNTAX'
  /** A server gave no usable answer (timeout, refused, failure): temperror (4.4). */
  | 'DNS_ERROR';

export interface SpfEvaluation {
  result: SpfResult;
  /** DNS-querying terms evaluated (include, a, mx, ptr, exists, redirect), each time evaluated (RFC 7208 4.6.4). */
  lookups: number;
  /** Lookups that found nothing (NXDOMAIN or an empty answer); more than 2 is a permerror. */
  voidLookups: number;
  /**
   * Why the result is permerror or temperror, else null. `name` is the name involved: the one
   * asked (or, for TOO_MANY_LOOKUPS, the target of the 11th term); for SYNTAX, the term itself.
   */
  error: { code: SpfErrorCode; name: string } | null;
  /**
   * Terms counted but not followed: their target holds a macro (%{i}, %{s}, … are made from the
   * sender, unknown here), or is the record's own domain when none was given. When any are listed,
   * the counts are a floor: what a followed target would cost is not in them.
   */
  notFollowed: string[];
}

/** A record is SPF when it begins with exactly "v=spf1" ended by a space or the end (4.5). */
const SPF_VERSION = /^v=spf1( |$)/i;

/** More MX hosts than this cannot be checked within the per-mechanism limit: permerror (4.6.4). */
const MX_HOST_LIMIT = 10;

type Qualifier = '+' | '-' | '~' | '?';
const QUALIFIER_RESULT: Record<Qualifier, SpfResult> = {
  '+': 'pass',
  '-': 'fail',
  '~': 'softfail',
  '?': 'neutral',
};

type MechanismKind = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

interface Mechanism {
  text: string;
  kind: MechanismKind;
  qualifier: Qualifier;
  /** The part after the colon; null when absent (a, mx and ptr then mean the record's own domain). */
  target: string | null;
}

/** What each mechanism may carry (section 5): its argument, and which prefix lengths. */
const MECHANISM_FORMS: Record<
  MechanismKind,
  { target: 'none' | 'optional' | 'domain' | 'ip4' | 'ip6'; cidr: 'none' | 'dual' | 'ip4' | 'ip6' }
> = {
  all: { target: 'none', cidr: 'none' },
  include: { target: 'domain', cidr: 'none' },
  exists: { target: 'domain', cidr: 'none' },
  a: { target: 'optional', cidr: 'dual' },
  mx: { target: 'optional', cidr: 'dual' },
  ptr: { target: 'optional', cidr: 'none' },
  ip4: { target: 'ip4', cidr: 'ip4' },
  ip6: { target: 'ip6', cidr: 'ip6' },
};

const MODIFIER = /^([a-z][a-z0-9_.-]*)=(.*)$/i;
// qualifier, name, ":argument" (taken as short as possible, so the prefix lengths stay outside), "/n", "//n".
const MECHANISM = /^([+\-~?]?)([a-z0-9]+)(?::(.*?))?(?:\/(0|[1-9]\d*))?(?:\/\/(0|[1-9]\d*))?$/i;
// A domain-spec (7.1) ends in a top label that is not all digits, or in a macro.
const DOMAIN_END = /(\.([a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])\.?|%\{[^}]*\})$/i;
// The macros of section 7.1: a letter with optional digits, "r" and delimiters; or %%, %_ and %-.
const MACRO = /%\{[slodiphcrtv]\d*r?[.\-+,/_=]*\}|%[%_-]/gi;

function isDomainSpec(spec: string): boolean {
  return DOMAIN_END.test(spec) && !spec.replace(MACRO, '').includes('%');
}

function parseMechanism(text: string): Mechanism | null {
  const parts = MECHANISM.exec(text);
  if (!parts) return null;
  const [, qualifier, name, target, cidr, cidr6] = parts;
  const kind = name!.toLowerCase() as MechanismKind;
  const form = MECHANISM_FORMS[kind];
  if (!form) return null;
  const targetOk = {
    none: target === undefined,
    optional: target === undefined || isDomainSpec(target),
    domain: target !== undefined && isDomainSpec(target),
    ip4: target !== undefined && isIPv4(target),
    ip6: target !== undefined && isIPv6(target),
  }[form.target];
  const [maxCidr, cidr6Allowed] = {
    none: [-1, false],
    dual: [32, true],
    ip4: [32, false],
    ip6: [128, false],
  }[form.cidr] as [number, boolean];
  const cidrOk =
    (cidr === undefined || Number(cidr) <= maxCidr) &&
    (cidr6 === undefined || (cidr6Allowed && Number(cidr6) <= 128));
  if (!targetOk || !cidrOk) return null;
  return { text, kind, qualifier: (qualifier || '+') as Qualifier, target: target ?? null };
}

/** Stops the evaluation with permerror or temperror, from however deep in includes. */
class SpfStop extends Error {
  constructor(
    readonly result: 'permerror' | 'temperror',
    readonly code: SpfErrorCode,
    readonly subject: string,
  ) {
    super(`${code}: ${subject}`);
  }
}

const syntaxError = (term: string) => new SpfStop('permerror', 'SYNTAX', term);

/** The mechanisms in order and the redirect target; any invalid term makes the record a permerror (4.6). */
function parseRecord(record: string): { mechanisms: Mechanism[]; redirect: string | null } {
  const mechanisms: Mechanism[] = [];
  let redirect: string | null = null;
  const seen = new Set<string>();
  // Terms are separated by spaces only (4.6.1); the first is "v=spf1".
  for (const term of record.split(' ').filter(Boolean).slice(1)) {
    const modifier = MODIFIER.exec(term);
    if (modifier) {
      const name = modifier[1]!.toLowerCase();
      // Unknown modifiers are ignored (6); redirect and exp take a domain and appear at most once.
      if (name !== 'redirect' && name !== 'exp') continue;
      if (seen.has(name) || !isDomainSpec(modifier[2]!)) throw syntaxError(term);
      seen.add(name);
      if (name === 'redirect') redirect = modifier[2]!;
      continue;
    }
    const mechanism = parseMechanism(term);
    if (!mechanism) throw syntaxError(term);
    mechanisms.push(mechanism);
  }
  return { mechanisms, redirect };
}

/**
 * The name a target asks about, without a final dot; null when there is none, or when it holds a
 * macro (7): macros are expanded from the sender's address and names, and there is no sender here.
 */
function nameToAsk(spec: string | null): string | null {
  return spec === null || spec.includes('%') ? null : spec.replace(/\.$/, '');
}

/** "10 host." → "host"; a null MX ("0 .", RFC 7505) names no host to ask. */
function mxHosts(exchanges: string[]): string[] {
  return exchanges.map((mx) => mx.split(' ')[1]?.replace(/\.$/, '') ?? '').filter(Boolean);
}

/** Distinct questions asked ahead of the evaluation, at most: enough for real trees, bounded for hostile ones. */
const PREFETCH_CAP = 100;

interface Limits {
  lookups: number;
  voidLookups: number;
}

const RFC_LIMITS: Limits = { lookups: SPF_LOOKUP_LIMIT, voidLookups: SPF_VOID_LOOKUP_LIMIT };

/** One evaluation: its counters run across every include and redirect it follows. */
class Evaluation {
  lookups = 0;
  voidLookups = 0;
  readonly notFollowed: string[] = [];

  constructor(
    private readonly dns: Pick<DnsAsker, 'ask'>,
    private readonly limits: Limits,
  ) {}

  /** check_host() on one record published at `domain` (null: not known). Throws SpfStop. */
  async check(record: string, domain: string | null): Promise<SpfResult> {
    const { mechanisms, redirect } = parseRecord(record);
    for (const mechanism of mechanisms) {
      if (await this.matches(mechanism, domain)) return QUALIFIER_RESULT[mechanism.qualifier];
    }
    // `all` always matches, so a record that gets here has none: only then does redirect apply,
    // and only then is it counted (6.1, 4.6.4).
    if (redirect === null) return 'neutral';
    this.countLookup(redirect);
    const target = this.askable(`redirect=${redirect}`, redirect);
    if (target === null) return 'neutral';
    return this.check(await this.spfRecordAt(target), target);
  }

  private async matches(mechanism: Mechanism, domain: string | null): Promise<boolean> {
    const { kind, text } = mechanism;
    // The sender is in no listed network, so ip4 and ip6 never match and cost nothing.
    if (kind === 'all') return true;
    if (kind === 'ip4' || kind === 'ip6') return false;
    const spec = mechanism.target ?? domain;
    this.countLookup(spec ?? text);
    // ptr looks up the sender's own PTR names, unknown here, so it is counted but never asked. A
    // sender such as SES has PTR names, none of them the domain's: ptr finds something, never a match.
    if (kind === 'ptr') return false;
    const target = this.askable(text, spec);
    if (target === null) return false;
    switch (kind) {
      case 'include':
        // Only the included record's pass is a match; its permerror or temperror ends everything (5.2).
        return (await this.check(await this.spfRecordAt(target), target)) === 'pass';
      case 'exists':
        return (await this.valuesCountingVoid(target, 'A')).length > 0;
      case 'a':
        await this.valuesCountingVoid(target, 'A');
        return false;
      case 'mx':
        await this.mxAddresses(target);
        return false;
    }
  }

  /**
   * Counts one DNS-querying term. The 11th is counted and stops the evaluation before its query, as
   * pyspf does: the RFC allows 10 such terms, so reaching an 11th is already the permerror, and
   * `lookups` then reads 11 ("more than 10") rather than a misleading 10.
   */
  private countLookup(name: string): void {
    this.lookups++;
    if (this.lookups > this.limits.lookups) throw new SpfStop('permerror', 'TOO_MANY_LOOKUPS', name);
  }

  /** The name a term asks about, or null (listed in notFollowed) when it cannot be known here. */
  private askable(term: string, spec: string | null): string | null {
    const name = nameToAsk(spec);
    if (name === null) this.notFollowed.push(term);
    return name;
  }

  /** The values at a name; a server that gives no usable answer makes the result temperror. */
  private async values(name: string, type: QueryType): Promise<string[]> {
    const answer = await this.dns.ask(name, type);
    if (answer.error) throw new SpfStop('temperror', 'DNS_ERROR', name);
    return answer.values;
  }

  private async valuesCountingVoid(name: string, type: QueryType): Promise<string[]> {
    const values = await this.values(name, type);
    if (values.length === 0) this.countVoid(name);
    return values;
  }

  private countVoid(name: string): void {
    this.voidLookups++;
    if (this.voidLookups > this.limits.voidLookups)
      throw new SpfStop('permerror', 'TOO_MANY_VOID_LOOKUPS', name);
  }

  /** The one SPF record at an include or redirect target; none or several is a permerror. */
  private async spfRecordAt(name: string): Promise<string> {
    const spf = (await this.valuesCountingVoid(name, 'TXT')).filter((v) => SPF_VERSION.test(v));
    if (spf.length === 0) throw new SpfStop('permerror', 'NO_SPF_RECORD', name);
    if (spf.length > 1) throw new SpfStop('permerror', 'MULTIPLE_SPF_RECORDS', name);
    return spf[0]!;
  }

  /**
   * mx: the MX query is the counted lookup; the hosts' address lookups are not counted toward the
   * 10 but are limited to 10 per mechanism (4.6.4). The void limit counts terms, so an mx term whose
   * hosts have no address adds one void lookup however many hosts are empty.
   */
  private async mxAddresses(name: string): Promise<void> {
    const exchanges = await this.valuesCountingVoid(name, 'MX');
    if (exchanges.length > MX_HOST_LIMIT) throw new SpfStop('permerror', 'TOO_MANY_MX', name);
    const addresses = await Promise.all(mxHosts(exchanges).map((host) => this.values(host, 'A')));
    if (addresses.some((found) => found.length === 0)) this.countVoid(name);
  }

  /**
   * Asks at once for every name the evaluation may reach, through includes and redirects, each name
   * once. The evaluation must still go term by term, since where it stops decides what is counted;
   * with the answers already on their way (the asker remembers them), it waits about as long as the
   * tree is deep rather than once per term. What is counted does not change.
   */
  prefetch(record: string, domain: string | null, asked = new Set<string>()): void {
    let parsed: ReturnType<typeof parseRecord>;
    try {
      parsed = parseRecord(record);
    } catch {
      return; // a syntax error: the evaluation asks nothing here
    }
    for (const { kind, target } of parsed.mechanisms) {
      const name = nameToAsk(target ?? domain);
      if (name === null || kind === 'all' || kind === 'ip4' || kind === 'ip6' || kind === 'ptr') continue;
      if (kind === 'include') this.prefetchRecord(name, asked);
      else if (kind === 'mx')
        void this.prefetchAsk(name, 'MX', asked).then((mx) =>
          mxHosts(mx).forEach((host) => void this.prefetchAsk(host, 'A', asked)),
        );
      else void this.prefetchAsk(name, 'A', asked);
    }
    const redirect = nameToAsk(parsed.redirect);
    if (redirect !== null && !parsed.mechanisms.some((m) => m.kind === 'all'))
      this.prefetchRecord(redirect, asked);
  }

  private prefetchRecord(name: string, asked: Set<string>): void {
    void this.prefetchAsk(name, 'TXT', asked).then((txt) => {
      const spf = txt.filter((v) => SPF_VERSION.test(v));
      if (spf.length === 1) this.prefetch(spf[0]!, name, asked);
    });
  }

  /** Resolves to the values, or [] (never rejects); a name already asked, or past the cap, is not asked again. */
  private prefetchAsk(name: string, type: QueryType, asked: Set<string>): Promise<string[]> {
    const key = `${type} ${name.toLowerCase()}`;
    if (asked.has(key) || asked.size >= PREFETCH_CAP) return Promise.resolve([]);
    asked.add(key);
    return this.dns.ask(name, type).then(
      (answer) => answer.values,
      () => [],
    );
  }
}

async function evaluate(
  record: string,
  dns: Pick<DnsAsker, 'ask'>,
  domain: string | null,
  limits: Limits,
): Promise<SpfEvaluation> {
  const run = new Evaluation(dns, limits);
  const report = (result: SpfResult, error: SpfEvaluation['error']): SpfEvaluation => ({
    result,
    lookups: run.lookups,
    voidLookups: run.voidLookups,
    error,
    notFollowed: run.notFollowed,
  });
  if (!SPF_VERSION.test(record)) return report('none', null);
  run.prefetch(record, domain);
  try {
    return report(await run.check(record, domain), null);
  } catch (err) {
    if (err instanceof SpfStop) return report(err.result, { code: err.code, name: err.subject });
    throw err;
  }
}

/**
 * Evaluates an SPF record as a receiver would for a sender it does not list (see above), following
 * includes and redirects through `dns`. `domain` is where the record is published: bare a and mx
 * terms ask about it; without it they are counted but not followed.
 */
export async function evaluateSpf(
  record: string,
  dns: Pick<DnsAsker, 'ask'>,
  domain?: string,
): Promise<SpfEvaluation> {
  return evaluate(record, dns, domain ?? null, RFC_LIMITS);
}

/** Reads the TXT records of a name (each record's strings joined); [] when there are none. */
export type TxtLookup = (name: string) => Promise<string[]>;

export interface LookupCount {
  count: number;
  /** The include or redirect target whose SPF could not be read, where counting stopped. */
  unresolved: string[];
}

/**
 * The lookups an evaluation of `record` costs, from TXT records alone (a, mx and exists read as
 * finding nothing). Kept for callers not yet on evaluateSpf: it evaluates with a high ceiling and
 * no void limit, so `count` is the whole cost, every evaluation of a shared include counted, and a
 * loop shows as far over the limit.
 */
export async function countSpfLookups(record: string, lookup: TxtLookup): Promise<LookupCount> {
  const txtOnly: Pick<DnsAsker, 'ask'> = {
    ask: async (name, type) => ({ values: type === 'TXT' ? await lookup(name).catch(() => []) : [] }),
  };
  const ceiling = { lookups: 5 * SPF_LOOKUP_LIMIT, voidLookups: Infinity };
  const { lookups, error } = await evaluate(unquote(record), txtOnly, null, ceiling);
  const unreadable = error && error.code !== 'TOO_MANY_LOOKUPS' && error.code !== 'SYNTAX';
  return { count: lookups, unresolved: unreadable ? [error.name] : [] };
}

/** Why an evaluation is a permanent error, in a person's words; null when it is not one. */
export function spfBrokenBecause(evaluation: SpfEvaluation): string | null {
  if (evaluation.result !== 'permerror' || !evaluation.error) return null;
  const { code, name } = evaluation.error;
  switch (code) {
    case 'TOO_MANY_LOOKUPS':
      return `it needs more than ${SPF_LOOKUP_LIMIT} DNS lookups, counting every include each time it is reached.`;
    case 'TOO_MANY_VOID_LOOKUPS':
      return `more than ${SPF_VOID_LOOKUP_LIMIT} of the names it names do not exist (the last one: ${name}).`;
    case 'TOO_MANY_MX':
      return `${name} has more than 10 MX records, more than SPF may check.`;
    case 'NO_SPF_RECORD':
      return `it includes ${name}, which publishes no SPF record.`;
    case 'MULTIPLE_SPF_RECORDS':
      return `${name} publishes more than one SPF record.`;
    case 'SYNTAX':
      return `the part “${name}” is not valid SPF.`;
    case 'DNS_ERROR':
      return null;
  }
}
