/**
 * AWS faults, injected by the loopback fault proxy between the real router and moto: throttling,
 * 5xx, a connection dropped before or during the answer, a silent peer and a deactivated key.
 * What must hold: the SDK's own retry strategy (standard mode, 3 attempts) retries what is
 * retryable with backoff and succeeds once the fault clears; a fault that stays ends in a plain
 * AssistantError marked retryable, with nothing of the raw response in it; nothing waits forever.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AssistantError, Result } from '../../electron/ipc/contract';
import { startFaultProxy, type FaultEffect, type FaultProxy } from '../peers/fault-proxy';
import { startMoto, type Moto } from '../peers/moto';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, type TestKey } from '../support/aws';

const REGION = 'us-east-1';
/** The SDK's standard retry strategy: the first try and two retries. */
const ATTEMPTS = 3;

let moto: Moto;
let proxy: FaultProxy;
let key: TestKey;
/** Figures measured here, printed at the end, so a run shows how the retries behaved. */
const figures: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint, { emulateKeyStatus: true });
  key = await createUserWithKey(moto.endpoint, 'fault-sender');
});

afterEach(() => {
  proxy.clear();
  vi.restoreAllMocks();
});

afterAll(async () => {
  console.log(`AWS fault figures:\n  ${figures.join('\n  ')}`);
  await Promise.all([proxy?.stop(), moto?.stop()]);
});

function app(options: { attempts?: number; timeoutMs?: number } = {}): Promise<TestApp> {
  return buildTestApp({
    endpoint: proxy.endpoint,
    awsMaxAttempts: options.attempts ?? ATTEMPTS,
    awsRequestTimeoutMs: options.timeoutMs,
  });
}

function connect(target: TestApp, with_: TestKey = key): Promise<Result<unknown>> {
  return target.router.invoke('connection.connect', {
    source: 'keys',
    accessKeyId: with_.accessKeyId,
    secretAccessKey: with_.secretAccessKey,
    region: REGION,
  });
}

function errorOf(r: Result<unknown>): AssistantError {
  if (r.ok) throw new Error('expected a failure, got a result');
  return r.error;
}

/** Requests the proxy saw for one action, and the pauses between them (ms). */
function attempts(action: string) {
  const seen = proxy.seen.filter((s) => s.action === action);
  return {
    count: seen.length,
    faulted: seen.map((s) => s.faulted),
    gaps: seen.slice(1).map((s, i) => Math.round(s.at - seen[i]!.at)),
  };
}

/** Nothing the peer or the socket said may reach the person: only the catalogue's own words. */
function expectPlain(error: AssistantError): void {
  const text = JSON.stringify(error);
  for (const raw of [
    'Rate exceeded',
    'Internal failure',
    'ServiceFailure',
    'ECONNRESET',
    'socket hang up',
    'aborted',
    'TimeoutError',
    'security token',
    'fault-proxy',
    '127.0.0.1',
    key.accessKeyId,
    key.secretAccessKey,
  ])
    expect(text).not.toContain(raw);
  expect(error.title.length).toBeGreaterThan(10);
  expect(error.fix.length).toBeGreaterThan(10);
}

