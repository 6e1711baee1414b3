/**
 * The key screen end to end: an overdue key, a rotation cut off by a dropped connection, the app
 * closed and opened again, the rotation resumed, the new SMTP password handed over, the old key
 * retired. Against moto with IAM enforcement on, behind the fault proxy, with the real keychain.
 */
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  ListAccessKeysCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionReport } from '../../electron/ipc/contract';
import { buildSendingPolicy } from '../../electron/features/sending-user/policy';
import { keychainStore } from '../../electron/core/secret-store';
import { deriveSmtpPassword } from '../../electron/features/sending/smtp';
import { startFaultProxy, type FaultProxy } from '../peers/fault-proxy';
import { requireSecretService } from '../peers/keyring';
import { startMoto, type Moto } from '../peers/moto';
import { adminIam, createUserWithKey, type TestKey } from '../support/aws';
import { allFiles } from '../support/files';
import { widenResourcesForMoto } from '../support/moto-policy';
import { stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

const service = 'ses-setup-assistant-rotation-test';
let moto: Moto;
let proxy: FaultProxy;
let admin: TestKey;
let sender: TestKey;
let app: RunningApp;
const screens: string[] = [];
const apps: RunningApp[] = [];

beforeAll(async () => {
  requireSecretService();
  moto = await startMoto();
  admin = await createUserWithKey(moto.endpoint, 'e2e-rotation-admin', { allowAll: true });
  const iam = adminIam(moto.endpoint, admin);
  await iam.send(new CreateUserCommand({ UserName: 'ses-sender' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'ses-sender',
      PolicyName: 'sending',
      PolicyDocument: JSON.stringify(widenResourcesForMoto(buildSendingPolicy({ selfRotation: true }))),
    }),
  );
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'ses-sender' }));
  sender = {
    userName: 'ses-sender',
    accessKeyId: key.AccessKey!.AccessKeyId!,
    secretAccessKey: key.AccessKey!.SecretAccessKey!,
  };
  await moto.enforceAuth(true);
  proxy = await startFaultProxy(moto.endpoint, { emulateKeyStatus: true });
});

afterAll(() => stopE2e(apps, proxy, moto));

async function open(dataDir?: string): Promise<RunningApp> {
  const a = await launchApp({
    awsEndpoint: proxy.endpoint,
    dataDir,
    secretStore: keychainStore({ service }),
  });
  apps.push(a);
  return a;
}

