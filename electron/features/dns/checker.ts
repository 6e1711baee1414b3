/**
 * The live check: asks the domain's own (authoritative) nameservers for every planned record at
 * once, compares with what a recursive resolver sees, and names the usual mistakes. The
 * authoritative answer is the truth about what the person published; the resolver only tells
 * whether the rest of the internet has caught up (`propagating`).
 */
import { fail } from '../../core/errors';
import { dmarcProblem, isDmarc } from './dmarc';
import { GENERIC_HOST, recogniseHost, type DnsHost } from './hosts';
import {
  createAsker,
  DEFAULT_TIMEOUT_MS,
  suffixes,
  findNameservers,
  zoneApex,
  zoneNameservers,
  type Answer,
  type DnsAsker,
} from './lookup';
import { problem } from './problems';
import { buildPlan, type ExistingRecords, type PlanInput } from './record-plan';
import {
  countSpfLookups,
  hasMechanism,
  isSpf,
  mergeSpf,
  SES_SPF_MECHANISM,
  SPF_LOOKUP_LIMIT,
  unquote,
} from './spf';
import type { DnsProblem, DnsReport, PlannedRecord, RecordCheck, RecordStatus } from './types';

export interface CheckOptions {
  /** Ask these servers (host:port) instead of discovering the domain's nameservers. */
  authoritative?: string[];
  /** The recursive view; the system's resolver when not given. */
  resolver?: string[];
  timeoutMs?: number;
  clock?: () => Date;
  /** The port discovered nameservers are asked on: 53, except for tests that serve a zone elsewhere. */
  nameserverPort?: number;
}

const clean = (v: string) => v.trim().toLowerCase().replace(/\.$/, '');

/** The domain's own nameservers: from the override, or found through the recursive resolver. */
async function authoritativeAsker(
  domain: string,
  view: DnsAsker,
  options: CheckOptions,
  timeoutMs: number,
): Promise<{ asker: DnsAsker; nsNames: Promise<string[]>; servers: string[] }> {
  if (options.authoritative?.length) {
    const asker = createAsker(options.authoritative, timeoutMs);
    return { asker, nsNames: zoneNameservers(asker, domain), servers: options.authoritative };
  }
  const { names: nsNames, outcome } = await findNameservers(view, domain);
  if (outcome === 'unreachable')
    fail({
      code: 'DNS_UNREACHABLE',
      title: 'DNS could not be reached',
      explanation: `No DNS server answered the question about ${domain}, so nothing can be said about its records yet. This is about the connection, not your domain.`,
      fix: 'Check that this computer is online (and that a VPN or firewall lets DNS through), then check again.',
      retryable: true,
    });
  if (nsNames.length === 0)
    fail({
      code: 'DNS_DOMAIN_NOT_FOUND',
      title: 'This domain was not found in DNS',
      explanation: `No nameservers answer for ${domain}. It may be misspelled, not registered yet, or its registration may have lapsed.`,
      fix: 'Check the spelling of the domain. If you just bought it, wait an hour and check again.',
      retryable: true,
    });
  const addresses = await Promise.all(
    nsNames.map(async (ns) => [...(await view.ask(ns, 'A')).values, ...(await view.ask(ns, 'AAAA')).values]),
  );
  const port = options.nameserverPort;
  const servers = addresses
    .flat()
    .map((a) => (port ? (a.includes(':') ? `[${a}]:${port}` : `${a}:${port}`) : a));
  if (servers.length === 0)
    fail({
      code: 'DNS_NAMESERVERS_UNREACHABLE',
      title: 'Your domain’s nameservers could not be found',
      explanation: `The domain names its nameservers (${nsNames.join(', ')}), but their addresses could not be looked up.`,
      fix: 'Check your internet connection and try again.',
      retryable: true,
    });
  return { asker: createAsker(servers, timeoutMs), nsNames: Promise.resolve(nsNames), servers };
}

interface Observed {
  auth: Answer;
  view: Answer;
  doubled: Answer;
  /** DKIM: the addresses a proxied or flattened name answers with. */
  addresses: string[];
  /** MAIL FROM: a CNAME already at the name. */
  cname: string[];
}

/** Whether a found value is the right one for this record. */
function matches(record: PlannedRecord, values: string[]): boolean {
  switch (record.purpose) {
    case 'dkim':
      return values.some((v) => clean(v) === clean(record.value));
    case 'mail-from-mx': {
      const host = record.value.split(' ')[1]!;
      return values.some((v) => clean(v.split(' ')[1] ?? '') === host);
    }
    case 'mail-from-spf': {
      const spf = values.filter(isSpf);
      return spf.length === 1 && hasMechanism(spf[0]!, SES_SPF_MECHANISM) && !spf[0]!.trim().endsWith('.');
    }
    case 'dmarc': {
      const dmarc = values.filter(isDmarc);
      return dmarc.length === 1 && dmarcProblem(dmarc[0]!) === null && !dmarc[0]!.trim().endsWith('.');
    }
  }
}