describe('a fault that clears is retried by the SDK, with backoff, and the step succeeds', () => {
  const clearing: [string, string, FaultEffect, number][] = [
    ['Throttling (400)', 'GetCallerIdentity', { kind: 'throttle' }, 2],
    [
      'SES throttling (400, “Maximum sending rate exceeded”)',
      'GetSendQuota',
      { kind: 'error', status: 400, code: 'Throttling', message: 'Maximum sending rate exceeded.' },
      2,
    ],
    ['an internal error (500)', 'GetSendQuota', { kind: 'server-error' }, 2],
    ['service unavailable (503)', 'GetCallerIdentity', { kind: 'server-error', status: 503 }, 1],
    ['a connection dropped before the answer', 'GetCallerIdentity', { kind: 'drop' }, 2],
    ['a connection dropped half-way through the answer', 'GetCallerIdentity', { kind: 'cut' }, 1],
  ];

  it.each(clearing)('%s on %s', async (label, action, effect, times) => {
    // Fixed jitter, so the backoff the SDK chose can be checked against its formula.
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const target = await app();
    proxy.rules.push({ action, effect, times });
    const started = performance.now();
    const result = await connect(target);
    const took = Math.round(performance.now() - started);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const seen = attempts(action);
    expect(seen.count).toBe(times + 1);
    expect(seen.faulted).toEqual([...Array<string>(times).fill(effect.kind), null]);
    // Standard mode waits random × base × 2^retry: base 1 s for throttling, 50 ms otherwise.
    const throttled = effect.kind === 'throttle' || (effect.kind === 'error' && effect.code === 'Throttling');
    const base = throttled ? 1_000 : 50;
    seen.gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(0.5 * base * 2 ** i - 5));
    figures.push(
      `${label}: ${times} retr${times === 1 ? 'y' : 'ies'}, pauses ${seen.gaps.join(', ')} ms, connected in ${took} ms`,
    );
  });

  it('connection.test (a saved connection) is retried the same way', async () => {
    const target = await app();
    expect((await connect(target)).ok).toBe(true);
    proxy.clear();
    proxy.rules.push({ action: 'GetSendQuota', effect: { kind: 'server-error', status: 502 }, times: 2 });
    const profileId = target.settings.get().activeProfileId!;
    const result = await target.router.invoke('connection.test', { profileId });
    expect(result.ok).toBe(true);
    expect(attempts('GetSendQuota').count).toBe(3);
  });
});

describe('a fault that stays ends in a plain, retryable error', () => {
  const persistent: [string, string, FaultEffect, string][] = [
    ['throttling', 'GetCallerIdentity', { kind: 'throttle' }, 'AWS_THROTTLED'],
    ['a 500', 'GetSendQuota', { kind: 'server-error' }, 'AWS_UNAVAILABLE'],
    ['a 503', 'GetCallerIdentity', { kind: 'server-error', status: 503 }, 'AWS_UNAVAILABLE'],
    ['dropped connections', 'GetCallerIdentity', { kind: 'drop' }, 'NETWORK_REFUSED'],
    ['answers cut half-way', 'GetCallerIdentity', { kind: 'cut' }, 'NETWORK_REFUSED'],
  ];

  it.each(persistent)('%s on %s: %s after every attempt', async (label, action, effect, code) => {
    const target = await app();
    proxy.rules.push({ action, effect });
    const started = performance.now();
    const error = errorOf(await connect(target));
    const took = Math.round(performance.now() - started);
    expect(error).toMatchObject({ code, retryable: true });
    expectPlain(error);
    expect(attempts(action).count).toBe(ATTEMPTS);
    // Nothing was saved for keys that could not be tested.
    expect(target.settings.get().profiles).toEqual([]);
    figures.push(`${label} that stays: ${ATTEMPTS} attempts, then ${code} in ${took} ms`);
  });
});

