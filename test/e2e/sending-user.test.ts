import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainStore } from '../../electron/core/secret-store';
import { requireSecretService } from '../peers/keyring';
import { startMoto, type Moto } from '../peers/moto';
import { adminIam, createUserWithKey, type TestKey } from '../support/aws';
import { allFiles } from '../support/files';
import { stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

let moto: Moto;
let admin: TestKey;
const service = 'ses-setup-assistant-e2e-sending-user';
const screens: string[] = [];
/** Secrets used in the run, checked at the end: the admin's and each sending user's. */
const canaries: string[] = [];
const apps: RunningApp[] = [];

beforeAll(async () => {
  requireSecretService();
  moto = await startMoto();
  admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  await moto.enforceAuth(true);
});

afterAll(() => stopE2e(apps, moto));

async function start(): Promise<RunningApp> {
  const app = await launchApp({ awsEndpoint: moto.endpoint, secretStore: keychainStore({ service }) });
  apps.push(app);
  await app.page.getByRole('button', { name: 'Get started' }).click();
  return app;
}

describe('the sending user, end to end', () => {
  it('is created for the person from admin access, and removed again from the ledger', async () => {
    const app = await start();
    const { page } = app;
    await page.getByLabel(/Create a sending user for me/).check();
    await page.getByRole('heading', { name: 'Admin access, for a moment' }).waitFor();
    screens.push(await app.screenshot('user-01-admin-access'));

    await page.getByLabel('Access key ID', { exact: true }).fill(admin.accessKeyId);
    await page.getByLabel('Secret access key', { exact: true }).fill(admin.secretAccessKey);
    await page.getByRole('button', { name: 'Use these admin keys' }).click();
    await page.getByRole('heading', { name: 'Create the sending user' }).waitFor();
    screens.push(await app.screenshot('user-02-ready-to-create'));

    await page.getByRole('button', { name: 'Create the sending user' }).click();
    await page.getByRole('heading', { name: 'Your AWS account is connected' }).waitFor();
    const connected = await app.screenshot('user-03-created-and-connected');
    screens.push(connected);
    expect(connected).toContain('ses-setup-assistant-sender');
    const profile = app.assistant.context.profile();
    canaries.push((await app.assistant.context.vault.loadKeys(profile.id))!.secretAccessKey);

    // Once setup is done the key gives up its setup rights, from the dashboard, with the admin
    // access still open: only the sending policy stays attached in IAM.
    await app.assistant.handlers['wizard.goTo']({ step: 'dashboard' });
    await page.reload();
    const card = page.getByRole('region', { name: 'What the app key may do' });
    await card.getByText(/for setup, verify domains and addresses/).waitFor();
    screens.push(await app.screenshot('user-03b-setup-rights-held'));
    await card.getByRole('button', { name: 'Take the setup rights away' }).click();
    await card.getByText('Admin access is open').waitFor();
    await card
      .getByRole('button', { name: 'Take the setup rights away from ses-setup-assistant-sender' })
      .click();
    await card.getByText(/It may send email; read .*; nothing more/).waitFor();
    const removed = await app.screenshot('user-03c-setup-rights-removed');
    screens.push(removed);
    expect(removed).toContain('Setup rights taken away on');
    const { ListAttachedUserPoliciesCommand } = await import('@aws-sdk/client-iam');
    const attached = await adminIam(moto.endpoint, admin).send(
      new ListAttachedUserPoliciesCommand({ UserName: 'ses-setup-assistant-sender' }),
    );
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['SesSetupAssistantSending']);

    // The dashboard leads to the ledger too.
    await page.getByRole('button', { name: 'What this app created' }).click();
    await page.getByRole('heading', { name: 'What this app created in AWS' }).waitFor();
    await page.getByText('Admin access is open').waitFor();
    const ledger = await app.screenshot('user-04-ledger');
    screens.push(ledger);
    expect(ledger).toContain('SesSetupAssistantSending attached to ses-setup-assistant-sender');
    expect(ledger).not.toContain('IAM policy IAM policy');

    // Removing the key alone stops sending through it: the person is asked first, and may keep it.
    await page.getByRole('button', { name: /^Remove AKIA/ }).click();
    await page.getByText(/Removing this access key stops all email sent through it/).waitFor();
    screens.push(await app.screenshot('user-04b-ledger-confirm-remove-key'));
    await page.getByRole('button', { name: 'Keep it' }).click();
    await page.getByText(/Removing this access key/).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Remove everything' }).click();
    screens.push(await app.screenshot('user-05-ledger-confirm-remove-all'));
    await page.getByRole('button', { name: 'Yes, remove everything' }).click();
    await page.getByText('Everything the assistant created has been removed.').waitFor();
    await page.getByText('You are no longer connected: connect AWS again to keep sending.').waitFor();
    screens.push(await app.screenshot('user-06-ledger-emptied'));
    await page.getByRole('button', { name: 'Connect AWS again' }).click();
    await page.getByLabel(/Create a sending user for me/).waitFor();
  });

  it('is guided by hand in the console, then the pasted key is tested and stored', async () => {
    const app = await start();
    const { page } = app;
    await page.getByLabel(/do it myself in the AWS console/).check();
    await page.getByRole('button', { name: 'Copy the policy' }).waitFor();
    screens.push(await app.screenshot('user-07-manual-guide'));
    await page.getByText('Only have the root user? Use AWS CloudShell instead').click();
    await page.getByLabel('CloudShell command').waitFor();
    screens.push(await app.screenshot('user-08-manual-cloudshell'));

    await page.getByRole('button', { name: 'Copy the policy', exact: true }).click();
    const clipboard = app.assistant.context.clipboard as unknown as { text: string | null };
    await expect.poll(() => clipboard.text ?? '').toContain('ses:SendEmail');
    expect(JSON.parse(clipboard.text!).Statement[0].Action).toContain('ses:SendEmail');
    await page.getByRole('button', { name: 'Copy the setup policy', exact: true }).click();
    await expect.poll(() => clipboard.text ?? '').toContain('ses:VerifyDomainIdentity');
    expect(JSON.parse(clipboard.text!).Statement[0].Action).not.toContain('ses:SendEmail');

    // What the person does in the console, done here with the admin's rights.
    await moto.enforceAuth(false);
    const byHand = await createUserWithKey(moto.endpoint, 'made-by-hand', { allowAll: true });
    await moto.enforceAuth(true);
    await page.getByRole('button', { name: 'I have the key: paste it' }).click();
    await page.getByLabel('Access key ID', { exact: true }).fill(byHand.accessKeyId);
    await page.getByLabel('Secret access key', { exact: true }).fill(byHand.secretAccessKey);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByRole('heading', { name: 'Your AWS account is connected' }).waitFor();
    screens.push(await app.screenshot('user-09-manual-connected'));
    canaries.push(byHand.secretAccessKey);
  });

  it('never shows, returns or writes the admin secret or the sending user’s secret', async () => {
    const secrets = [admin.secretAccessKey, ...canaries];
    expect(secrets).toHaveLength(3);
    for (const secret of secrets) {
      for (const app of apps) {
        for (const result of app.ipcResults) expect(result).not.toContain(secret);
        for (const { file, text } of await allFiles(app.dataDir)) expect(text, file).not.toContain(secret);
      }
      for (const text of screens) expect(text).not.toContain(secret);
    }
    for (const app of apps)
      for (const profile of app.assistant.context.settings.get().profiles)
        await app.assistant.context.vault.forget(profile.id);
  });
});