/** The named mistakes in what was found at the record's own name. */
function valueProblems(record: PlannedRecord, domain: string, values: string[]): DnsProblem[] {
  const out: DnsProblem[] = [];
  if (record.type === 'TXT') {
    const meant = values.filter((v) => (record.purpose === 'dmarc' ? isDmarc(v) : isSpf(unquote(v))));
    if (meant.some((v) => /^\s*"|"\s*$/.test(v))) out.push(problem.strayQuotes());
    if (meant.some((v) => unquote(v).endsWith('.'))) out.push(problem.strayDot());
    if (record.purpose === 'mail-from-spf' && values.filter(isSpf).length > 1)
      out.push(problem.spfMultiple(record.name, values.filter(isSpf).length));
    if (record.purpose === 'dmarc' && meant.length > 0) {
      // Judged without the stray quotes and dot already named above, so each mistake is told once.
      const why =
        meant.length > 1
          ? `There are ${meant.length} DMARC records; there must be exactly one.`
          : dmarcProblem(unquote(meant[0]!).replace(/\.$/, ''));
      if (why) out.push(problem.dmarcMalformed(why));
    }
  } else {
    const target = record.type === 'MX' ? (v: string) => v.split(' ')[1] ?? '' : (v: string) => v;
    const expected = clean(target(record.value));
    const appended = values.map(target).find((v) => clean(v) === `${expected}.${domain}`);
    if (appended) out.push(problem.doubledValue(appended));
    // The same record made for another SES region (after a region change): say so, not just "wrong".
    const regionOf = (v: string) =>
      /(?:^|\.)(?:feedback-smtp|dkim)\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonses\.com$/.exec(
        clean(target(v)),
      )?.[1];
    const expectedRegion = regionOf(record.value);
    const other = values.find((v) => regionOf(v) && regionOf(v) !== expectedRegion);
    if (other && record.purpose === 'mail-from-mx')
      out.push(problem.otherRegion(clean(target(other)), regionOf(other)!, expectedRegion ?? 'this region'));
  }
  return out;
}

function judge(record: PlannedRecord, domain: string, seen: Observed, host: DnsHost): RecordCheck {
  const problems: DnsProblem[] = [];
  let status: RecordStatus;
  let found = seen.auth.values;

  if (record.purpose !== 'dkim' && seen.cname.length > 0) {
    status = 'wrong';
    found = seen.cname.map((c) => `CNAME ${c}`);
    problems.push(problem.mailFromCnameClash(record.name, seen.cname[0]!));
  } else if (matches(record, seen.auth.values)) {
    status = matches(record, seen.view.values) ? 'ok' : 'propagating';
  } else if (seen.auth.values.length > 0) {
    status = 'wrong';
    problems.push(...valueProblems(record, domain, seen.auth.values));
  } else if (record.purpose === 'dkim' && seen.addresses.length > 0) {
    status = 'wrong';
    found = seen.addresses;
    problems.push(problem.dkimNotCname(host));
  } else if (seen.doubled.values.length > 0) {
    status = 'wrong';
    found = seen.doubled.values;
    problems.push(problem.doubledName(record.name, `${record.name}.${domain}`, host));
  } else {
    status = 'missing';
    if (seen.auth.error) problems.push(problem.noAnswer());
  }
  // Unanswered is not absent: DMARC is said to be missing only when the nameserver said so.
  if (record.purpose === 'dmarc' && !seen.auth.error && !seen.auth.values.some(isDmarc) && status !== 'ok')
    problems.push(problem.dmarcMissing());

  return {
    purpose: record.purpose,
    type: record.type,
    name: record.name,
    expected: record.value,
    found,
    status,
    problems,
  };
}

/** Problems of the apex SPF record: they hurt the domain's other mail, so they are told too. */
async function apexSpfProblems(domain: string, auth: DnsAsker, view: DnsAsker): Promise<DnsProblem[]> {
  const spf = (await auth.ask(domain, 'TXT')).values.filter(isSpf);
  if (spf.length > 1) return [problem.spfMultiple(domain, spf.length)];
  if (spf.length === 0) return [];
  const { count } = await countSpfLookups(spf[0]!, async (name) => (await view.ask(name, 'TXT')).values);
  return count > SPF_LOOKUP_LIMIT ? [problem.spfTooManyLookups(domain, count)] : [];
}

/**
 * The DMARC policy that applies to a subdomain without its own: the closest parent's single valid
 * record (receivers look it up at the organisational domain; walking up the names finds it).
 */
async function inheritedDmarc(auth: DnsAsker, domain: string): Promise<ExistingRecords['dmarcInherited']> {
  const parents = suffixes(domain).slice(1);
  const answers = await Promise.all(parents.map((name) => auth.ask(`_dmarc.${name}`, 'TXT')));
  for (let i = 0; i < parents.length; i++) {
    const found = answers[i]!.values.filter(isDmarc);
    if (found.length === 1 && dmarcProblem(found[0]!) === null)
      return { from: parents[i]!, record: found[0]! };
  }
  return null;
}

/**
 * What the domain publishes today that changes the plan (a DMARC policy to keep, the apex SPF to
 * merge into, a CNAME on the MAIL FROM name) and who hosts its DNS, read from its own nameservers.
 */
