import net from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AssistantError, ConnectionReport } from '../../electron/ipc/contract';
import { toAssistantError } from '../../electron/core/errors';
import {
  deriveSmtpPassword,
  testSmtpLogin,
  type SmtpLoginResult,
} from '../../electron/features/sending/smtp';
import { freePort } from '../peers/free-port';
import { startMoto, type Moto } from '../peers/moto';
import { startSmtpPeer, type SmtpPeer } from '../peers/smtp';
import { buildTestApp } from '../support/assistant';
import { createUserWithKey } from '../support/aws';
import { pythonSmtpPasswords } from '../support/smtp-python';

const USER = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'eu-central-1'];

async function failureOf(promise: Promise<unknown>, region?: string): Promise<AssistantError> {
  try {
    await promise;
  } catch (err) {
    return toAssistantError(err, { region });
  }
  throw new Error('expected the SMTP login to fail');
}

describe('SMTP login against a real SMTP server (STARTTLS + AUTH on loopback)', () => {
  const peers: SmtpPeer[] = [];
  afterEach(async () => {
    await Promise.all(peers.splice(0).map((p) => p.stop()));
  });

  it('accepts exactly the password Python computed for each region, over 587 with STARTTLS', async () => {
    const expected = pythonSmtpPasswords(REGIONS.map((region) => ({ secret: SECRET, region })));
    const timings: number[] = [];
    for (const [i, region] of REGIONS.entries()) {
      const peer = await startSmtpPeer({ users: { [USER]: expected[i]! } });
      peers.push(peer);
      const result: SmtpLoginResult = await testSmtpLogin({
        region,
        userName: USER,
        password: deriveSmtpPassword(SECRET, region),
        port: 587,
        peer: peer.override,
      });
      expect(result).toMatchObject({ ok: true, host: '127.0.0.1', port: peer.port });
      expect(peer.logins).toEqual([{ user: USER, accepted: true }]);
      timings.push(result.tookMs);
    }
    console.info(`SMTP login (STARTTLS, loopback) took ${timings.join(', ')} ms`);
  });

  it('refuses the raw secret access key with 535, explained for a person', async () => {
    const [password] = pythonSmtpPasswords([{ secret: SECRET, region: 'us-east-1' }]);
    const peer = await startSmtpPeer({ users: { [USER]: password! } });
    peers.push(peer);
    const error = await failureOf(
      testSmtpLogin({ region: 'us-east-1', userName: USER, password: SECRET, peer: peer.override }),
      'us-east-1',
    );
    expect(error).toMatchObject({ code: 'SMTP_AUTH', retryable: false });
    expect(error.fix).toMatch(/not your secret access key/);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(peer.logins).toEqual([{ user: USER, accepted: false }]);
  });

  it('refuses the password made for another region with 535', async () => {
    const [usEast, euWest] = pythonSmtpPasswords([
      { secret: SECRET, region: 'us-east-1' },
      { secret: SECRET, region: 'eu-west-1' },
    ]);
    const peer = await startSmtpPeer({ users: { [USER]: usEast! } });
    peers.push(peer);
    const error = await failureOf(
      testSmtpLogin({ region: 'us-east-1', userName: USER, password: euWest!, peer: peer.override }),
      'us-east-1',
    );
    expect(error.code).toBe('SMTP_AUTH');
    expect(error.explanation).toContain('us-east-1');
  });

  it('logs in over implicit TLS when port 465 is chosen', async () => {
    const [password] = pythonSmtpPasswords([{ secret: SECRET, region: 'us-west-2' }]);
    const peer = await startSmtpPeer({ users: { [USER]: password! }, implicitTls: true });
    peers.push(peer);
    const result = await testSmtpLogin({
      region: 'us-west-2',
      userName: USER,
      password: password!,
      port: 465,
      peer: peer.override,
    });
    expect(result.ok).toBe(true);
    expect(peer.logins).toEqual([{ user: USER, accepted: true }]);
  });

  it('checks the server certificate: without the test CA the login fails as a TLS problem', async () => {
    const peer = await startSmtpPeer({ users: { [USER]: 'x' } });
    peers.push(peer);
    const error = await failureOf(
      testSmtpLogin({
        region: 'us-east-1',
        userName: USER,
        password: 'x',
        peer: { host: peer.host, port: peer.port },
      }),
    );
    expect(error.code).toBe('SMTP_TLS');
    expect(peer.logins).toEqual([]);
  });

  it('explains a closed port as a refused connection', async () => {
    const port = await freePort();
    const error = await failureOf(
      testSmtpLogin({
        region: 'us-east-1',
        userName: USER,
        password: 'x',
        peer: { host: '127.0.0.1', port },
      }),
    );
    expect(error).toMatchObject({ code: 'SMTP_REFUSED', retryable: true });
  });

  it('gives up on a silent server within its bound and says so', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const started = Date.now();
    try {
      const error = await failureOf(
        testSmtpLogin({
          region: 'us-east-1',
          userName: USER,
          password: 'x',
          peer: { host: '127.0.0.1', port },
          timeoutMs: 400,
        }),
      );
      expect(error.code).toBe('SMTP_TIMEOUT');
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.close();
    }
  });

  it('maps a 454 throttling reply to a retryable error', async () => {
    const peer = await startSmtpPeer({
      users: {},
      authFailure: { responseCode: 454, message: 'Throttling failure: Maximum sending rate exceeded.' },
    });
    peers.push(peer);
    const error = await failureOf(
      testSmtpLogin({ region: 'us-east-1', userName: USER, password: 'x', peer: peer.override }),
    );
    expect(error).toMatchObject({ code: 'SMTP_THROTTLED', retryable: true });
  });

  it('the peer records messages sent through it, for the sending tests', async () => {
    const [password] = pythonSmtpPasswords([{ secret: SECRET, region: 'us-east-1' }]);
    const peer = await startSmtpPeer({ users: { [USER]: password! } });
    peers.push(peer);
    const nodemailer = (await import('nodemailer')).default;
    const transport = nodemailer.createTransport({
      host: peer.host,
      port: peer.port,
      requireTLS: true,
      auth: { user: USER, pass: password! },
      tls: { ca: peer.ca },
    });
    await transport.sendMail({ from: 'me@example.com', to: 'you@example.com', subject: 'Hi', text: 'Hello' });
    transport.close();
    expect(peer.messages).toHaveLength(1);
    expect(peer.messages[0]).toMatchObject({ user: USER, from: 'me@example.com', to: ['you@example.com'] });
    expect(peer.messages[0]!.raw).toContain('Subject: Hi');
  });
});