describe('nothing hangs', () => {
  it('a peer slower than the request timeout ends in NETWORK_TIMEOUT, bounded', async () => {
    const timeoutMs = 400;
    const once = await app({ attempts: 1, timeoutMs });
    proxy.rules.push({ action: 'GetCallerIdentity', effect: { kind: 'delay', ms: 5_000 } });
    let started = performance.now();
    const error = errorOf(await connect(once));
    const single = Math.round(performance.now() - started);
    expect(error).toMatchObject({ code: 'NETWORK_TIMEOUT', retryable: true });
    expectPlain(error);
    expect(single).toBeGreaterThanOrEqual(timeoutMs - 20);
    expect(single).toBeLessThan(timeoutMs + 1_000);

    // With retries on, each attempt times out in turn: three attempts, still bounded.
    proxy.seen.splice(0);
    const retrying = await app({ timeoutMs });
    started = performance.now();
    const again = errorOf(await connect(retrying));
    const total = Math.round(performance.now() - started);
    expect(again.code).toBe('NETWORK_TIMEOUT');
    expect(attempts('GetCallerIdentity').count).toBe(ATTEMPTS);
    expect(total).toBeLessThan(ATTEMPTS * timeoutMs + 2_000);
    figures.push(
      `answer delayed 5 s, request timeout ${timeoutMs} ms: NETWORK_TIMEOUT after ${single} ms (1 attempt), ${total} ms (${ATTEMPTS} attempts)`,
    );
  });

  it('an answer that stops half-way and stays silent ends in NETWORK_TIMEOUT, bounded', async () => {
    const timeoutMs = 400;
    const target = await app({ attempts: 1, timeoutMs });
    proxy.rules.push({ action: 'GetCallerIdentity', effect: { kind: 'stall' } });
    const started = performance.now();
    const error = errorOf(await connect(target));
    const took = Math.round(performance.now() - started);
    expect(error).toMatchObject({ code: 'NETWORK_TIMEOUT', retryable: true });
    expectPlain(error);
    expect(took).toBeLessThan(timeoutMs + 1_000);
    figures.push(`answer stalled half-way, timeout ${timeoutMs} ms: NETWORK_TIMEOUT after ${took} ms`);
  });

  it('a region the account has not switched on is named, not blamed on the key', async () => {
    const target = await app({ attempts: 1 });
    // As AWS answers in a disabled opt-in region: the token is "invalid" there, and only there.
    proxy.rules.push({ region: 'eu-south-1', effect: { kind: 'invalid-key' } });
    const r = await target.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      region: 'eu-south-1',
    });
    expect(errorOf(r)).toMatchObject({
      code: 'REGION_NOT_ENABLED',
      title: 'eu-south-1 is switched off in your AWS account',
    });
    // A key that is wrong everywhere is still a wrong key.
    proxy.rules.length = 0;
    proxy.rules.push({ effect: { kind: 'invalid-key' } });
    expect(errorOf(await connect(target))).toMatchObject({ code: 'AWS_UNKNOWN_KEY' });
    proxy.rules.length = 0;
  });

  it('a slow answer within the timeout is waited for, not retried', async () => {
    const target = await app({ timeoutMs: 1_500 });
    proxy.rules.push({ action: 'GetCallerIdentity', effect: { kind: 'delay', ms: 300 } });
    expect((await connect(target)).ok).toBe(true);
    expect(attempts('GetCallerIdentity').count).toBe(1);
  });

  it('the factory’s own bound is in force without a test override (20 s per request)', async () => {
    const { createAwsClients } = await import('../../electron/core/aws-clients');
    const clients = createAwsClients({
      region: REGION,
      credentials: { kind: 'keys', ...key },
      endpoints: { default: proxy.endpoint },
    });
    const handler = (await clients.sts()).config.requestHandler as unknown as {
      configProvider: Promise<Record<string, unknown>>;
    };
    const config = await handler.configProvider;
    // throwOnRequestTimeout: without it the SDK only warns when the time is up, and keeps waiting.
    expect(config).toMatchObject({
      requestTimeout: 20_000,
      connectionTimeout: 5_000,
      throwOnRequestTimeout: true,
      socketTimeout: 20_000,
    });
  });
});

describe('a deactivated key', () => {
  it('is refused with AWS_UNKNOWN_KEY at once, not retried, while another key still works', async () => {
    const other = await createUserWithKey(moto.endpoint, 'fault-other');
    proxy.deadKeys.add(key.accessKeyId);
    const target = await app();
    const error = errorOf(await connect(target));
    expect(error).toMatchObject({ code: 'AWS_UNKNOWN_KEY', retryable: false });
    expectPlain(error);
    expect(attempts('GetCallerIdentity')).toMatchObject({ count: 1, faulted: ['dead-key'] });
    expect(target.settings.get().profiles).toEqual([]);
    expect((await connect(target, other)).ok).toBe(true);
  });

  it('a saved connection whose key was deactivated since says so on its next test', async () => {
    const target = await app();
    expect((await connect(target)).ok).toBe(true);
    proxy.deadKeys.add(key.accessKeyId);
    const profileId = target.settings.get().activeProfileId!;
    const error = errorOf(await target.router.invoke('connection.test', { profileId }));
    expect(error.code).toBe('AWS_UNKNOWN_KEY');
    expectPlain(error);
    // The connection is kept: the person decides whether to paste a new key.
    expect(target.settings.get().profiles).toHaveLength(1);
  });
});