export async function readExisting(
  domain: string,
  mailFromDomain: string,
  options: CheckOptions = {},
): Promise<{ existing: ExistingRecords; host: DnsHost | null; zone: string }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const view = createAsker(options.resolver?.length ? options.resolver : null, timeoutMs);
  const { asker: auth, nsNames } = await authoritativeAsker(domain, view, options, timeoutMs);
  const [dmarc, apex, cname, ns, zone, inherited] = await Promise.all([
    auth.ask(`_dmarc.${domain}`, 'TXT'),
    auth.ask(domain, 'TXT'),
    auth.ask(mailFromDomain, 'CNAME'),
    nsNames,
    zoneApex(auth, domain),
    inheritedDmarc(auth, domain),
  ]);
  // Unanswered is not absent: planning as if there were no DMARC or SPF record when the nameserver
  // never said so could add a second one. The caller then plans without reading DNS, and says so.
  if (dmarc.error || apex.error || cname.error)
    fail({
      code: 'DNS_NO_ANSWER',
      title: 'Your domain’s nameservers did not answer',
      explanation: `The records ${domain} already has could not be read.`,
      fix: 'Check your internet connection and try again in a few minutes.',
      retryable: true,
    });
  const apexSpf = apex.values.filter(isSpf);
  const mergedSpfLookups =
    apexSpf.length === 1
      ? (await countSpfLookups(mergeSpf(apexSpf[0]!), async (name) => (await view.ask(name, 'TXT')).values))
          .count
      : null;
  return {
    existing: {
      mergedSpfLookups,
      dmarc: dmarc.values,
      apexTxt: apex.values,
      mailFromCname: cname.values[0] ?? null,
      dmarcInherited: dmarc.values.some(isDmarc) ? null : inherited,
    },
    host: recogniseHost(ns),
    zone,
  };
}

export async function checkDomain(input: PlanInput, options: CheckOptions = {}): Promise<DnsReport> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const view = createAsker(options.resolver?.length ? options.resolver : null, timeoutMs);
  const domain = buildPlan(input).domain;
  const { asker: auth, nsNames, servers } = await authoritativeAsker(domain, view, options, timeoutMs);
  const observe = async (record: PlannedRecord): Promise<Observed> => {
    const [a, v, doubled, addresses, cname] = await Promise.all([
      auth.ask(record.name, record.type),
      view.ask(record.name, record.type),
      auth.ask(`${record.name}.${domain}`, record.type),
      record.purpose === 'dkim'
        ? Promise.all([auth.ask(record.name, 'A'), auth.ask(record.name, 'AAAA')]).then((x) =>
            x.flatMap((y) => y.values),
          )
        : Promise.resolve([]),
      record.purpose === 'mail-from-mx' || record.purpose === 'mail-from-spf'
        ? auth.ask(record.name, 'CNAME').then((x) => x.values)
        : Promise.resolve([]),
    ]);
    return { auth: a, view: v, doubled, addresses, cname };
  };

  // Everything at once, so the check takes about as long as its slowest question, not their sum.
  // The DMARC record to expect depends on what applies today (kept, reordered, inherited), exactly
  // as in the plan shown on screen; the records are asked for meanwhile (the asker remembers each
  // answer, so judging the final plan asks nothing twice).
  const asked = buildPlan(input).records.map(observe);
  const apexProblems = apexSpfProblems(domain, auth, view);
  const [ownDmarc, inherited, zone] = await Promise.all([
    auth.ask(`_dmarc.${domain}`, 'TXT'),
    inheritedDmarc(auth, domain),
    zoneApex(auth, domain),
    ...asked,
  ]);
  const plan = buildPlan(
    { ...input, zone: input.zone ?? zone },
    {
      dmarc: ownDmarc.values,
      apexTxt: [],
      mailFromCname: null,
      dmarcInherited: ownDmarc.error || ownDmarc.values.some(isDmarc) ? null : inherited,
    },
  );
  const [observed, ns, problemsOfApex] = await Promise.all([
    Promise.all(plan.records.map(observe)),
    nsNames,
    apexProblems,
  ]);

  if (observed.every((o) => o.auth.error) && observed.length > 0)
    fail({
      code: 'DNS_NO_ANSWER',
      title: 'Your domain’s nameservers did not answer',
      explanation: `None of the questions sent to the nameservers of ${domain} got an answer.`,
      fix: 'Check your internet connection. If it works, your DNS host may be having trouble: try again in a few minutes.',
      retryable: true,
    });

  const recognised = recogniseHost(ns);
  const host = recognised ?? GENERIC_HOST;
  const records = plan.records.map((record, i) => judge(record, domain, observed[i]!, host));
  return {
    domain,
    dnsHost: recognised ? { id: recognised.id, name: recognised.name } : null,
    records,
    problems: problemsOfApex,
    notes: plan.notes.filter((n) => n.code.startsWith('DMARC_')),
    nameservers: ns.length ? ns : servers,
    asked: servers,
    checkedAt: (options.clock ?? (() => new Date()))().toISOString(),
    elapsedMs: Math.round(performance.now() - started),
  };
}
