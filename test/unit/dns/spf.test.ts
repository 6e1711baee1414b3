import { describe, expect, it } from 'vitest';
import { evaluateSpf, mergeSpf, type SpfEvaluation } from '../../../electron/features/dns/index';
import { countSpfLookups } from '../../../electron/features/dns/spf';
import type { Answer, QueryType } from '../../../electron/features/dns/lookup';

describe('mergeSpf', () => {
  it('makes a new record when the domain has none', () => {
    expect(mergeSpf(null)).toBe('v=spf1 include:amazonses.com ~all');
  });

  it('merges into the existing record, before the all term, never as a second record', () => {
    expect(mergeSpf('v=spf1 include:_spf.google.com -all')).toBe(
      'v=spf1 include:_spf.google.com include:amazonses.com -all',
    );
    expect(mergeSpf('v=spf1 ip4:192.0.2.1 mx ?all')).toBe(
      'v=spf1 ip4:192.0.2.1 mx include:amazonses.com ?all',
    );
  });

  it('is idempotent when the mechanism is already there (in any case or with a + qualifier)', () => {
    const once = mergeSpf('v=spf1 mx ~all');
    expect(mergeSpf(once)).toBe(once);
    expect(mergeSpf('v=spf1 +Include:AmazonSES.com ~all')).toBe('v=spf1 +Include:AmazonSES.com ~all');
  });

  it('puts the mechanism before a redirect, or at the end when there is no all term', () => {
    expect(mergeSpf('v=spf1 mx redirect=_spf.example.com')).toBe(
      'v=spf1 mx include:amazonses.com redirect=_spf.example.com',
    );
    expect(mergeSpf('v=spf1 mx')).toBe('v=spf1 mx include:amazonses.com');
  });

  it('takes a pasted value with its quotes and extra spaces, and merges other mechanisms', () => {
    expect(mergeSpf('"v=spf1   mx   ~all"')).toBe('v=spf1 mx include:amazonses.com ~all');
    expect(mergeSpf('v=spf1 ~all', 'include:mailgun.org')).toBe('v=spf1 include:mailgun.org ~all');
  });

  it('replaces a value that is not an SPF record with a fresh one', () => {
    expect(mergeSpf('google-site-verification=abc')).toBe('v=spf1 include:amazonses.com ~all');
  });
});

/** A zone in memory: each name's records by type; a name not listed does not exist (NXDOMAIN). */
type Zone = Record<string, Partial<Record<QueryType, string[]>> | 'servfail'>;

function answerFrom(zone: Zone, name: string, type: QueryType): Answer {
  const records = zone[name];
  if (records === 'servfail') return { values: [], error: 'failed' };
  if (!records) return { values: [], nxdomain: true };
  return { values: records[type] ?? [] };
}

/** Remembers the answers of `inner`, as createAsker does: each question reaches it once. */
function askerOver(inner: { ask: (name: string, type: QueryType) => Promise<Answer> }) {
  const memo = new Map<string, Promise<Answer>>();
  return {
    ask: (name: string, type: QueryType) => {
      const key = `${type} ${name}`;
      if (!memo.has(key)) memo.set(key, inner.ask(name, type));
      return memo.get(key)!;
    },
  };
}

/** An asker answering from `zone`; `asked` lists each question once. */
function askerFor(zone: Zone) {
  const asked: string[] = [];
  const inner = {
    ask: async (name: string, type: QueryType) => {
      asked.push(`${type} ${name}`);
      return answerFrom(zone, name, type);
    },
  };
  return { asked, ...askerOver(inner) };
}

/** The zone's TXT records as the older TxtLookup, for countSpfLookups. */
const txtLookup = (zone: Zone) => async (name: string) => {
  const records = zone[name];
  return records && records !== 'servfail' ? (records.TXT ?? []) : [];
};

/** `n` a terms at names that have an address: n lookups, none of them void, none matching. */
const aTerms = (n: number) => Array.from({ length: n }, (_, i) => `a:h${i}.test`).join(' ');
const hosts: Zone = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [`h${i}.test`, { A: ['198.51.100.1'] }]),
);

