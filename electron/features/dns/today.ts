/**
 * What applies to a domain today: the one reading every path plans from (the DNS screen, the live
 * check, Route 53, Cloudflare, the hand-off, the CLI). A path that holds the zone through an API
 * (Route 53, Cloudflare) passes what the zone holds; everything else is read from DNS here, the same
 * way for all: the domain's own records at its own nameservers, and what comes from above it (a
 * parent's DMARC policy, the names an SPF record includes) through the recursive view, since a
 * delegated zone's servers do not answer for their parent.
 *
 * Rule: unread is not absent. A policy that could not be read is `unknown`, and with `unknown` no
 * DMARC record is proposed or written (a record of the domain's own replaces whatever applied).
 */
import { getDomain } from 'tldts';
import { toAssistantError } from '../../core/errors';
import { dmarcProblem, isDmarc } from './dmarc';
import { recogniseHost, type DnsHost } from './hosts';
import { createAsker, DEFAULT_TIMEOUT_MS, suffixes, zoneApex, type DnsAsker } from './lookup';
import { openAskers, type Askers, type CheckOptions } from './askers';
import { buildPlan, type ExistingRecords, type PlanInput } from './record-plan';
import { countSpfLookups, evaluateSpf, isSpf, mergeSpf, spfBrokenBecause } from './spf';
import type { DnsPlan } from './types';

/** The records of the domain's own zone that change the plan, as a zone's API lists them. */
export type ZoneHeld = Pick<ExistingRecords, 'dmarc' | 'apexTxt' | 'mailFromCname'>;

export interface Today {
  existing: ExistingRecords;
  /** The zone that holds the domain, when DNS said (its closest enclosing SOA). */
  zone: string | null;
  /** The DNS host recognised from the zone's NS names, when read. */
  host: DnsHost | null;
  /** False when the domain's own records could not be read (they are then planned as unknown). */
  read: boolean;
}

/**
 * The organisational domain (RFC 7489, section 3.2): the name one label below its public suffix,
 * by the Public Suffix List with its private section (so each github.io site is its own
 * organisation, as the list's owners ask). Null when the domain is itself a public suffix, which
 * no person's organisation is.
 */
export function organisationalDomain(domain: string): string | null {
  return getDomain(domain, { allowPrivateDomains: true }) ?? null;
}

/**
 * The names whose DMARC record can apply to `domain` when it has none of its own, closest first:
 * every parent up to and including its organisational domain. RFC 7489 receivers read only the
 * organisational domain; DMARCbis's tree walk also reads the names between; both are covered, and
 * the walk never goes above the organisational domain, so a public suffix (co.uk) is never taken
 * for the person's organisation.
 */
export function dmarcParents(domain: string): string[] {
  const org = organisationalDomain(domain);
  if (!org || org === domain || !domain.endsWith(`.${org}`)) return [];
  const names = suffixes(domain).slice(1);
  return names.slice(0, names.indexOf(org) + 1);
}

/**
 * The DMARC policy a domain without its own record inherits, read through the recursive view:
 * the closest parent's single valid record. `unknown` when a parent closer than any found policy
 * did not answer (a timeout or an error is never "none").
 */
export async function inheritedDmarc(
  view: DnsAsker,
  domain: string,
): Promise<ExistingRecords['dmarcInherited']> {
  const parents = dmarcParents(domain);
  const answers = await Promise.all(parents.map((name) => view.ask(`_dmarc.${name}`, 'TXT')));
  for (const [i, answer] of answers.entries()) {
    if (answer.error) return 'unknown';
    const found = answer.values.filter(isDmarc);
    if (found.length === 1 && dmarcProblem(found[0]!) === null)
      return { from: parents[i]!, record: found[0]! };
  }
  return null;
}

