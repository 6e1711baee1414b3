/**
 * Test sends through the real router and services: over the SES API against moto (the message
 * must appear in moto's store with the right sender, recipient and subject), over SMTP against a
 * real smtp-server with STARTTLS and AUTH (the message must arrive with the right headers), and the
 * failures people meet, mapped to plain words: an unverified sender, an unverified recipient in
 * the sandbox, a wrong SMTP password, a blocked port, and SES's throttling and paused account as
 * the real SDK parses them (through the fault proxy).
 */
import {
  ListIdentitiesCommand,
  SESClient,
  VerifyDomainIdentityCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AssistantError, Result } from '../../electron/ipc/contract';
import { deriveSmtpPassword } from '../../electron/features/sending/smtp';
import { SIMULATOR_ADDRESSES } from '../../electron/features/sending/simulator';
import type { TestSendResult } from '../../electron/features/sending/test-send';
import { startFaultProxy, type FaultProxy } from '../peers/fault-proxy';
import { freePort } from '../peers/free-port';
import { startMoto, type Moto } from '../peers/moto';
import { startSmtpPeer, type SmtpPeer } from '../peers/smtp';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, DUMMY_ADMIN, type TestKey } from '../support/aws';

let moto: Moto;
let proxy: FaultProxy;
let smtp: SmtpPeer;
let key: TestKey;
let app: TestApp;
/** Send times measured in this file, reported at the end. */
const timings: Record<string, number[]> = {};

const REGION = 'us-east-1';
const SENDER = 'hello@example.com';

function ses(): SESClient {
  return new SESClient({ region: REGION, endpoint: moto.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });
}

async function connect(target: TestApp) {
  const r = await target.router.invoke('connection.connect', {
    source: 'keys',
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    region: REGION,
  });
  expect(r.ok).toBe(true);
}

async function send(input: Record<string, unknown>, target = app): Promise<Result<TestSendResult>> {
  return (await target.router.invoke('send.test', input)) as Result<TestSendResult>;
}

function expectError(r: Result<unknown>): AssistantError {
  expect(r.ok).toBe(false);
  return (r as { ok: false; error: AssistantError }).error;
}

function note(kind: string, r: Result<TestSendResult>) {
  if (r.ok) (timings[kind] ??= []).push(r.value.tookMs);
}

interface MotoMessage {
  source: string;
  subject: string;
  body: string;
  destinations: { ToAddresses: string[] };
  id: string;
}
async function motoMessages(): Promise<MotoMessage[]> {
  return ((await moto.data()).ses as { Message: MotoMessage[] }).Message;
}

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint);
});

beforeEach(async () => {
  await moto.reset();
  proxy.rules.length = 0;
  key = await createUserWithKey(moto.endpoint, 'ses-sender', { allowAll: true });
  await smtp?.stop();
  smtp = await startSmtpPeer({
    users: { [key.accessKeyId]: deriveSmtpPassword(key.secretAccessKey, REGION) },
  });
  app = await buildTestApp({ endpoint: moto.endpoint, peers: { smtp: smtp.override } });
  await connect(app);
  await ses().send(new VerifyEmailIdentityCommand({ EmailAddress: SENDER }));
});

afterAll(async () => {
  await smtp?.stop();
  await proxy?.stop();
  await moto?.stop();
  const summary = Object.entries(timings).map(
    ([k, v]) =>
      `${k}: n=${v.length} min=${Math.min(...v)} ms median=${v.sort((a, b) => a - b)[v.length >> 1]} ms max=${Math.max(...v)} ms`,
  );
  console.log(`test-send timings (loopback peers):\n  ${summary.join('\n  ')}`);
});

