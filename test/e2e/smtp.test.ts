import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSettings } from '../../electron/core/settings';
import type { PeerOverrides } from '../../electron/core/context';
import { keychainStore } from '../../electron/core/secret-store';
import { freePort } from '../peers/free-port';
import { requireSecretService } from '../peers/keyring';
import { startMoto, type Moto } from '../peers/moto';
import { startSmtpPeer, type SmtpPeer } from '../peers/smtp';
import { createUserWithKey, type TestKey } from '../support/aws';
import { allFiles } from '../support/files';
import { pythonSmtpPasswords } from '../support/smtp-python';
import { stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

const REGION = 'eu-west-1';
const service = 'ses-setup-assistant-e2e-smtp';

let moto: Moto;
let smtp: SmtpPeer;
let app: RunningApp;
let key: TestKey;
/** The SMTP password for the key in REGION, computed by Python, not by the code under test. */
let password: string;
/** The peer reads this at every login, so a test can make it refuse the key. */
const users: Record<string, string> = {};
/** Mutable on purpose: the services read ctx.peers at each test, so a test can point SMTP at a closed port. */
const peers: PeerOverrides = {};
/** Page text at each screenshot, by name. */
const screens = new Map<string, string>();

async function shot(name: string): Promise<string> {
  const text = await app.screenshot(`smtp-${name}`);
  screens.set(name, text);
  return text;
}

beforeAll(async () => {
  requireSecretService();
  moto = await startMoto();
  key = await createUserWithKey(moto.endpoint, 'ses-sender', { allowAll: true });
  [password] = pythonSmtpPasswords([{ secret: key.secretAccessKey, region: REGION }]) as [string];
  users[key.accessKeyId] = password;
  smtp = await startSmtpPeer({ users });
  peers.smtp = { ...smtp.override };
  // A region other than the default, chosen before (as the Region step does).
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ses-e2e-smtp-'));
  await (await openSettings(dataDir)).update((s) => ({ ...s, region: REGION }));
  app = await launchApp({
    awsEndpoint: moto.endpoint,
    peers,
    dataDir,
    secretStore: keychainStore({ service }),
  });
});

afterAll(() => stopE2e(app, smtp, moto));

describe('SMTP settings, end to end', () => {
  it('connects with the sending user’s key and opens the SMTP screen from the Connected screen', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Get started' }).click();
    await page.getByRole('radio', { name: /Paste an access key/ }).check();
    await page.getByLabel('Access key ID', { exact: true }).fill(key.accessKeyId);
    await page.getByLabel('Secret access key', { exact: true }).fill(key.secretAccessKey);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByRole('heading', { name: 'Your AWS account is connected' }).waitFor();
    await page.getByRole('button', { name: 'SMTP settings for your apps' }).click();
    await page.getByRole('heading', { name: 'SMTP settings for your apps' }).waitFor();
    await page.getByLabel('Password hidden').waitFor();
    const text = await shot('01-settings');
    expect(app.assistant.context.settings.get().profiles[0]!.region).toBe(REGION);
    expect(text).toContain(`email-smtp.${REGION}.amazonaws.com`);
    expect(text).toContain('587');
    expect(text).toContain('465');
    expect(text).toContain(`${key.accessKeyId.slice(0, 4)}…${key.accessKeyId.slice(-4)}`);
  });

  it('copies the password through the main process, never the page', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Copy password' }).click();
    // The clipboard itself, not the “Copied” label, which is on screen for a moment only.
    const clipboard = app.assistant.context.clipboard as unknown as { text: string | null };
    await expect.poll(() => clipboard.text).toBe(password);
    await shot('02-password-copied');
    // The label comes back, so the next screens do not claim a copy that is long past.
    await page.getByRole('button', { name: 'Copy password' }).waitFor();
  });

  it('shows the password after an explicit click on Show, and hides it again', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByTestId('smtp-password').waitFor();
    expect(await shot('03-password-shown')).toContain(password);
    await page.getByRole('button', { name: 'Hide' }).click();
    await page.getByLabel('Password hidden').waitFor();
    expect(await shot('04-password-hidden-again')).not.toContain(password);
  });

  it('tests the SMTP login against a real SMTP server with STARTTLS and AUTH', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Test SMTP login' }).click();
    await page.getByText('The login worked.').waitFor();
    await shot('05-login-worked');
    expect(smtp.logins.at(-1)).toEqual({ user: key.accessKeyId, accepted: true });
  });

  it('explains a refused password (535) as a key problem, with the ways out', async () => {
    const { page } = app;
    users[key.accessKeyId] = 'a password made for another region';
    try {
      await page.getByRole('button', { name: 'Test SMTP login' }).click();
      await page.getByRole('heading', { name: 'The SMTP password was not accepted' }).waitFor();
      await page.getByRole('button', { name: 'Use different keys' }).waitFor();
      const text = await shot('06-login-refused');
      // The assistant used the right password: the key behind it is what to fix.
      expect(text).toContain('The assistant used the password shown above');
      expect(text).toContain('Change my key now');
      expect(text).not.toContain('password shown on this screen');
    } finally {
      users[key.accessKeyId] = password;
    }
  });

  it('explains a blocked port', async () => {
    const { page } = app;
    peers.smtp = { ...smtp.override, port: await freePort() };
    try {
      await page.getByRole('button', { name: 'Test SMTP login' }).click();
      await page.getByRole('heading', { name: 'The connection to the SMTP server was refused' }).waitFor();
      expect(await shot('07-connection-refused')).toMatch(/Try the other port/);
    } finally {
      peers.smtp = { ...smtp.override };
    }
  });

  it('offers code for the person’s own apps, and copies its .env with the password in the main process', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Code for your own apps' });
    await panel.getByLabel('Node.js with nodemailer (SMTP, recommended)').waitFor();
    await panel.getByRole('button', { name: 'Copy .env with your password' }).click();
    const clipboard = app.assistant.context.clipboard as unknown as { text: string | null };
    await expect.poll(() => clipboard.text ?? '').toContain('SES_SMTP_PASSWORD=');
    await panel.scrollIntoViewIfNeeded();
    const text = await shot('08-code-for-apps');
    expect(text).toContain("import 'dotenv/config'");
    expect(text).not.toContain(password);
    expect(clipboard.text).toContain(`\nSES_SMTP_USER=${key.accessKeyId}\n`);
    expect(clipboard.text).toContain(`\nSES_SMTP_PASSWORD=${password}\n`);
    expect(clipboard.text).toContain(`SES_SMTP_HOST=email-smtp.${REGION}.amazonaws.com`);
    expect(clipboard.text).not.toContain(key.secretAccessKey);
  });

  it('never lets the secret key out, and the SMTP password only through the reveal channel and after Show', async () => {
    const revealResult = JSON.stringify({ ok: true, value: { password } });
    expect(app.ipcResults.length).toBeGreaterThan(6);
    const carrying = app.ipcResults.filter((r) => r.includes(password));
    expect(carrying).toEqual([revealResult]);
    for (const result of app.ipcResults) expect(result).not.toContain(key.secretAccessKey);

    expect([...screens.keys()]).toHaveLength(8);
    for (const [name, text] of screens) {
      expect(text, name).not.toContain(key.secretAccessKey);
      if (name !== '03-password-shown') expect(text, name).not.toContain(password);
    }

    // axe-core ran at each screenshot (harness): no serious or critical problem on these screens.
    for (const [name, violations] of app.a11y) {
      if (!name.startsWith('smtp-')) continue;
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious, name).toEqual([]);
    }

    const files = await allFiles(app.dataDir);
    expect(files.some((f) => f.file.endsWith('main.log'))).toBe(true);
    for (const { file, text } of files) {
      expect(text, file).not.toContain(key.secretAccessKey);
      expect(text, file).not.toContain(password);
    }
    const profileId = app.assistant.context.settings.get().activeProfileId;
    await keychainStore({ service }).delete(`${profileId}:aws-keys`);
  });
});
