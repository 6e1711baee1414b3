import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainStore } from '../../electron/core/secret-store';
import { requireSecretService } from '../peers/keyring';
import { startMoto, type Moto } from '../peers/moto';
import { createUserWithKey, type TestKey } from '../support/aws';
import { allFiles } from '../support/files';
import { stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

let moto: Moto;
let app: RunningApp;
let key: TestKey;
const service = 'ses-setup-assistant-e2e';
/** Everything the page showed at each screenshot, checked for the canary at the end. */
const screens: string[] = [];

beforeAll(async () => {
  requireSecretService();
  moto = await startMoto();
  // The canary: a real secret access key, used through the whole run, that must never be seen again.
  key = await createUserWithKey(moto.endpoint, 'ses-sender', { allowAll: true });
  app = await launchApp({ awsEndpoint: moto.endpoint, secretStore: keychainStore({ service }) });
});

afterAll(() => stopE2e(app, moto));

describe('connecting AWS, end to end', () => {
  it('walks from Welcome to a tested connection, keeping the secret in the keychain only', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Send email from your own domain with Amazon SES' }).waitFor();
    screens.push(await app.screenshot('01-welcome'));

    await page.getByRole('button', { name: 'Get started' }).click();
    await page.getByRole('heading', { name: 'Connect your AWS account' }).waitFor();
    await page.getByLabel(/Paste an access key/).check();
    screens.push(await app.screenshot('02-connect-empty'));

    // Invalid input: caught as it is typed, with the rule the router enforces.
    await page.getByLabel('Access key ID', { exact: true }).fill('AKIA-not-a-key');
    await page.getByLabel('Secret access key', { exact: true }).fill('Summer2024!');
    await page.getByText('This looks like a console sign-in password').waitFor();
    await page.getByText('An access key ID is 20 letters and digits').waitFor();
    screens.push(await app.screenshot('03-connect-invalid'));

    // A wrong secret, with IAM enforcement on: AWS says no, in plain words.
    await moto.enforceAuth(true);
    const wrong = key.secretAccessKey.slice(0, 39) + (key.secretAccessKey.endsWith('A') ? 'B' : 'A');
    await page.getByLabel('Access key ID', { exact: true }).fill(key.accessKeyId);
    await page.getByLabel('Secret access key', { exact: true }).fill(wrong);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByRole('heading', { name: 'The secret access key does not match' }).waitFor();
    expect(await page.getByLabel('Secret access key', { exact: true }).inputValue()).toBe('');
    screens.push(await app.screenshot('04-connect-wrong-secret'));

    // The right secret.
    await page.getByLabel('Secret access key', { exact: true }).fill(key.secretAccessKey);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByRole('heading', { name: 'Your AWS account is connected' }).waitFor();
    await page.getByText('Your account is in the SES sandbox').waitFor();
    // The region by its name (asked for through regions.list), not only its code.
    await page.getByText('US East (N. Virginia), us-east-1', { exact: true }).waitFor();
    const text = await app.screenshot('05-connected-sandbox');
    screens.push(text);
    expect(text).toContain('ses-sender');
    expect(text).toContain(`${key.accessKeyId.slice(0, 4)}…${key.accessKeyId.slice(-4)}`);
    expect(text).toContain('at most 200 recipients in 24 hours and 1 a second');
    expect(text).toContain('your system keychain');

    // The key rests in the real keychain.
    const state = app.ipcResults
      .map((r) => JSON.parse(r).value)
      .findLast((v) => v && typeof v === 'object' && 'activeProfileId' in v);
    const stored = await keychainStore({ service }).get(`${state.activeProfileId}:aws-keys`);
    expect(JSON.parse(stored!).secretAccessKey).toBe(key.secretAccessKey);
  });

  it('reopens on the step where the person left off', async () => {
    const reopened = await launchApp({
      awsEndpoint: moto.endpoint,
      dataDir: app.dataDir,
      secretStore: keychainStore({ service }),
    });
    try {
      await reopened.page.getByRole('heading', { name: 'Your AWS account is connected' }).waitFor();
      await reopened.page.getByRole('button', { name: 'Test again' }).click();
      await reopened.page.getByText('Your account is in the SES sandbox').waitFor();
      screens.push(await reopened.screenshot('06-reopened-and-retested'));
      app.ipcResults.push(...reopened.ipcResults);
    } finally {
      await reopened.stop();
    }
  });

  it('never lets the canary secret out: IPC results, screens, settings and logs', async () => {
    const canary = key.secretAccessKey;
    expect(app.ipcResults.length).toBeGreaterThan(5);
    for (const result of app.ipcResults) expect(result).not.toContain(canary);
    for (const text of screens) expect(text).not.toContain(canary);
    const files = await allFiles(app.dataDir);
    expect(files.map((f) => f.file).some((f) => f.endsWith('settings.json'))).toBe(true);
    expect(files.map((f) => f.file).some((f) => f.endsWith('main.log'))).toBe(true);
    for (const { file, text } of files) expect(text, file).not.toContain(canary);
    await keychainStore({ service }).delete(
      `${JSON.parse(app.ipcResults.at(-1)!).value.profile?.id}:aws-keys`,
    );
  });
});

describe('accessibility of the Connect AWS screens', () => {
  it('has no axe-core violations on any screen taken above', () => {
    expect(app.a11y.size).toBeGreaterThanOrEqual(5);
    expect(Object.fromEntries(app.a11y)).toEqual(
      Object.fromEntries([...app.a11y.keys()].map((k) => [k, []])),
    );
  });
});

describe('the OS colour preference', () => {
  it('is followed: dark screens in dark mode, with no contrast problems', async () => {
    const dark = await launchApp({
      awsEndpoint: moto.endpoint,
      secretStore: keychainStore({ service }),
      colorScheme: 'dark',
    });
    try {
      await dark.page.getByRole('button', { name: 'Get started' }).click();
      await dark.page.getByRole('heading', { name: 'Connect your AWS account' }).waitFor();
      await dark.page.getByLabel(/Paste an access key/).check();
      await dark.screenshot('07-connect-dark-mode');
      const background = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe('rgb(21, 24, 28)');
      expect(dark.a11y.get('07-connect-dark-mode')).toEqual([]);
    } finally {
      await dark.stop();
    }
  });
});