describe('test sends over the SES API', () => {
  it('lists the verified senders of the region, verified first', async () => {
    await ses().send(new VerifyDomainIdentityCommand({ Domain: 'example.org' }));
    const r = await app.router.invoke('send.senders', {});
    expect(r.ok).toBe(true);
    const list = (r as { value: { identity: string; kind: string; verified: boolean }[] }).value;
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ identity: SENDER, kind: 'address', verified: true }),
        expect.objectContaining({ identity: 'example.org', kind: 'domain', verified: true }),
      ]),
    );
  });

  it('sends HTML and text from a verified sender and moto holds exactly that message', async () => {
    const r = await send({
      via: 'api',
      from: SENDER,
      to: 'success@simulator.amazonses.com',
      subject: 'Hello from the test',
    });
    note('api', r);
    expect(r.ok).toBe(true);
    const value = (r as { value: TestSendResult }).value;
    expect(value.via).toBe('api');
    expect(value.simulatorOutcome).toBe('success');
    expect(value.tookMs).toBeGreaterThanOrEqual(0);
    expect(value.tookMs).toBeLessThan(10_000);
    const messages = await motoMessages();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      id: value.messageId,
      source: SENDER,
      subject: 'Hello from the test',
      destinations: { ToAddresses: ['success@simulator.amazonses.com'] },
    });
    // moto keeps the HTML part of a two-part message.
    expect(messages[0]!.body).toContain('<strong>the Amazon SES API</strong>');
  });

  it('sends to every mailbox simulator address and says what each outcome means', async () => {
    for (const sim of SIMULATOR_ADDRESSES) {
      const r = await send({ via: 'api', from: SENDER, to: sim.address });
      note('api', r);
      expect(r.ok, sim.address).toBe(true);
      const value = (r as { value: TestSendResult }).value;
      expect(value.simulatorOutcome).toBe(sim.outcome);
      expect(value.meaning).toBe(sim.meaning);
    }
    const sent = (await motoMessages()).map((m) => m.destinations.ToAddresses[0]);
    expect(sent).toEqual(SIMULATOR_ADDRESSES.map((s) => s.address));
  });

  it('refuses an unverified sender with the sender case, naming the address and region', async () => {
    const e = expectError(
      await send({ via: 'api', from: 'stranger@example.net', to: 'success@simulator.amazonses.com' }),
    );
    expect(e.code).toBe('SENDER_NOT_VERIFIED');
    expect(e.explanation).toContain('stranger@example.net');
    expect(e.explanation).toContain(REGION);
    expect(JSON.stringify(e)).not.toMatch(/Email address not verified/);
    expect(await motoMessages()).toHaveLength(0);
  });

  it('in the sandbox, offers to verify an unverified recipient, then sends once it is verified', async () => {
    const to = 'friend@example.org';
    const e = expectError(await send({ via: 'api', from: SENDER, to }));
    expect(e.code).toBe('RECIPIENT_NOT_VERIFIED');
    expect(e.explanation).toContain(to);
    expect(await motoMessages()).toHaveLength(0);

    const v = await app.router.invoke('send.verifyRecipient', { address: to });
    expect(v).toMatchObject({ ok: true, value: { address: to, verified: true } });
    expect(app.settings.get().ledger).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'ses-identity', id: to, region: REGION })]),
    );
    const r = await send({ via: 'api', from: SENDER, to });
    note('api', r);
    expect(r.ok).toBe(true);
    expect((await motoMessages())[0]!.destinations.ToAddresses).toEqual([to]);
  });

  it('a recipient verified for a test is in the ledger and can be removed from there', async () => {
    const to = 'friend@example.org';
    expect((await app.router.invoke('send.verifyRecipient', { address: to })).ok).toBe(true);
    const admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
    expect(
      (
        await app.router.invoke('admin.open', {
          source: 'keys',
          accessKeyId: admin.accessKeyId,
          secretAccessKey: admin.secretAccessKey,
          region: REGION,
        })
      ).ok,
    ).toBe(true);
    expect((await app.router.invoke('ledger.remove', { kind: 'ses-identity', id: to })).ok).toBe(true);
    const identities = (await ses().send(new ListIdentitiesCommand({}))).Identities ?? [];
    expect(identities).not.toContain(to);
    expect(identities).toContain(SENDER);
  });

  it('maps SES throttling and a paused account, as the real SDK parses them, to their own advice', async () => {
    const proxied = await buildTestApp({ endpoint: proxy.endpoint, peers: { smtp: smtp.override } });
    await connect(proxied);
    proxy.rules.push({
      service: 'ses',
      action: 'SendEmail',
      times: 1,
      effect: { kind: 'error', status: 400, code: 'Throttling', message: 'Maximum sending rate exceeded.' },
    });
    const rate = expectError(
      await send({ via: 'api', from: SENDER, to: 'success@simulator.amazonses.com' }, proxied),
    );
    expect(rate).toMatchObject({ code: 'SEND_RATE_EXCEEDED', retryable: true });

    proxy.rules.push({
      service: 'ses',
      action: 'SendEmail',
      times: 1,
      effect: {
        kind: 'error',
        status: 400,
        code: 'AccountSendingPausedException',
        message: 'Sending paused',
      },
    });
    const paused = expectError(
      await send({ via: 'api', from: SENDER, to: 'success@simulator.amazonses.com' }, proxied),
    );
    expect(paused.code).toBe('ACCOUNT_SENDING_PAUSED');

    proxy.rules.push({
      service: 'ses',
      action: 'SendEmail',
      times: 1,
      effect: {
        kind: 'error',
        status: 403,
        code: 'AccessDenied',
        message: 'not authorized to perform ses:SendEmail',
      },
    });
    const denied = expectError(
      await send({ via: 'api', from: SENDER, to: 'success@simulator.amazonses.com' }, proxied),
    );
    expect(denied.code).toBe('SEND_NOT_ALLOWED');
  });

  it('rejects bad input before anything is sent', async () => {
    const e = expectError(await send({ via: 'fax', from: 'not-an-address', to: SENDER }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(Object.keys(e.fields ?? {})).toEqual(expect.arrayContaining(['via', 'from']));
    expect(await motoMessages()).toHaveLength(0);
  });
});

