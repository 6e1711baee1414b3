/**
 * The live check: asks the domain's own (authoritative) nameservers for every planned record at
 * once, compares with what a recursive resolver sees, and names the usual mistakes. The
 * authoritative answer is the truth about what the person published; the resolver only tells
 * whether the rest of the internet has caught up (`propagating`).
 */
import { fail } from '../../core/errors';
import { openAskers, type CheckOptions } from './askers';
import { dmarcProblem, isDmarc } from './dmarc';
import { GENERIC_HOST, type DnsHost } from './hosts';
import type { Answer, DnsAsker } from './lookup';
import { problem } from './problems';
import { buildPlan, type PlanInput } from './record-plan';
import {
  countSpfLookups,
  evaluateSpf,
  hasMechanism,
  isSpf,
  SES_SPF_MECHANISM,
  spfBrokenBecause,
  unquote,
} from './spf';
import { planFor, readTodayWith } from './today';
import type { DnsProblem, DnsReport, PlannedRecord, RecordCheck, RecordStatus } from './types';

export type { CheckOptions } from './askers';

const clean = (v: string) => v.trim().toLowerCase().replace(/\.$/, '');

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

/**
 * Problems of the apex SPF record: they hurt the domain's other mail, so they are told too. Judged
 * as receivers evaluate it (every include counted each time it is reached, void lookups, loops).
 */
async function apexSpfProblems(domain: string, auth: DnsAsker, view: DnsAsker): Promise<DnsProblem[]> {
  const spf = (await auth.ask(domain, 'TXT')).values.filter(isSpf);
  if (spf.length > 1) return [problem.spfMultiple(domain, spf.length)];
  if (spf.length === 0) return [];
  const evaluation = await evaluateSpf(spf[0]!, view, domain);
  if (evaluation.error?.code === 'TOO_MANY_LOOKUPS') {
    // The evaluation stops at the 11th lookup, as receivers do; the person is told the whole cost.
    const { count } = await countSpfLookups(spf[0]!, async (name) => (await view.ask(name, 'TXT')).values);
    return [problem.spfTooManyLookups(domain, count)];
  }
  const why = spfBrokenBecause(evaluation);
  return why ? [problem.spfBroken(domain, why)] : [];
}

export async function checkDomain(input: PlanInput, options: CheckOptions = {}): Promise<DnsReport> {
  const started = performance.now();
  const first = buildPlan(input);
  const domain = first.domain;
  const askers = await openAskers(domain, options);
  const { auth, view, servers } = askers;
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
  // The records to expect come from what applies today, read exactly as every other path reads it
  // (today.ts); the records are asked for meanwhile (the askers remember each answer, so judging
  // the final plan asks nothing twice).
  const asked = first.records.map(observe);
  const apexProblems = apexSpfProblems(domain, auth, view);
  const [today] = await Promise.all([readTodayWith(askers, domain, first.mailFromDomain), ...asked]);
  // The MAIL FROM records are judged even where a CNAME blocks their name, so the check can name
  // that mistake (the plan on screen leaves them out and says why).
  const plan = planFor(input, { ...today, existing: { ...today.existing, mailFromCname: null } });
  const [observed, problemsOfApex] = await Promise.all([
    Promise.all(plan.records.map(observe)),
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

  const ns = await askers.nsNames;
  const host = today.host ?? GENERIC_HOST;
  const records = plan.records.map((record, i) => judge(record, domain, observed[i]!, host));
  return {
    domain,
    dnsHost: today.host ? { id: today.host.id, name: today.host.name } : null,
    records,
    problems: problemsOfApex,
    notes: plan.notes.filter((n) => n.code.startsWith('DMARC_')),
    nameservers: ns.length ? ns : servers,
    asked: servers,
    checkedAt: (options.clock ?? (() => new Date()))().toISOString(),
    elapsedMs: Math.round(performance.now() - started),
  };
}
