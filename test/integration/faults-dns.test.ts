/**
 * DNS faults through the real router: a nameserver that takes every question and never answers,
 * a resolver that never answers, and one lost question. The check must end within its timeout and
 * say what it could not see, record by record, instead of waiting or calling an unanswered
 * question a missing record. All traffic goes to loopback servers of this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistantError, Result } from '../../electron/ipc/contract';
import { DEFAULT_TIMEOUT_MS } from '../../electron/features/dns/lookup';
import type { DnsPlanView, DnsReport } from '../../electron/features/dns/types';
import { runCli } from '../../cli/main';
import type { CliIo } from '../../cli/command';
import { startSilentDns, type SilentDns } from '../peers/hang-ups';
import { startMoto, type Moto } from '../peers/moto';
import { startNsd, type Nsd } from '../peers/nsd';
import { startDelayProxy } from '../peers/udp-delay';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, verifyDomain } from '../support/aws';
import { checkerZones, REGION } from '../support/dns-zones';

let moto: Moto;
let nsd: Nsd;
let silent: SilentDns;
let tokens: string[];
const figures: string[] = [];
/** The check's own bound: its timeout, plus the little it takes to judge what came back. */
const BOUND_MS = DEFAULT_TIMEOUT_MS + 1_500;

beforeAll(async () => {
  moto = await startMoto();
  tokens = await verifyDomain(moto.endpoint, 'good.test', REGION);
  [nsd, silent] = await Promise.all([startNsd(checkerZones(tokens)), startSilentDns()]);
});

afterAll(async () => {
  console.log(`DNS fault figures (timeout ${DEFAULT_TIMEOUT_MS} ms):\n  ${figures.join('\n  ')}`);
  await Promise.all([moto?.stop(), nsd?.stop(), silent?.stop()]);
});

async function connectedApp(dns: { authoritative?: string; resolver?: string }): Promise<TestApp> {
  const app = await buildTestApp({ endpoint: moto.endpoint, peers: { dns } });
  const key = await createUserWithKey(moto.endpoint, `dnsf-${Math.random().toString(36).slice(2, 8)}`);
  const r = await app.router.invoke('connection.connect', {
    source: 'keys',
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    region: REGION,
  });
  expect(r.ok).toBe(true);
  return app;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: Math.round(performance.now() - started) };
}

function errorOf(r: Result<unknown>): AssistantError {
  if (r.ok) throw new Error('expected a failure, got a result');
  return r.error;
}

describe('DNS servers that do not answer', () => {
  it('a nameserver that never answers: dns.check ends in DNS_NO_ANSWER within its timeout', async () => {
    const app = await connectedApp({ authoritative: silent.server });
    const before = silent.queries;
    const { value, ms } = await timed(() =>
      app.router.invoke('dns.check', { domain: 'good.test', region: REGION }),
    );
    const error = errorOf(value);
    expect(error).toMatchObject({ code: 'DNS_NO_ANSWER', retryable: true });
    expect(JSON.stringify(error)).not.toMatch(/ETIMEOUT|queryTxt|127\.0\.0\.1/);
    expect(silent.queries - before).toBeGreaterThan(6);
    // It really waited for an answer (two tries), and gave up on its own bound.
    expect(ms).toBeGreaterThanOrEqual(DEFAULT_TIMEOUT_MS / 3);
    expect(ms).toBeLessThan(BOUND_MS);
    figures.push(
      `silent nameserver: DNS_NO_ANSWER after ${ms} ms (${silent.queries - before} questions unanswered)`,
    );
  });

  it('a resolver that never answers: no record reads as ok, and the check ends in time', async () => {
    const app = await connectedApp({ authoritative: nsd.server, resolver: silent.server });
    const { value, ms } = await timed(() =>
      app.router.invoke('dns.check', { domain: 'good.test', region: REGION }),
    );
    expect(value.ok).toBe(true);
    const report = (value as { value: DnsReport }).value;
    expect(report.records).toHaveLength(6);
    // Published at the domain's own nameserver, not confirmed by the resolver: never “ok”.
    expect(report.records.map((r) => r.status)).toEqual(Array(6).fill('propagating'));
    expect(ms).toBeLessThan(BOUND_MS);
    figures.push(`silent resolver, answering nameserver: 6 records “propagating” after ${ms} ms`);
  });

  it('the DMARC question lost: DMARC is not read (nothing proposed), the rest are judged, in one timeout', async () => {
    const lossy = await startDelayProxy(nsd.port, 0, ['_dmarc.good.test']);
    try {
      const app = await connectedApp({ authoritative: lossy.server, resolver: nsd.server });
      const { value, ms } = await timed(() =>
        app.router.invoke('dns.check', { domain: 'good.test', region: REGION }),
      );
      const report = (value as { value: DnsReport }).value;
      const byPurpose = report.records.map((r) => [r.purpose, r.status, r.problems.map((p) => p.code)]);
      expect(byPurpose).toEqual([
        ['dkim', 'ok', []],
        ['dkim', 'ok', []],
        ['dkim', 'ok', []],
        ['mail-from-mx', 'ok', []],
        ['mail-from-spf', 'ok', []],
      ]);
      expect(report.notes.map((n) => n.code)).toEqual(['DMARC_NOT_READ']);
      expect(ms).toBeLessThan(BOUND_MS);
      figures.push(`one question lost: 5 records ok, DMARC “not read”, after ${ms} ms`);
    } finally {
      await lossy.stop();
    }
  });

  it('dns.plan still gives the records when DNS is silent, and says it could not read DNS', async () => {
    const app = await connectedApp({ authoritative: silent.server });
    const { value, ms } = await timed(() => app.router.invoke('dns.plan', { domain: 'good.test' }));
    expect(value.ok).toBe(true);
    const plan = (value as { value: DnsPlanView }).value;
    expect(plan.records.filter((r) => r.purpose === 'dkim')).toHaveLength(3);
    // Unanswered is not absent: an existing DMARC policy or SPF record may be there, unseen.
    expect(plan.dnsRead).toBe(false);
    expect(ms).toBeLessThan(BOUND_MS);
    figures.push(`dns.plan with a silent nameserver: planned without reading DNS after ${ms} ms`);
  });

  it('the dns-check command gives up on a silent nameserver with exit 1 and a plain message', async () => {
    let err = '';
    let out = '';
    const io: CliIo = {
      readStdin: async () => '',
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      env: {},
    };
    const { value: code, ms } = await timed(() =>
      runCli(
        [
          'dns-check',
          'good.test',
          '--region',
          REGION,
          '--nameserver',
          silent.server,
          '--resolver',
          silent.server,
        ],
        io,
      ),
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.split('\n')[0]).toBe('Your domain’s nameservers did not answer');
    expect(err).not.toMatch(/\n\s+at |Error:|ETIMEOUT/);
    expect(ms).toBeLessThan(BOUND_MS);
    figures.push(`dns-check command, silent nameserver: exit 1 after ${ms} ms`);
  });
});