describe('test sends over SMTP', () => {
  it('logs in with the derived password over STARTTLS and delivers From, To and Subject', async () => {
    const r = await send({
      via: 'smtp',
      from: SENDER,
      to: 'success@simulator.amazonses.com',
      subject: 'Over SMTP',
    });
    note('smtp', r);
    expect(r.ok).toBe(true);
    const value = (r as { value: TestSendResult }).value;
    expect(value).toMatchObject({
      via: 'smtp',
      simulatorOutcome: 'success',
      host: '127.0.0.1',
      port: smtp.port,
    });
    expect(smtp.logins).toEqual([{ user: key.accessKeyId, accepted: true }]);
    expect(smtp.messages).toHaveLength(1);
    const got = smtp.messages[0]!;
    expect(got.user).toBe(key.accessKeyId);
    expect(got.from).toBe(SENDER);
    expect(got.to).toEqual(['success@simulator.amazonses.com']);
    expect(got.raw).toMatch(/^Subject: Over SMTP\r?$/m);
    expect(got.raw).toMatch(/^From: hello@example.com\r?$/m);
    expect(got.raw).toContain('text/html');
    expect(got.raw).toContain('text/plain');
    // The peer does not answer "250 Ok <id>" like SES, so the id is the message's own Message-ID.
    expect(got.raw).toContain(value.messageId);
  });

  it('explains a password the server refuses (535) as the SMTP password case', async () => {
    await smtp.stop();
    smtp = await startSmtpPeer({ users: { [key.accessKeyId]: 'a-different-password' } });
    const other = await buildTestApp({ endpoint: moto.endpoint, peers: { smtp: smtp.override } });
    await connect(other);
    const e = expectError(
      await send({ via: 'smtp', from: SENDER, to: 'success@simulator.amazonses.com' }, other),
    );
    expect(e.code).toBe('SMTP_AUTH');
    expect(e.explanation).toContain(REGION);
    expect(JSON.stringify(e)).not.toContain('Authentication Credentials Invalid');
    expect(smtp.messages).toHaveLength(0);
  });

  it('explains a port where nothing answers (blocked 587) and suggests 465', async () => {
    const closed = await freePort();
    const other = await buildTestApp({
      endpoint: moto.endpoint,
      peers: { smtp: { host: '127.0.0.1', port: closed, ca: smtp.ca } },
    });
    await connect(other);
    const e = expectError(
      await send({ via: 'smtp', from: SENDER, to: 'success@simulator.amazonses.com' }, other),
    );
    expect(e.code).toBe('SMTP_REFUSED');
    expect(e.fix).toContain('465');
  });

  it('sends over implicit TLS (465)', async () => {
    await smtp.stop();
    smtp = await startSmtpPeer({
      users: { [key.accessKeyId]: deriveSmtpPassword(key.secretAccessKey, REGION) },
      implicitTls: true,
    });
    const other = await buildTestApp({ endpoint: moto.endpoint, peers: { smtp: smtp.override } });
    await connect(other);
    const r = await send(
      { via: 'smtp', port: 465, from: SENDER, to: 'bounce@simulator.amazonses.com' },
      other,
    );
    note('smtp-465', r);
    expect(r.ok).toBe(true);
    expect(smtp.messages[0]!.to).toEqual(['bounce@simulator.amazonses.com']);
  });

  it('measures ten sends each way, every one with its own MessageId', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 10; i++) {
      for (const via of ['api', 'smtp'] as const) {
        const r = await send({ via, from: SENDER, to: 'success@simulator.amazonses.com' });
        note(`${via} (x10)`, r);
        expect(r.ok).toBe(true);
        ids.add((r as { value: TestSendResult }).value.messageId);
      }
    }
    expect(ids.size).toBe(20);
    // SMTP opens a connection, upgrades it to TLS and logs in: it can never take zero time.
    expect(Math.min(...timings['smtp (x10)']!)).toBeGreaterThan(0);
  });

  it('never puts the secret or the SMTP password into a result or the settings', async () => {
    const r = await send({ via: 'smtp', from: SENDER, to: 'success@simulator.amazonses.com' });
    const text = JSON.stringify(r) + JSON.stringify(app.settings.get());
    expect(text).not.toContain(key.secretAccessKey);
    expect(text).not.toContain(deriveSmtpPassword(key.secretAccessKey, REGION));
  });
});