describe('rotating the key, end to end', () => {
  it('shows an overdue key, survives a dropped connection and a restart, hands over and retires the old key', async () => {
    app = await open();
    const connected = await app.assistant.handlers['connection.connect']({
      source: 'keys',
      accessKeyId: sender.accessKeyId,
      secretAccessKey: sender.secretAccessKey,
      region: 'eu-west-1',
    });
    const profileId = (connected as ConnectionReport).profile.id;
    // The key was made 100 days ago, as far as the reminders know.
    await app.assistant.context.settings.update((s) => ({
      ...s,
      step: 'rotation',
      keyCreatedAt: { [profileId]: new Date(Date.now() - 100 * 86_400_000).toISOString() },
    }));
    const { page } = app;
    await page.reload();
    await page.getByRole('heading', { name: 'Your access key' }).waitFor();
    await page.getByText('Your key is 10 days overdue for a change').waitFor();
    await page.getByText('Press ‘Change my key now’ below').waitFor();
    screens.push(await app.screenshot('rotation-01-overdue'));

    // The network drops the request that creates the new key.
    proxy.rules.push({ action: 'CreateAccessKey', effect: { kind: 'drop' }, times: 1 });
    await page.getByRole('button', { name: 'Change my key now' }).click();
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    screens.push(await app.screenshot('rotation-02-interrupted'));
    await page
      .getByRole('heading', { name: /AWS took too long to answer|The connection to AWS failed/ })
      .waitFor();
    await page.getByText('current key is in your keychain and works').waitFor();

    // The person quits; the next start opens on the same screen with the same rotation.
    await app.stop();
    app = await open(app.dataDir);
    await app.page.getByRole('heading', { name: 'Changing your access key' }).waitFor();
    await app.page.getByRole('button', { name: 'Try again' }).waitFor();
    screens.push(await app.screenshot('rotation-03-reopened'));

    // Retry; AWS is slow to accept the new key for a moment, so the working state can be seen.
    // The proxy holds that answer until the screenshot is taken, however fast or slow the machine.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    proxy.rules.push({ action: 'GetCallerIdentity', effect: { kind: 'hold', until: held }, times: 1 });
    await app.page.getByRole('button', { name: 'Try again' }).click();
    await app.page.getByText('Working with AWS…').waitFor();
    await app.page.getByRole('button', { name: 'Leave this page (the change keeps going)' }).waitFor();
    screens.push(await app.screenshot('rotation-04-working'));
    const released = Date.now();
    release();
    await app.page.getByRole('heading', { name: 'Your new key is ready — update your apps' }).waitFor();
    console.log(`[measure] released answer to hand-over through the UI: ${Date.now() - released} ms`);
    screens.push(await app.screenshot('rotation-05-handover'));

    // The new SMTP password, shown on request: it is the one derived from the new key for eu-west-1.
    const newKeys = await app.assistant.context.vault.loadKeys(profileId);
    expect(newKeys!.accessKeyId).not.toBe(sender.accessKeyId);
    await app.page.getByRole('button', { name: 'Show' }).click();
    const shown = await app.page.getByTestId('new-smtp-password').textContent();
    expect(shown).toBe(deriveSmtpPassword(newKeys!.secretAccessKey, 'eu-west-1'));
    await app.page.getByRole('button', { name: 'Hide' }).click();

    await app.page.getByRole('button', { name: 'All my apps use the new key' }).click();
    await app.page.getByText('Anything still using the old key will stop sending').waitFor();
    screens.push(await app.screenshot('rotation-06-confirm-retire'));
    await app.page.getByRole('button', { name: 'Yes, switch off the old key now' }).click();
    await app.page.getByRole('heading', { name: 'Your key was changed' }).waitFor();
    await app.page.getByText('Your key is fine for another').waitFor();
    expect(
      await app.page.getByRole('button', { name: 'Change my key now' }).getAttribute('class'),
    ).toBeNull();
    screens.push(await app.screenshot('rotation-07-done'));

    const keys = await adminIam(moto.endpoint, admin).send(
      new ListAccessKeysCommand({ UserName: 'ses-sender' }),
    );
    expect(keys.AccessKeyMetadata!.map((k) => k.AccessKeyId)).toEqual([newKeys!.accessKeyId]);

    // Canary: neither secret access key appears on a screen, in an IPC result or in a file.
    const ipc = apps.flatMap((a) => a.ipcResults).filter((r) => !r.includes('"password"'));
    const files = (await allFiles(app.dataDir)).map((f) => f.text);
    for (const secret of [sender.secretAccessKey, newKeys!.secretAccessKey]) {
      for (const text of [...screens, ...ipc, ...files]) expect(text.includes(secret)).toBe(false);
    }
    expect(screens.some((s) => s.includes(shown!))).toBe(false);
    expect(ipc.join('\n')).not.toContain(newKeys!.accessKeyId);
    const a11y = [...apps.flatMap((a) => [...a.a11y.entries()])].filter(([, v]) => v.length);
    expect(a11y).toEqual([]);
  });

  it('rolls a rotation back from the hand-over, and asks for admin access when the user lacks the rights', async () => {
    const iam = adminIam(moto.endpoint, admin);
    await iam.send(new CreateUserCommand({ UserName: 'ses-sender-2' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'ses-sender-2',
        PolicyName: 'sending',
        PolicyDocument: JSON.stringify(widenResourcesForMoto(buildSendingPolicy({ selfRotation: false }))),
      }),
    );
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'ses-sender-2' }));
    const second = {
      accessKeyId: key.AccessKey!.AccessKeyId!,
      secretAccessKey: key.AccessKey!.SecretAccessKey!,
    };
    const run = await open();
    await run.assistant.handlers['connection.connect']({ source: 'keys', ...second, region: 'us-east-1' });
    await run.assistant.context.settings.update((s) => ({ ...s, step: 'rotation' }));
    await run.page.reload();
    await run.page.getByRole('button', { name: 'Change my key now' }).click();
    await run.page.getByRole('heading', { name: 'Your sending user may not change its own keys' }).waitFor();
    await run.page.getByRole('heading', { name: 'Admin access, for a moment' }).waitFor();
    screens.push(await run.screenshot('rotation-08-needs-admin'));

    // With admin access given for this rotation, it reaches the hand-over; then the person undoes it.
    run.assistant.context.admin.open(
      { kind: 'keys', accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
      {
        arn: 'arn:aws:iam::123456789012:user/e2e-rotation-admin',
        accountId: '123456789012',
        kind: 'long-term',
        since: new Date().toISOString(),
      },
    );
    await run.page.reload();
    await run.page.getByRole('button', { name: 'Continue with these admin keys' }).click();
    await run.page.getByRole('heading', { name: 'Your new key is ready — update your apps' }).waitFor();
    await run.page.getByRole('button', { name: 'Undo and keep my old key' }).click();
    await run.page.getByRole('heading', { name: 'Undo the change and keep your old key?' }).waitFor();
    screens.push(await run.screenshot('rotation-09-rollback-confirm'));
    await run.page.getByRole('button', { name: 'Yes, undo and keep my old key' }).click();
    await run.page.getByRole('heading', { name: /^Undone: you are back on your old key AKIA…/ }).waitFor();
    await run.page.getByText('Put the old SMTP password back anywhere you changed it.').waitFor();
    screens.push(await run.screenshot('rotation-10-rolled-back'));

    const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'ses-sender-2' }));
    expect(keys.AccessKeyMetadata!.map((k) => [k.AccessKeyId, k.Status])).toEqual([
      [second.accessKeyId, 'Active'],
    ]);
    const profileId = run.assistant.context.settings.get().activeProfileId!;
    expect((await run.assistant.context.vault.loadKeys(profileId))!.accessKeyId).toBe(second.accessKeyId);
    // The age shown is the old key's own (from AWS), not the deleted new key's.
    expect(run.assistant.context.settings.get().keyCreatedAt[profileId]).toBe(
      keys.AccessKeyMetadata![0]!.CreateDate!.toISOString(),
    );
    for (const text of [...screens, ...run.ipcResults])
      expect(text.includes(second.secretAccessKey)).toBe(false);
    expect([...run.a11y.values()].flat()).toEqual([]);
  });
});
