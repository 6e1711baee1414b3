/**
 * The code snippets run as shown: each SMTP snippet is saved verbatim beside the
 * .env file the assistant copies (user name and derived password filled in by the main process),
 * run with real Node and Python, and must deliver a message to the loopback SMTP server. The only
 * edit is the one a test needs: the .env's host and port point at that server instead of SES.
 * The API snippets run the same way against moto, with the key pasted into .env as its note says.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionReport } from '../../electron/ipc/contract';
import type { Snippet } from '../../electron/features/sending/snippets';
import { startMoto, type Moto } from '../peers/moto';
import { startSmtpPeer, type SmtpPeer } from '../peers/smtp';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey } from '../support/aws';
import { pythonSmtpPasswords } from '../support/smtp-python';

const REPO = path.resolve(__dirname, '../..');
const SENDER = 'hello@shop.example';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command with the AWS and SES variables of this process removed: only .env may give them. */
function run(command: string, args: string[], cwd: string, extraEnv: Record<string, string>): Promise<Run> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(AWS_|SES_SMTP_)/.test(k)) env[k] = v;
  return new Promise((resolve, reject) => {
    // Never the metadata address: the snippets get their credentials from .env here.
    const child = spawn(command, args, {
      cwd,
      env: { ...env, AWS_EC2_METADATA_DISABLED: 'true', ...extraEnv },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The copied .env with the SMTP server moved to loopback, as a test needs and nothing else. */
function pointedAt(env: string, peer: SmtpPeer): string {
  return env
    .replace(/^SES_SMTP_HOST=.*$/m, `SES_SMTP_HOST=${peer.host}`)
    .replace(/^SES_SMTP_PORT=.*$/m, `SES_SMTP_PORT=${peer.port}`);
}

describe('code snippets for the person’s own server, run for real', () => {
  let moto: Moto;
  let peer: SmtpPeer;
  const users: Record<string, string> = {};
  const dirs: string[] = [];

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
    peer.messages.length = 0;
  });
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
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
    expect((result as { value: ConnectionReport }).value.profile.region).toBe(region);
    expect((await app.router.invoke('identities.verifyEmail', { address: SENDER })).ok).toBe(true);
    return { app, key, password: password! };
  }

  async function snippetsOf(app: TestApp): Promise<Snippet[]> {
    const result = await app.router.invoke('snippets.list', {});
    if (!result.ok) throw new Error(result.error.title);
    return result.value as Snippet[];
  }

  async function copiedEnv(app: TestApp): Promise<string> {
    const clipboard = app.assistant.context.clipboard as unknown as { text: string | null };
    expect(await app.router.invoke('snippets.copyEnv', {})).toEqual({ ok: true, value: { copied: true } });
    return clipboard.text ?? '';
  }

  /** A folder as the person would have it: the code, its .env, and (for Node) installed packages. */
  async function project(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'snippet-run-'));
    dirs.push(dir);
    await symlink(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    return dir;
  }

  it('lists snippets filled with the region and verified sender, and no secret', async () => {
    const { app, key, password } = await connected('eu-west-1');
    const snippets = await snippetsOf(app);
    const text = JSON.stringify(snippets);
    expect(text).not.toContain(password);
    expect(text).not.toContain(key.secretAccessKey);
    expect(text).not.toContain(key.accessKeyId);
    expect(snippets.find((s) => s.id === 'env')!.code).toContain(
      'SES_SMTP_HOST=email-smtp.eu-west-1.amazonaws.com',
    );
    expect(snippets.find((s) => s.id === 'node-smtp')!.code).toContain(`from: '${SENDER}'`);
  });

  it('copies a complete .env through the main process only, with the password made for the region', async () => {
    const { app, key, password } = await connected('ap-southeast-2');
    const env = await copiedEnv(app);
    expect(env).toMatch(new RegExp(`^SES_SMTP_USER=${key.accessKeyId}$`, 'm'));
    expect(env).toContain(`\nSES_SMTP_PASSWORD=${password}\n`);
    expect(env).toMatch(/^SES_SMTP_HOST=email-smtp\.ap-southeast-2\.amazonaws\.com$/m);
    // The secret access key itself is never handed out.
    expect(env).not.toContain(key.secretAccessKey);
  });

  it('runs the Node.js SMTP snippet as shown: the server receives the message', async () => {
    const { app, key } = await connected('eu-west-1');
    const code = (await snippetsOf(app)).find((s) => s.id === 'node-smtp')!.code;
    const dir = await project({ 'send-email.mjs': code, '.env': pointedAt(await copiedEnv(app), peer) });
    const caFile = path.join(dir, 'test-ca.pem');
    await writeFile(caFile, peer.ca);
    const result = await run(process.execPath, ['send-email.mjs'], dir, { NODE_EXTRA_CA_CERTS: caFile });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Sent: </);
    expect(peer.logins).toEqual([{ user: key.accessKeyId, accepted: true }]);
    expect(peer.messages).toHaveLength(1);
    expect(peer.messages[0]).toMatchObject({
      user: key.accessKeyId,
      from: SENDER,
      to: ['someone@example.com'],
    });
    expect(peer.messages[0]!.raw).toMatch(/^Subject: Hello from Amazon SES/m);
  });

  it('runs the Python SMTP snippet as shown: the server receives the message', async () => {
    const { app, key } = await connected('us-west-2');
    const code = (await snippetsOf(app)).find((s) => s.id === 'python-smtp')!.code;
    const dir = await project({ 'send_email.py': code, '.env': pointedAt(await copiedEnv(app), peer) });
    const caFile = path.join(dir, 'test-ca.pem');
    await writeFile(caFile, peer.ca);
    // SSL_CERT_FILE makes Python's default context trust the test server's certificate; the
    // snippet itself checks certificates as it would against SES.
    const result = await run('python3', ['send_email.py'], dir, { SSL_CERT_FILE: caFile });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('Sent.');
    expect(peer.logins).toEqual([{ user: key.accessKeyId, accepted: true }]);
    expect(peer.messages).toHaveLength(1);
    expect(peer.messages[0]).toMatchObject({
      user: key.accessKeyId,
      from: SENDER,
      to: ['someone@example.com'],
    });
    expect(peer.messages[0]!.raw).toMatch(/^Subject: Hello from Amazon SES/m);
  });

  it('refuses to log in without encryption: the Node snippet fails rather than send the password in clear', async () => {
    const { app } = await connected('eu-west-1');
    const code = (await snippetsOf(app)).find((s) => s.id === 'node-smtp')!.code;
    const plain = await startSmtpPeer({ users });
    try {
      // No CA given: the certificate cannot be trusted, so the snippet must stop before AUTH.
      const dir = await project({ 'send-email.mjs': code, '.env': pointedAt(await copiedEnv(app), plain) });
      const result = await run(process.execPath, ['send-email.mjs'], dir, {});
      expect(result.code).not.toBe(0);
      expect(plain.logins).toEqual([]);
      expect(plain.messages).toEqual([]);
    } finally {
      await plain.stop();
    }
  });

  it.each([
    ['node-sdk', 'send-email-api.mjs', process.execPath],
    ['python-boto3', 'send_email_api.py', 'python3'],
  ])(
    'runs the %s API snippet as shown against moto, with the key pasted into .env',
    async (id, file, bin) => {
      const { app } = await connected('eu-west-1');
      const snippets = await snippetsOf(app);
      const key = await createUserWithKey(moto.endpoint, 'api-sender');
      // What the .env's note tells the person to do: paste a sending key and remove the #.
      const env = snippets
        .find((s) => s.id === 'env')!
        .code.replace('# AWS_ACCESS_KEY_ID=', `AWS_ACCESS_KEY_ID=${key.accessKeyId}`)
        .replace('# AWS_SECRET_ACCESS_KEY=', `AWS_SECRET_ACCESS_KEY=${key.secretAccessKey}`);
      const dir = await project({ [file]: snippets.find((s) => s.id === id)!.code, '.env': env });
      const result = await run(bin, [file], dir, { AWS_ENDPOINT_URL: moto.endpoint });
      // The SDK may warn about the Node version on stderr; an error or a traceback fails.
      expect(result.stderr).not.toMatch(/error|traceback/i);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Sent: \S+/);
    },
  );
});
