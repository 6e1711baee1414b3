/**
 * The hand-off watch: checks only while a domain is awaited, tells the person once when every record
 * is in place, then stops checking that domain; never asks AWS (so never admin access). Driven with
 * an injected timer and check; the run against a real nameserver is in test/integration/handoff.test.ts.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/core/context';
import { silentLog } from '../../../electron/core/log';
import { recordingNotifier } from '../../../electron/core/ports';
import { openSettings } from '../../../electron/core/settings';
import type { DnsReport, RecordStatus } from '../../../electron/features/dns/types';
import { startHandOffWatch } from '../../../electron/features/handoff/index';
import { handOffState } from '../../../electron/features/handoff/state';
import { MIN_INTERVAL_MS, WATCH_FOR_MS } from '../../../electron/features/handoff/watch';

const T0 = Date.parse('2026-11-28T10:00:00Z');

function report(domain: string, statuses: RecordStatus[]): DnsReport {
  return {
    domain,
    dnsHost: null,
    records: statuses.map((status, i) => ({
      purpose: 'dkim',
      type: 'CNAME',
      name: `t${i}._domainkey.${domain}`,
      expected: `t${i}.dkim.amazonses.com`,
      found: [],
      status,
      problems: [],
    })),
    problems: [],
    notes: [],
    nameservers: [],
    asked: [],
    checkedAt: new Date(T0).toISOString(),
    elapsedMs: 1,
  };
}

/** A context whose AWS and admin access throw when touched: the watch must need neither. */
async function setup() {
  const settings = await openSettings(await mkdtemp(path.join(os.tmpdir(), 'handoff-watch-')));
  let now = T0;
  const notifier = recordingNotifier();
  const forbidden = () => {
    throw new Error('the watch must not touch AWS or admin access');
  };
  const ctx = {
    settings,
    log: silentLog,
    clock: () => new Date(now),
    notifier,
    clientsFor: forbidden,
    awsClients: forbidden,
    credentialsOf: forbidden,
    get admin() {
      return forbidden();
    },
  } as unknown as ServiceContext;
  const timers: { fn: () => void; ms: number }[] = [];
  const fire = async () => {
    const t = timers.shift();
    if (!t) throw new Error('no timer set');
    now += t.ms;
    t.fn();
  };
  const state = handOffState(settings);
  const awaitDomain = (domain: string, since = new Date(now).toISOString()) =>
    state.update((s) => ({
      domains: {
        ...s.domains,
        [domain]: {
          region: 'us-east-1',
          dkimTokens: ['t0'],
          dkimDomain: 'dkim.amazonses.com',
          mailFromDomain: `bounce.${domain}`,
          since,
          lastCheckedAt: null,
          doneAt: null,
        },
      },
    }));
  return {
    ctx,
    notifier,
    timers,
    fire,
    state,
    awaitDomain,
    advance: (ms: number) => (now += ms),
    options: {
      setTimer: (fn: () => void, ms: number) => timers.push({ fn, ms }),
      clearTimer: () => timers.splice(0),
    },
  };
}

describe('the hand-off watch', () => {
  it('asks DNS nothing while no domain is awaited', async () => {
    const s = await setup();
    const asked: string[] = [];
    const watch = startHandOffWatch(s.ctx, {
      ...s.options,
      check: async (f) => (asked.push(f.domain), report(f.domain, ['ok'])),
    });
    expect(await watch.check()).toEqual([]);
    await s.fire();
    expect(asked).toEqual([]);
    expect(s.notifier.sent).toEqual([]);
    watch.stop();
  });

  it('notifies once when every record is in place, then stops checking that domain', async () => {
    const s = await setup();
    await s.awaitDomain('example.com');
    let statuses: RecordStatus[] = ['ok', 'missing', 'wrong'];
    const asked: string[] = [];
    const watch = startHandOffWatch(s.ctx, {
      ...s.options,
      intervalMs: 60_000,
      firstCheckMs: 1_000,
      check: async (facts) => {
        asked.push(facts.domain);
        expect(facts).toMatchObject({
          region: 'us-east-1',
          dkimTokens: ['t0'],
          mailFromDomain: 'bounce.example.com',
        });
        return report(facts.domain, statuses);
      },
    });
    expect(s.timers[0]!.ms).toBe(1_000);
    expect(await watch.check()).toEqual([]);
    expect(s.notifier.sent).toEqual([]);
    expect(s.state.get().domains['example.com']!.lastCheckedAt).toBe(new Date(T0).toISOString());

    // Propagating still counts as waiting: the world does not see every record yet.
    statuses = ['ok', 'propagating', 'ok'];
    expect(await watch.check()).toEqual([]);

    statuses = ['ok', 'ok', 'ok'];
    s.advance(5_000);
    expect(await watch.check()).toEqual(['example.com']);
    expect(s.notifier.sent).toEqual([
      {
        title: 'Your DNS records for example.com are in place',
        body: expect.stringMatching(/SES verifies the domain on its own/),
        openStep: 'dns',
      },
    ]);
    expect(s.state.get().domains['example.com']!.doneAt).toBe(new Date(T0 + 5_000).toISOString());

    const before = asked.length;
    expect(await watch.check()).toEqual([]);
    await s.fire();
    expect(asked.length).toBe(before);
    expect(s.notifier.sent).toHaveLength(1);
    watch.stop();
  });

  it('keeps a timer going at the interval asked, never faster than the floor, until stopped', async () => {
    const s = await setup();
    await s.awaitDomain('a.test');
    let checks = 0;
    const watch = startHandOffWatch(s.ctx, {
      ...s.options,
      intervalMs: 1,
      check: async (f) => (checks++, report(f.domain, ['missing'])),
    });
    await s.fire();
    await expect.poll(() => s.timers.length).toBe(1);
    expect(s.timers[0]!.ms).toBe(MIN_INTERVAL_MS);
    expect(checks).toBe(1);
    watch.stop();
    expect(s.timers).toEqual([]);
  });

  it('survives a failed check and tells nothing', async () => {
    const s = await setup();
    await s.awaitDomain('down.test');
    const watch = startHandOffWatch(s.ctx, {
      ...s.options,
      check: async () => {
        throw Object.assign(new Error('no answer'), { name: 'DNS_NO_ANSWER' });
      },
    });
    expect(await watch.check()).toEqual([]);
    expect(s.notifier.sent).toEqual([]);
    expect(s.state.get().domains['down.test']!.doneAt).toBeNull();
    watch.stop();
  });

  it('gives up on a domain handed off more than two weeks ago', async () => {
    const s = await setup();
    await s.awaitDomain('old.test', new Date(T0 - WATCH_FOR_MS - 1).toISOString());
    const asked: string[] = [];
    const watch = startHandOffWatch(s.ctx, {
      ...s.options,
      check: async (f) => (asked.push(f.domain), report(f.domain, ['ok'])),
    });
    expect(await watch.check()).toEqual([]);
    expect(asked).toEqual([]);
    watch.stop();
  });

  it('does not notify for a domain the person stopped waiting for during the check', async () => {
    const s = await setup();
    await s.awaitDomain('gone.test');
    const watch = startHandOffWatch(s.ctx, {
      ...s.options,
      check: async (f) => {
        await s.state.update(() => ({ domains: {} }));
        return report(f.domain, ['ok']);
      },
    });
    expect(await watch.check()).toEqual([]);
    expect(s.notifier.sent).toEqual([]);
    watch.stop();
  });
});