describe('evaluating SPF as a receiver does (RFC 7208)', () => {
  it('counts a shared include every time it is evaluated, not once', async () => {
    // Two branches each include one shared record of 4 lookups: 1+1+4 twice = 12 terms.
    const zone: Zone = {
      ...hosts,
      'left.test': { TXT: ['v=spf1 include:shared.test ~all'] },
      'right.test': { TXT: ['v=spf1 include:shared.test ~all'] },
      'shared.test': { TXT: [`v=spf1 ${aTerms(4)} -all`] },
    };
    const record = 'v=spf1 include:left.test include:right.test -all';
    // The old walk saw shared.test once and said 8; the 11th term is reached in the second branch.
    expect(await evaluateSpf(record, askerFor(zone))).toMatchObject({
      result: 'permerror',
      lookups: 11,
      error: { code: 'TOO_MANY_LOOKUPS', name: 'h2.test' },
    });
    expect((await countSpfLookups(record, txtLookup(zone))).count).toBe(12);
  });

  it('allows exactly 10 lookups and stops at the 11th', async () => {
    const asker = askerFor(hosts);
    expect(await evaluateSpf(`v=spf1 ${aTerms(10)} -all`, asker)).toEqual({
      result: 'fail',
      lookups: 10,
      voidLookups: 0,
      error: null,
      notFollowed: [],
    });
    const eleven = askerFor(hosts);
    expect(await evaluateSpf(`v=spf1 ${aTerms(11)} -all`, eleven)).toMatchObject({
      result: 'permerror',
      lookups: 11,
      error: { code: 'TOO_MANY_LOOKUPS', name: 'h10.test' },
    });
  });

  it('allows two void lookups and makes the third a permerror', async () => {
    const zone: Zone = { 'nodata.test': { A: ['198.51.100.2'] } };
    const two = await evaluateSpf('v=spf1 a:gone.test mx:nodata.test ~all', askerFor(zone));
    expect(two).toMatchObject({ result: 'softfail', lookups: 2, voidLookups: 2, error: null });
    const three = await evaluateSpf(
      'v=spf1 a:gone.test mx:nodata.test exists:gone2.test ~all',
      askerFor(zone),
    );
    expect(three).toMatchObject({
      result: 'permerror',
      lookups: 3,
      voidLookups: 3,
      error: { code: 'TOO_MANY_VOID_LOOKUPS', name: 'gone2.test' },
    });
  });

  it('ends a loop in the lookup limit (a permerror), never cutting it short', async () => {
    const zone: Zone = {
      'one.test': { TXT: ['v=spf1 include:two.test ~all'] },
      'two.test': { TXT: ['v=spf1 include:one.test ~all'] },
    };
    expect(await evaluateSpf('v=spf1 include:one.test -all', askerFor(zone))).toMatchObject({
      result: 'permerror',
      lookups: 11,
      error: { code: 'TOO_MANY_LOOKUPS' },
    });
    const legacy = await countSpfLookups('v=spf1 include:one.test -all', txtLookup(zone));
    expect(legacy.count).toBeGreaterThan(10);
  });

  it('makes an include of a name without SPF, or with two SPF records, a permerror', async () => {
    const zone: Zone = {
      'other.test': { TXT: ['google-site-verification=abc'] },
      'twice.test': { TXT: ['v=spf1 -all', 'v=spf1 ~all'] },
    };
    const asker = askerFor(zone);
    expect(await evaluateSpf('v=spf1 include:other.test -all', asker)).toMatchObject({
      result: 'permerror',
      voidLookups: 0,
      error: { code: 'NO_SPF_RECORD', name: 'other.test' },
    });
    expect(await evaluateSpf('v=spf1 include:gone.test -all', asker)).toMatchObject({
      result: 'permerror',
      voidLookups: 1,
      error: { code: 'NO_SPF_RECORD', name: 'gone.test' },
    });
    expect(await evaluateSpf('v=spf1 include:twice.test -all', asker)).toMatchObject({
      result: 'permerror',
      error: { code: 'MULTIPLE_SPF_RECORDS', name: 'twice.test' },
    });
  });

  it('matches an include only on its pass; a failing include lets evaluation go on', async () => {
    const zone: Zone = {
      'passes.test': { TXT: ['v=spf1 exists:up.test -all'] },
      'fails.test': { TXT: ['v=spf1 -all'] },
      'up.test': { A: ['127.0.0.2'] },
    };
    expect((await evaluateSpf('v=spf1 -include:passes.test ~all', askerFor(zone))).result).toBe('fail');
    expect((await evaluateSpf('v=spf1 include:fails.test ?all', askerFor(zone))).result).toBe('neutral');
  });

  it('follows redirect only when no mechanism matched and there is no all, counting it then', async () => {
    const zone: Zone = { 'target.test': { TXT: ['v=spf1 a -all'] }, ...hosts };
    expect(await evaluateSpf('v=spf1 a:h1.test redirect=target.test', askerFor(zone))).toMatchObject({
      result: 'fail',
      lookups: 3,
      // The target's bare a asks about target.test itself, which has no address.
      voidLookups: 1,
    });
    const withAll = askerFor(zone);
    expect(await evaluateSpf('v=spf1 a:h1.test ~all redirect=target.test', withAll)).toMatchObject({
      result: 'softfail',
      lookups: 1,
    });
    expect(withAll.asked).not.toContain('TXT target.test');
    expect(await evaluateSpf('v=spf1 redirect=gone.test', askerFor(zone))).toMatchObject({
      result: 'permerror',
      error: { code: 'NO_SPF_RECORD', name: 'gone.test' },
    });
  });

  it('asks ahead, so a wide tree costs about as many round trips as it is deep', async () => {
    // Four includes, each with an a term: asked term by term that is 8 round trips.
    const zone: Zone = { ...hosts };
    for (const n of [1, 2, 3, 4]) zone[`inc${n}.test`] = { TXT: [`v=spf1 a:h${n}.test ~all`] };
    const held: (() => void)[] = [];
    const slow = {
      ask: (name: string, type: QueryType) =>
        new Promise<Answer>((resolve) => held.push(() => resolve(answerFrom(zone, name, type)))),
    };
    let done: SpfEvaluation | undefined;
    const evaluation = evaluateSpf(
      'v=spf1 include:inc1.test include:inc2.test include:inc3.test include:inc4.test -all',
      askerOver(slow),
    ).then((e) => (done = e));
    let roundTrips = 0;
    while (!done) {
      // Let every question that can be asked now be asked, then answer them all: one round trip.
      await new Promise((r) => setImmediate(r));
      if (held.length === 0) continue;
      roundTrips++;
      held.splice(0).forEach((answer) => answer());
    }
    await evaluation;
    expect(done).toMatchObject({ result: 'fail', lookups: 8 });
    expect(roundTrips).toBe(2);
  });

  it('counts a term whose target holds a macro but does not follow it, and says so', async () => {
    const asker = askerFor(hosts);
    const result = await evaluateSpf('v=spf1 exists:%{i}._spf.test include:%{d}.test a:h1.test -all', asker);
    expect(result).toMatchObject({ result: 'fail', lookups: 3, voidLookups: 0 });
    expect(result.notFollowed).toEqual(['exists:%{i}._spf.test', 'include:%{d}.test']);
    expect(asker.asked).toEqual(['A h1.test']);
  });

  it('asks bare a and mx about the given domain, and lists them as not followed without one', async () => {
    const zone: Zone = { 'own.test': { A: ['198.51.100.3'], MX: ['10 h1.test'] }, ...hosts };
    expect(await evaluateSpf('v=spf1 a mx -all', askerFor(zone), 'own.test')).toMatchObject({
      lookups: 2,
      voidLookups: 0,
      notFollowed: [],
    });
    expect((await evaluateSpf('v=spf1 a mx -all', askerFor(zone))).notFollowed).toEqual(['a', 'mx']);
  });

  it('counts mx as one lookup, its hosts as at most one void, and more than 10 hosts as a permerror', async () => {
    const tenHosts = Array.from({ length: 10 }, (_, i) => `10 h${i}.test`);
    const zone: Zone = {
      ...hosts,
      'ten.test': { MX: tenHosts },
      'eleven.test': { MX: [...tenHosts, '20 h11.test'] },
      'empty-hosts.test': { MX: ['10 gone1.test', '20 gone2.test', '30 h1.test'] },
    };
    expect(await evaluateSpf('v=spf1 mx:ten.test -all', askerFor(zone))).toMatchObject({
      result: 'fail',
      lookups: 1,
      voidLookups: 0,
    });
    expect(await evaluateSpf('v=spf1 mx:empty-hosts.test -all', askerFor(zone))).toMatchObject({
      lookups: 1,
      voidLookups: 1,
    });
    expect(await evaluateSpf('v=spf1 mx:eleven.test -all', askerFor(zone))).toMatchObject({
      result: 'permerror',
      error: { code: 'TOO_MANY_MX', name: 'eleven.test' },
    });
  });

  it('counts ptr without asking (it is about the sender), and never lets it match', async () => {
    const asker = askerFor({});
    expect(await evaluateSpf('v=spf1 ptr ptr:x.test ~all', asker, 'own.test')).toMatchObject({
      result: 'softfail',
      lookups: 2,
      voidLookups: 0,
    });
    expect(asker.asked).toEqual([]);
  });

  it('makes a server error a temperror and a bad term a permerror before any lookup', async () => {
    const zone: Zone = { 'broken.test': 'servfail' };
    expect(await evaluateSpf('v=spf1 include:broken.test -all', askerFor(zone))).toMatchObject({
      result: 'temperror',
      error: { code: 'DNS_ERROR', name: 'broken.test' },
    });
    const asker = askerFor(hosts);
    for (const bad of [
      'a:h1.test ip4:198.51.100.300',
      'a:h1.test fo:x.test',
      'a:h1.test include',
      'all:x',
      'a:h1.test/33',
    ]) {
      const result = await evaluateSpf(`v=spf1 ${bad} -all`, asker);
      expect(result, bad).toMatchObject({ result: 'permerror', lookups: 0, error: { code: 'SYNTAX' } });
    }
    expect(asker.asked).toEqual([]);
    expect(await evaluateSpf('v=spf1 a -all redirect=x.test redirect=y.test', asker)).toMatchObject({
      error: { code: 'SYNTAX', name: 'redirect=y.test' },
    });
  });

  it('gives none for text that is not an SPF record, and ignores exp and unknown modifiers', async () => {
    expect((await evaluateSpf('v=spf10 -all', askerFor({}))).result).toBe('none');
    expect(await evaluateSpf('v=spf1 exp=why.test custom=1 -all', askerFor({}))).toMatchObject({
      result: 'fail',
      lookups: 0,
    });
  });
});

describe('counting SPF lookups (for callers not yet on evaluateSpf)', () => {
  const zone: Record<string, string[]> = {
    'a.test': ['v=spf1 include:b.test mx a ~all'],
    'b.test': ['v=spf1 exists:x.test ptr ~all', 'not spf'],
  };
  const lookup = async (name: string) => zone[name] ?? [];

  it('counts through includes and redirects', async () => {
    expect(await countSpfLookups('v=spf1 include:a.test ip4:192.0.2.1 -all', lookup)).toEqual({
      count: 6,
      unresolved: [],
    });
    expect((await countSpfLookups('v=spf1 redirect=b.test', lookup)).count).toBe(3);
  });

  it('names the include it could not read', async () => {
    expect(await countSpfLookups('v=spf1 include:gone.test -all', lookup)).toEqual({
      count: 1,
      unresolved: ['gone.test'],
    });
  });
});