/** The view that reads names outside the domain's zone: the given resolver, else the system's. */
export function viewAsker(options: CheckOptions): DnsAsker {
  return createAsker(
    options.resolver?.length ? options.resolver : null,
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
}

/** What comes from outside the domain's own zone records: its parents' DMARC, the merged SPF's lookups. */
async function fromAbove(
  view: DnsAsker,
  domain: string,
  held: ZoneHeld,
  unknown: { dmarc?: boolean; apexTxt?: boolean } = {},
): Promise<ExistingRecords> {
  const ownDmarc = held.dmarc.some(isDmarc);
  const apexSpf = unknown.apexTxt ? [] : held.apexTxt.filter(isSpf);
  const [inherited, merged] = await Promise.all([
    unknown.dmarc ? ('unknown' as const) : ownDmarc ? null : inheritedDmarc(view, domain),
    apexSpf.length === 1 ? mergedSpf(view, domain, apexSpf[0]!) : null,
  ]);
  return {
    ...held,
    dmarcInherited: inherited,
    mergedSpfLookups: merged?.lookups ?? null,
    mergedSpfBroken: merged?.broken ?? null,
    ...(unknown.apexTxt ? { apexTxtUnknown: true } : {}),
  };
}

/**
 * The apex SPF record with SES's include merged in, evaluated as receivers do: its lookups (the
 * whole count when over the limit, where receivers stop at the 11th), or why it is broken; null
 * lookups when DNS did not answer (then nothing is written on its strength).
 */
async function mergedSpf(view: DnsAsker, domain: string, apexSpf: string) {
  const record = mergeSpf(apexSpf);
  const evaluation = await evaluateSpf(record, view, domain);
  if (evaluation.error?.code === 'TOO_MANY_LOOKUPS') {
    const { count } = await countSpfLookups(record, async (name) => (await view.ask(name, 'TXT')).values);
    return { lookups: count, broken: null };
  }
  if (evaluation.result === 'temperror') return { lookups: null, broken: null };
  return { lookups: evaluation.lookups, broken: spfBrokenBecause(evaluation) };
}

/** Nothing of the domain's own could be read: every policy is unknown, so none is proposed. */
const UNREAD: ExistingRecords = {
  dmarc: [],
  apexTxt: [],
  mailFromCname: null,
  dmarcInherited: 'unknown',
  apexTxtUnknown: true,
};

/**
 * Reads what applies with askers already open (the live check shares them with its questions).
 * Each unanswered question makes only its own fact unknown: a lost DMARC answer leaves DMARC
 * unknown, a lost apex answer the SPF record, a lost CNAME answer lists the MAIL FROM records anyway
 * (the check then finds what is there).
 */
export async function readTodayWith(askers: Askers, domain: string, mailFromDomain: string): Promise<Today> {
  const { auth, view } = askers;
  const [dmarc, apex, cname, ns, zone] = await Promise.all([
    auth.ask(`_dmarc.${domain}`, 'TXT'),
    auth.ask(domain, 'TXT'),
    auth.ask(mailFromDomain, 'CNAME'),
    askers.nsNames,
    zoneApex(auth, domain),
  ]);
  const host = recogniseHost(ns);
  if (dmarc.error && apex.error && cname.error) return { existing: UNREAD, zone, host, read: false };
  const held = { dmarc: dmarc.values, apexTxt: apex.values, mailFromCname: cname.values[0] ?? null };
  const unknown = { dmarc: Boolean(dmarc.error), apexTxt: Boolean(apex.error) };
  return { existing: await fromAbove(view, domain, held, unknown), zone, host, read: true };
}

/**
 * What applies today. With `held` (a zone read through its host's API) the domain's own records are
 * taken from it; without, from the domain's own nameservers. Never fails for DNS: what cannot be
 * read comes back unknown, and the plan then proposes nothing that could replace it.
 */
export async function readToday(
  domain: string,
  mailFromDomain: string,
  options: CheckOptions,
  held?: ZoneHeld,
  log?: { info(message: string, fields?: Record<string, unknown>): void },
): Promise<Today> {
  if (held)
    return {
      existing: await fromAbove(viewAsker(options), domain, held),
      zone: null,
      host: null,
      read: true,
    };
  try {
    return await readTodayWith(await openAskers(domain, options), domain, mailFromDomain);
  } catch (err) {
    log?.info('dns: what applies today not read', { code: toAssistantError(err).code });
    return { existing: UNREAD, zone: null, host: null, read: false };
  }
}

/** The plan for what applies today: the one way every path turns a reading into records. */
export function planFor(input: PlanInput, today: Today): DnsPlan {
  return buildPlan({ ...input, zone: input.zone ?? today.zone ?? undefined }, today.existing);
}
