/**
 * SMTP hang-ups through the real router (smtp.testLogin with a key held for a moto-made user): a
 * server that closes the connection at once, one that greets and hangs up when spoken to, one that
 * never greets, one that greets and goes quiet, and SES's 454 throttling reply. Each ends in a
 * plain, retryable error within its bound, and neither the secret nor the SMTP password shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistantError, Result } from '../../electron/ipc/contract';
import { toAssistantError } from '../../electron/core/errors';
import { deriveSmtpPassword, testSmtpLogin } from '../../electron/features/sending/smtp';
import { startBadSmtp, type SmtpMisbehaviour } from '../peers/hang-ups';
import { startMoto, type Moto } from '../peers/moto';
import { startSmtpPeer } from '../peers/smtp';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, type TestKey } from '../support/aws';

const REGION = 'eu-west-1';
/** smtp.ts: the default wait for each phase (connect, greeting, each reply). */
const PHASE_MS = 15_000;

let moto: Moto;
let key: TestKey;
const figures: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  key = await createUserWithKey(moto.endpoint, 'smtp-fault-sender');
});

afterAll(async () => {
  console.log(`SMTP fault figures:\n  ${figures.join('\n  ')}`);
  await moto?.stop();
});

async function connected(smtp: { host: string; port: number; ca?: string }): Promise<TestApp> {
  const app = await buildTestApp({ endpoint: moto.endpoint, peers: { smtp } });
  const r = await app.router.invoke('connection.connect', {
    source: 'keys',
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    region: REGION,
  });
  expect(r.ok).toBe(true);
  return app;
}

function expectPlain(error: AssistantError): void {
  const text = JSON.stringify(error);
  for (const raw of [
    key.secretAccessKey,
    deriveSmtpPassword(key.secretAccessKey, REGION),
    key.accessKeyId,
    'Connection closed',
    'Greeting never received',
    'Unexpected socket close',
    'Timeout',
    '127.0.0.1',
    'fault.test',
    'Throttling failure',
  ])
    expect(text).not.toContain(raw);
  expect(error.title.length).toBeGreaterThan(10);
  expect(error.fix.length).toBeGreaterThan(10);
}

async function testLogin(app: TestApp): Promise<{ error: AssistantError; ms: number }> {
  const started = performance.now();
  const r: Result<unknown> = await app.router.invoke('smtp.testLogin', { port: 587 });
  const ms = Math.round(performance.now() - started);
  if (r.ok) throw new Error('expected the login test to fail');
  return { error: r.error, ms };
}

describe('SMTP servers that hang up or stay silent, through smtp.testLogin', () => {
  it.each<[SmtpMisbehaviour, string]>([
    ['hang-up', 'SMTP_FAILED'],
    ['greet-then-hang-up', 'SMTP_FAILED'],
  ])('%s: ends at once in %s, retryable, in plain words', async (behaviour, code) => {
    const bad = await startBadSmtp(behaviour);
    try {
      const { error, ms } = await testLogin(await connected(bad.override));
      expect(error).toMatchObject({ code, retryable: true });
      expectPlain(error);
      expect(bad.connections).toBe(1);
      expect(ms).toBeLessThan(2_000);
      figures.push(`${behaviour}: ${error.code} after ${ms} ms`);
    } finally {
      await bad.stop();
    }
  });

  it(
    'no greeting: the router’s login test gives up after its own bound (15 s) with SMTP_TIMEOUT',
    async () => {
      const bad = await startBadSmtp('no-greeting');
      try {
        const { error, ms } = await testLogin(await connected(bad.override));
        expect(error).toMatchObject({ code: 'SMTP_TIMEOUT', retryable: true });
        expectPlain(error);
        expect(ms).toBeGreaterThanOrEqual(PHASE_MS - 100);
        expect(ms).toBeLessThan(PHASE_MS + 2_000);
        figures.push(`no-greeting (router, default bound): SMTP_TIMEOUT after ${ms} ms`);
      } finally {
        await bad.stop();
      }
    },
    PHASE_MS + 10_000,
  );

  it.each<SmtpMisbehaviour>(['no-greeting', 'greet-then-silence'])(
    '%s: with a 500 ms bound the login test ends in SMTP_TIMEOUT just after it',
    async (behaviour) => {
      const bad = await startBadSmtp(behaviour);
      try {
        const started = performance.now();
        const failure = await testSmtpLogin({
          region: REGION,
          userName: key.accessKeyId,
          password: deriveSmtpPassword(key.secretAccessKey, REGION),
          peer: bad.override,
          timeoutMs: 500,
        }).then(
          () => null,
          (err: unknown) => err,
        );
        const ms = Math.round(performance.now() - started);
        expect(failure).not.toBeNull();
        const error = toAssistantError(failure, { region: REGION, doing: 'testing the SMTP login' });
        expect(error).toMatchObject({ code: 'SMTP_TIMEOUT', retryable: true });
        expectPlain(error);
        expect(ms).toBeGreaterThanOrEqual(450);
        expect(ms).toBeLessThan(1_500);
        figures.push(`${behaviour} (service, 500 ms bound): SMTP_TIMEOUT after ${ms} ms`);
      } finally {
        await bad.stop();
      }
    },
  );

  it('SES’s 454 throttling reply to the login: SMTP_THROTTLED, retryable', async () => {
    const peer = await startSmtpPeer({
      users: {},
      authFailure: { responseCode: 454, message: 'Throttling failure: Maximum sending rate exceeded.' },
    });
    try {
      const { error, ms } = await testLogin(await connected(peer.override));
      expect(error).toMatchObject({ code: 'SMTP_THROTTLED', retryable: true });
      expectPlain(error);
      expect(peer.logins).toHaveLength(1);
      figures.push(`454 throttling at AUTH: SMTP_THROTTLED after ${ms} ms`);
    } finally {
      await peer.stop();
    }
  });
});
