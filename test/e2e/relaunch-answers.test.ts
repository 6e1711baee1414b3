/**
 * Answers typed and not sent survive closing the app: the Sender screen's domain and the Test send
 * screen's recipient, typed, left unsent, and found again after a relaunch on the same data folder
 * (the real router and settings file; moto behind them). The key's secret is the canary: drafts hold
 * no secret, so it must not be in the settings file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOnlyStore } from '../../electron/core/secret-store';
import { startMoto, type Moto } from '../peers/moto';
import { allFiles } from '../support/files';
import { createUserWithKey, verifyDomain, type TestKey } from '../support/aws';
import { connectApp, stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

let moto: Moto;
let key: TestKey;
let app: RunningApp;
/** One keychain stand-in for both runs of the app, as the system keychain would be. */
const secretStore = sessionOnlyStore();

const drafts = () => app.assistant.context.settings.get().features.drafts as Record<string, unknown>;

beforeAll(async () => {
  moto = await startMoto();
  key = await createUserWithKey(moto.endpoint, 'ses-sender', { allowAll: true });
  await verifyDomain(moto.endpoint, 'example.com');
  app = await launchApp({ awsEndpoint: moto.endpoint, secretStore });
  await connectApp(app, key, { step: 'identity' });
});

afterAll(() => stopE2e(app, moto));

describe('answers typed but not sent, across a relaunch', () => {
  it('keeps the domain on the Sender screen and the recipient on the Test send screen', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Choose who your mail comes from' }).waitFor();
    await page.getByLabel('Your domain', { exact: true }).fill('shop.example.org');
    await page.getByText('Advanced: bounce subdomain (MAIL FROM)').click();
    await page.getByLabel('MAIL FROM subdomain', { exact: true }).fill('mail');
    await expect
      .poll(() => drafts()?.sender)
      .toEqual({ kind: 'domain', value: 'shop.example.org', mailFrom: 'mail' });
    await app.screenshot('answers-01-sender-typed');

    await app.assistant.handlers['wizard.goTo']({ step: 'test-send' });
    await page.reload();
    await page.getByRole('heading', { name: 'Send a test message' }).waitFor();
    await page.getByRole('radio', { name: /^Another address/ }).check();
    await page.getByLabel('Recipient address').fill('friend@example.net');
    await page.getByLabel('Subject (optional)').fill('Hello from before the restart');
    await expect
      .poll(() => drafts()?.testSend)
      .toMatchObject({
        to: '__other__',
        otherTo: 'friend@example.net',
        subject: 'Hello from before the restart',
      });
    await app.screenshot('answers-02-test-send-typed');

    // Quit, and open the app again on the same data folder.
    const { dataDir, homeDir } = app;
    await app.stop();
    app = await launchApp({ awsEndpoint: moto.endpoint, dataDir, homeDir, secretStore });
    const again = app.page;
    await again.getByRole('heading', { name: 'Send a test message' }).waitFor();
    const recipient = again.getByLabel('Recipient address');
    await recipient.waitFor();
    expect(await recipient.inputValue()).toBe('friend@example.net');
    expect(await again.getByRole('radio', { name: /^Another address/ }).isChecked()).toBe(true);
    expect(await again.getByLabel('Subject (optional)').inputValue()).toBe('Hello from before the restart');
    await app.screenshot('answers-03-test-send-after-relaunch');

    await again.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Sender' }).click();
    await again.getByRole('heading', { name: 'Choose who your mail comes from' }).waitFor();
    await expect
      .poll(() => again.getByLabel('Your domain', { exact: true }).inputValue())
      .toBe('shop.example.org');
    expect(await again.getByLabel('MAIL FROM subdomain', { exact: true }).inputValue()).toBe('mail');
    await app.screenshot('answers-04-sender-after-relaunch');

    // Drafts hold no secret: the settings file and logs never hold the key's secret.
    const files = await allFiles(app.dataDir);
    expect(files.map((f) => f.file).some((f) => f.endsWith('settings.json'))).toBe(true);
    for (const { file, text } of files) expect(text, file).not.toContain(key.secretAccessKey);
  });
});
