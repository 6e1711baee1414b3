/**
 * The newcomer's mistakes on the Connect step, end to end against moto with IAM enforcement on: an
 * everyday key given as admin keys, key ID and secret in each other's boxes, and invisible characters
 * that came with a copy. The real router answers; the everyday secret is the canary.
 */
import { PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainStore } from '../../electron/core/secret-store';
import { adminActions } from '../../electron/features/connection/admin-rights';
import { requireSecretService } from '../peers/keyring';
import { startMoto, type Moto } from '../peers/moto';
import { adminIam, createUserWithKey, type TestKey } from '../support/aws';
import { allFiles } from '../support/files';
import { stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

let moto: Moto;
let app: RunningApp;
/** A key that may send email and read SES, and nothing in IAM: what most people paste first. */
let everyday: TestKey;
const service = 'ses-setup-assistant-e2e';
const screens: string[] = [];

beforeAll(async () => {
  requireSecretService();
  moto = await startMoto();
  everyday = await createUserWithKey(moto.endpoint, 'everyday');
  await adminIam(moto.endpoint).send(
    new PutUserPolicyCommand({
      UserName: 'everyday',
      PolicyName: 'email-only',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['ses:*', 'sts:GetCallerIdentity'], Resource: '*' }],
      }),
    }),
  );
  await moto.enforceAuth(true);
  app = await launchApp({ awsEndpoint: moto.endpoint, secretStore: keychainStore({ service }) });
});

afterAll(() => stopE2e(app, moto));

describe('an everyday key given as admin keys, pasted with mistakes', () => {
  it('swaps misplaced values, removes invisible characters, refuses in one sentence, and connects the key another way', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Get started' }).click();
    await page.getByRole('heading', { name: 'Admin access, for a moment' }).waitFor();
    const keyId = page.getByLabel('Access key ID', { exact: true });
    const secret = page.getByLabel('Secret access key', { exact: true });

    // The secret in the key ID box and the key ID (with a zero-width space) in the secret box.
    await keyId.fill(everyday.secretAccessKey);
    await secret.fill(`${everyday.accessKeyId}\u200B`);
    await page.getByText('The key ID and the secret are in each other’s boxes.').waitFor();
    expect(await keyId.getAttribute('type')).toBe('password');
    screens.push(await app.screenshot('connect-mistakes-01-swap-offered'));
    await page.getByRole('button', { name: 'Swap them' }).click();
    expect(await keyId.inputValue()).toBe(everyday.accessKeyId);
    expect(await secret.inputValue()).toBe(everyday.secretAccessKey);

    // Pasted again with a byte-order mark and a no-break space: a 40-character secret all the same.
    const s = everyday.secretAccessKey;
    await secret.fill(`\uFEFF${s.slice(0, 20)}\u00A0${s.slice(20)}`);
    await page.getByText('Removed 2 invisible characters from what you pasted.').waitFor();
    expect(await secret.inputValue()).toBe(s);
    expect(await page.getByText(/console sign-in password/).count()).toBe(0);
    screens.push(await app.screenshot('connect-mistakes-02-invisible-removed'));

    // AWS (moto) refuses the keys even a harmless look at IAM.
    await page.getByRole('button', { name: 'Use these admin keys' }).click();
    const refusal = page.getByRole('alert', { name: 'These keys are not an administrator’s' });
    await refusal.waitFor();
    const folded = await app.screenshot('connect-mistakes-03-not-an-administrator');
    screens.push(folded);
    expect(folded).toContain(
      'These keys work, but AWS refused them even a harmless look at IAM, so they may not create users or give permissions.',
    );
    expect(folded).toContain(`Which rights are missing (${adminActions().length})`);
    // The list is folded: none of its permission names is on the screen until asked for.
    expect(folded).not.toContain('iam:CreateUser');
    // What was typed stays, to be corrected or used another way.
    expect(await keyId.inputValue()).toBe(everyday.accessKeyId);
    expect(await secret.inputValue()).toBe(s);

    await refusal.getByText(/Which rights are missing/).click();
    const unfolded = await app.screenshot('connect-mistakes-04-missing-rights-unfolded');
    screens.push(unfolded);
    expect(unfolded).toContain('To create the sending user: iam:GetUser, iam:CreateUser');

    // The other way: this very key as the app's key. Its ID comes along; its secret is asked again.
    await refusal.getByRole('button', { name: 'Use an existing access key instead' }).click();
    expect(await page.getByLabel(/Paste an access key/).isChecked()).toBe(true);
    expect(await keyId.inputValue()).toBe(everyday.accessKeyId);
    expect(await secret.inputValue()).toBe('');
    await secret.fill(`${s.slice(0, 10)}\u200B${s.slice(10)}`);
    await page.getByText('Removed 1 invisible character from what you pasted.').waitFor();
    screens.push(await app.screenshot('connect-mistakes-05-existing-key'));
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByRole('heading', { name: 'Your AWS account is connected' }).waitFor();
    const connected = await app.screenshot('connect-mistakes-06-connected');
    screens.push(connected);
    expect(connected).toContain('everyday');
  });

  it('removes invisible characters in the router too, for every caller that is not a form, and lets no secret out', async () => {
    const result = await app.page.evaluate(
      (keys) =>
        window.assistant.invoke('connection.connect', {
          source: 'keys',
          accessKeyId: `\uFEFF${keys.id}\u200B`,
          secretAccessKey: `${keys.secret.slice(0, 5)}\u00A0\u2060${keys.secret.slice(5)}\n`,
          region: 'us-east-1',
        }),
      { id: everyday.accessKeyId, secret: everyday.secretAccessKey },
    );
    expect(result).toMatchObject({ ok: true, value: { userName: 'everyday' } });

    // The everyday secret, used through both tests, never came out: IPC results, screens, files.
    const canary = everyday.secretAccessKey;
    expect(app.ipcResults.length).toBeGreaterThan(5);
    for (const r of app.ipcResults) expect(r).not.toContain(canary);
    for (const text of screens) expect(text).not.toContain(canary);
    for (const { file, text } of await allFiles(app.dataDir)) expect(text, file).not.toContain(canary);
    for (const profile of app.assistant.context.settings.get().profiles)
      await keychainStore({ service }).delete(`${profile.id}:aws-keys`);
  });
});