describe('the SMTP channels (router, keychain-held key, moto)', () => {
  let moto: Moto;
  let peer: SmtpPeer;
  /** The peer reads this map at each login, so each test can add its freshly created key. */
  const users: Record<string, string> = {};
  beforeAll(async () => {
    moto = await startMoto();
    peer = await startSmtpPeer({ users });
  });
  afterAll(async () => {
    await peer?.stop();
    await moto?.stop();
  });
  beforeEach(async () => {
    await moto.reset();
    for (const k of Object.keys(users)) delete users[k];
    peer.logins.length = 0;
  });

  async function connected(region: string) {
    const key = await createUserWithKey(moto.endpoint, 'ses-sender');
    const [password] = pythonSmtpPasswords([{ secret: key.secretAccessKey, region }]);
    users[key.accessKeyId] = password!;
    const app = await buildTestApp({ endpoint: moto.endpoint, peers: { smtp: peer.override } });
    const result = await app.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      region,
    });
    expect(result.ok).toBe(true);
    return {
      app,
      key,
      password: password!,
      profileId: (result as { value: ConnectionReport }).value.profile.id,
    };
  }

  it('shows the region’s host and ports and the masked user name, never the password or secret', async () => {
    const { app, key, password } = await connected('eu-west-1');
    const result = await app.router.invoke('smtp.settings', {});
    expect(result).toEqual({
      ok: true,
      value: {
        region: 'eu-west-1',
        host: 'email-smtp.eu-west-1.amazonaws.com',
        ports: { starttls: 587, tls: 465 },
        alternatePorts: { starttls: 2587, tls: 2465 },
        userNameMasked: `${key.accessKeyId.slice(0, 4)}…${key.accessKeyId.slice(-4)}`,
        passwordAvailable: true,
      },
    });
    const text = JSON.stringify(result);
    expect(text).not.toContain(password);
    expect(text).not.toContain(key.secretAccessKey);
    expect(text).not.toContain(key.accessKeyId);
  });

  it('copies the user name and password through the main process clipboard only', async () => {
    const { app, key, password } = await connected('us-east-1');
    const clipboard = app.assistant.context.clipboard as unknown as { text: string | null };
    const copiedPassword = await app.router.invoke('smtp.copy', { what: 'password' });
    expect(copiedPassword).toEqual({ ok: true, value: { copied: true } });
    expect(clipboard.text).toBe(password);
    await app.router.invoke('smtp.copy', { what: 'userName' });
    expect(clipboard.text).toBe(key.accessKeyId);
  });

  it('shows the password only through the reveal channel, and only with confirm: true', async () => {
    const { app, password, profileId } = await connected('ap-southeast-2');
    expect(await app.router.invoke('smtp.revealPassword', { profileId, confirm: true })).toEqual({
      ok: true,
      value: { password },
    });
    const unconfirmed = await app.router.invoke('smtp.revealPassword', { profileId });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('tests the login with the derived password and reports where and how long', async () => {
    const { app, key } = await connected('eu-central-1');
    const result = await app.router.invoke('smtp.testLogin', { port: 587 });
    expect(result).toMatchObject({ ok: true, value: { ok: true, host: '127.0.0.1', port: peer.port } });
    expect(peer.logins).toEqual([{ user: key.accessKeyId, accepted: true }]);
    console.info(
      `smtp.testLogin through the router took ${(result as { value: SmtpLoginResult }).value.tookMs} ms`,
    );
  });

  it('explains a key the SMTP server does not know (535) through the router', async () => {
    const { app, key } = await connected('us-east-1');
    users[key.accessKeyId] = 'a password for some other region';
    const result = await app.router.invoke('smtp.testLogin', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'SMTP_AUTH' } });
    if (!result.ok) expect(result.error.explanation).toContain('us-east-1');
  });

  it('says plainly that an AWS-profile connection cannot have an SMTP password', async () => {
    const key = await createUserWithKey(moto.endpoint, 'profile-user');
    const app = await buildTestApp({ endpoint: moto.endpoint, peers: { smtp: peer.override } });
    await mkdir(path.join(app.home, '.aws'));
    await writeFile(
      path.join(app.home, '.aws', 'credentials'),
      `[work]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`,
    );
    const connectedResult = await app.router.invoke('connection.connect', {
      source: 'profile',
      profileName: 'work',
      region: 'us-east-1',
    });
    expect(connectedResult.ok).toBe(true);
    const settings = await app.router.invoke('smtp.settings', {});
    expect(settings).toMatchObject({
      ok: true,
      value: { passwordAvailable: false, userNameMasked: null, host: 'email-smtp.us-east-1.amazonaws.com' },
    });
    expect((settings as { value: { unavailableReason?: string } }).value.unavailableReason).toMatch(
      /only be made for access keys the assistant keeps/,
    );
    for (const [channel, input] of [
      ['smtp.revealPassword', { confirm: true }],
      ['smtp.copy', { what: 'password' }],
      ['smtp.testLogin', {}],
    ] as const) {
      const result = await app.router.invoke(channel, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'SMTP_NEEDS_KEPT_KEY' } });
    }
    expect(peer.logins).toEqual([]);
  });

  it('asks to connect first when there is no connection', async () => {
    const app = await buildTestApp({ endpoint: moto.endpoint, peers: { smtp: peer.override } });
    expect(await app.router.invoke('smtp.settings', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_CONNECTED' },
    });
  });
});
