/**
 * Key rotation against moto with IAM enforcement on, a fault proxy in front (it makes deactivated
 * keys fail, as AWS does) and the real keychain. A failure is injected at every step, then the
 * rotation is retried in the same process or "killed" (the engine dropped, a new app built over the
 * same settings folder and keychain) and resumed; after each fault and at the end the invariants hold.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  ListAccessKeysCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionReport, Result } from '../../electron/ipc/contract';
import type { KeyStatus } from '../../electron/features/rotation/view';
import { buildSendingPolicy } from '../../electron/features/sending-user/policy';
import {
  createRotationEngine,
  FAULT_POINTS,
  type FaultPoint,
  type RotationEngine,
} from '../../electron/features/rotation/rotation';
import { loadSlot } from '../../electron/features/rotation/key-slots';
import { keychainStore } from '../../electron/core/secret-store';
import { readFile } from 'node:fs/promises';
import { startFaultProxy, type FaultProxy } from '../peers/fault-proxy';
import { requireSecretService } from '../peers/keyring';
import { startMoto, type Moto } from '../peers/moto';
import { adminIam, createUserWithKey, type TestKey } from '../support/aws';
import { buildTestApp, type TestApp } from '../support/assistant';
import { widenResourcesForMoto } from '../support/moto-policy';

const KEYCHAIN = 'ses-setup-assistant-rotation-test';
const FAST_WAIT = { timeoutMs: 5_000, firstDelayMs: 20, maxDelayMs: 100 };

let moto: Moto;
let proxy: FaultProxy;
let admin: TestKey;
let users = 0;

beforeAll(async () => {
  requireSecretService();
  moto = await startMoto();
  // moto has no root: the admin must exist before enforcement is switched on.
  admin = await createUserWithKey(moto.endpoint, 'rotation-admin', { allowAll: true });
  await moto.enforceAuth(true);
  proxy = await startFaultProxy(moto.endpoint, { emulateKeyStatus: true });
});
afterAll(async () => {
  await proxy?.stop();
  await moto?.stop();
});

const adminClient = () => adminIam(moto.endpoint, admin);

/** A sending user with the real policy (Resources widened for moto) and one key. */
async function sendingUser(options: { selfRotation?: boolean } = {}): Promise<TestKey> {
  const userName = `rotation-sender-${++users}`;
  const iam = adminClient();
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'sending',
      PolicyDocument: JSON.stringify(
        widenResourcesForMoto(buildSendingPolicy({ selfRotation: options.selfRotation ?? true })),
      ),
    }),
  );
  const out = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return {
    userName,
    accessKeyId: out.AccessKey!.AccessKeyId!,
    secretAccessKey: out.AccessKey!.SecretAccessKey!,
  };
}

async function appOver(dir?: string): Promise<TestApp> {
  return buildTestApp({ endpoint: proxy.endpoint, secretStore: keychainStore({ service: KEYCHAIN }), dir });
}

async function connected(key: TestKey): Promise<{ app: TestApp; profileId: string }> {
  const app = await appOver();
  const result = await app.router.invoke('connection.connect', {
    source: 'keys',
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    region: 'us-east-1',
  });
  if (!result.ok) throw new Error(`connect failed: ${result.error.code}`);
  return { app, profileId: (result.value as ConnectionReport).profile.id };
}

async function keysOf(userName: string) {
  const out = await adminClient().send(new ListAccessKeysCommand({ UserName: userName }));
  return out.AccessKeyMetadata ?? [];
}

/** Does AWS (through the proxy, which refuses deactivated keys) accept this key as this user? */
async function works(
  keys: { accessKeyId: string; secretAccessKey: string },
  userName: string,
): Promise<boolean> {
  const sts = new STSClient({
    region: 'us-east-1',
    endpoint: proxy.endpoint,
    credentials: keys,
    maxAttempts: 1,
  });
  try {
    const who = await sts.send(new GetCallerIdentityCommand({}));
    return who.Arn?.endsWith(`:user/${userName}`) ?? false;
  } catch {
    return false;
  }
}

/** The three invariants, checked from the outside. */
async function expectInvariants(app: TestApp, profileId: string, userName: string): Promise<void> {
  const stored = await app.assistant.context.vault.loadKeys(profileId);
  expect(stored, 'the keychain holds a key').not.toBeNull();
  expect(await works(stored!, userName), 'the stored key works').toBe(true);
  const keys = await keysOf(userName);
  expect(keys.length, 'never more than two keys').toBeLessThanOrEqual(2);
  expect(
    keys.map((k) => k.AccessKeyId),
    'the stored key is never deleted',
  ).toContain(stored!.accessKeyId);
}

/** Drives a rotation to the end: start, continue after stops, confirm at the hand-over. */
async function drive(engine: RotationEngine, profileId: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const s = engine.current();
    if (!s) {
      await engine.start({ profileId, retireAfterHours: 1 });
    } else if (s.phase === 'done') {
      return;
    } else if (s.phase === 'handover') {
      await engine.confirmOldKeyUnused();
    } else {
      await engine.resume();
    }
  }
  throw new Error('the rotation did not finish');
}

async function expectFinished(app: TestApp, profileId: string, user: TestKey): Promise<void> {
  await expectInvariants(app, profileId, user.userName);
  const ctx = app.assistant.context;
  const stored = (await ctx.vault.loadKeys(profileId))!;
  const keys = await keysOf(user.userName);
  expect(keys.map((k) => k.AccessKeyId)).toEqual([stored.accessKeyId]);
  expect(stored.accessKeyId).not.toBe(user.accessKeyId);
  expect(keys[0]!.Status).toBe('Active');
  expect(await works(user, user.userName), 'the old key no longer works').toBe(false);
  expect(await loadSlot(ctx, profileId, 'pending')).toBeNull();
  expect(await loadSlot(ctx, profileId, 'previous')).toBeNull();
  const s = ctx.settings.get();
  expect(s.rotation?.phase).toBe('done');
  expect(s.lastRotatedAt[profileId]).toBeTruthy();
  expect(s.keyCreatedAt[profileId]).toBe(keys[0]!.CreateDate!.toISOString());
  const settingsText = await readFile(app.settings.file, 'utf8');
  expect(settingsText).not.toContain(stored.secretAccessKey);
  expect(settingsText).not.toContain(user.secretAccessKey);
}

function failOnceAt(point: FaultPoint) {
  let fired = false;
  return (p: FaultPoint) => {
    if (p === point && !fired) {
      fired = true;
      throw Object.assign(new Error(`injected fault at ${p}`), { code: 'ECONNRESET' });
    }
  };
}

const FORWARD_POINTS = FAULT_POINTS.filter((p) => !p.startsWith('rollback:'));

describe('a rotation without faults', () => {
  it('hands over a new key, retires the old one and records the date', async () => {
    const user = await sendingUser();
    const { app, profileId } = await connected(user);
    const engine = createRotationEngine(app.assistant.context, { wait: FAST_WAIT });
    const started = performance.now();
    const atHandover = await engine.start({ profileId, retireAfterHours: 1 });
    expect(atHandover.phase).toBe('handover');
    await expectInvariants(app, profileId, user.userName);
    expect(await keysOf(user.userName)).toHaveLength(2);
    await engine.confirmOldKeyUnused();
    const ms = performance.now() - started;
    await expectFinished(app, profileId, user);
    console.log(
      `[measure] full rotation against moto (auth on, through the fault proxy): ${Math.round(ms)} ms`,
    );
  });

  it('waits at the hand-over until the old key has been quiet for the period, then retires it by itself', async () => {
    const user = await sendingUser();
    // The app's clock runs two seconds behind AWS's during the hand-over, so the old key's next use
    // (dated by moto to the second) is after the hand-over without waiting for the clock to tick.
    let offset = -2000;
    const app = await buildTestApp({
      endpoint: proxy.endpoint,
      secretStore: keychainStore({ service: KEYCHAIN }),
      clock: () => new Date(Date.now() + offset),
    });
    const r = await app.router.invoke('connection.connect', {
      source: 'keys',
      ...pick(user),
      region: 'us-east-1',
    });
    const profileId = (r as { value: ConnectionReport }).value.profile.id;
    const engine = createRotationEngine(app.assistant.context, { wait: FAST_WAIT });
    await engine.start({ profileId, retireAfterHours: 2 });
    // The person's web shop still uses the old key after the hand-over.
    await works(user, user.userName);
    offset = 2 * 3_600_000 - 60_000;
    expect((await engine.resume()).phase).toBe('handover');
    expect(engine.current()!.oldKeyLastUsedAt! > engine.current()!.handedOverAt!).toBe(true);
    // Two quiet hours after that last use, the old key goes.
    offset = 4 * 3_600_000;
    expect((await engine.resume()).phase).toBe('done');
    await expectFinished(app, profileId, user);
  });
});

describe('fault injection at every step', () => {
  for (const point of FORWARD_POINTS) {
    it(`recovers when the step fails at ${point} and is retried`, async () => {
      const user = await sendingUser();
      const { app, profileId } = await connected(user);
      const engine = createRotationEngine(app.assistant.context, {
        wait: FAST_WAIT,
        faults: failOnceAt(point),
      });
      await expect(drive(engine, profileId)).rejects.toThrow();
      expect(engine.current()!.lastError?.retryable).toBe(true);
      await expectInvariants(app, profileId, user.userName);
      await drive(engine, profileId);
      await expectFinished(app, profileId, user);
    });

    it(`recovers when the app is killed at ${point} and started again`, async () => {
      const user = await sendingUser();
      const { app, profileId } = await connected(user);
      const dying = createRotationEngine(app.assistant.context, {
        wait: FAST_WAIT,
        faults: failOnceAt(point),
      });
      await expect(drive(dying, profileId)).rejects.toThrow();
      // A new process: settings read from disk, keys from the keychain, no memory of the old engine.
      const reborn = await appOver(app.dir);
      await expectInvariants(reborn, profileId, user.userName);
      await drive(createRotationEngine(reborn.assistant.context, { wait: FAST_WAIT }), profileId);
      await expectFinished(reborn, profileId, user);
    });
  }
});

describe('rolling back', () => {
  const stops = [
    'creating:stored',
    'switching:keychain-switched',
    'handover:checked',
    'deactivating:done',
    'verifying:done',
  ] as const;
  for (const stop of stops) {
    it(`puts the old key back when a rotation stopped at ${stop} is rolled back, even with a crash inside the rollback`, async () => {
      const user = await sendingUser();
      const { app, profileId } = await connected(user);
      const engine = createRotationEngine(app.assistant.context, {
        wait: FAST_WAIT,
        faults: failOnceAt(stop),
      });
      await expect(drive(engine, profileId)).rejects.toThrow();
      const crashing = createRotationEngine(app.assistant.context, {
        wait: FAST_WAIT,
        faults: (p) => {
          if (p.startsWith('rollback:')) throw new Error(`injected fault at ${p}`);
        },
      });
      await crashing.rollback().catch(() => undefined);
      await expectInvariants(app, profileId, user.userName);
      const reborn = await appOver(app.dir);
      await createRotationEngine(reborn.assistant.context, { wait: FAST_WAIT }).rollback();
      const ctx = reborn.assistant.context;
      const stored = (await ctx.vault.loadKeys(profileId))!;
      expect(stored.accessKeyId).toBe(user.accessKeyId);
      expect(await works(stored, user.userName)).toBe(true);
      const keys = await keysOf(user.userName);
      expect(keys.map((k) => [k.AccessKeyId, k.Status])).toEqual([[user.accessKeyId, 'Active']]);
      expect(ctx.settings.get().rotation).toBeNull();
      expect(await loadSlot(ctx, profileId, 'pending')).toBeNull();
      expect(await loadSlot(ctx, profileId, 'previous')).toBeNull();
    });
  }

  it('refuses once the old key is being deleted', async () => {
    const user = await sendingUser();
    const { app, profileId } = await connected(user);
    const engine = createRotationEngine(app.assistant.context, {
      wait: FAST_WAIT,
      faults: failOnceAt('deleting:done'),
    });
    await expect(drive(engine, profileId)).rejects.toThrow();
    await expect(engine.rollback()).rejects.toMatchObject({ assistantError: { code: 'ROTATION_TOO_LATE' } });
  });
});

describe('what rotation refuses or asks about', () => {
  it('deletes an inactive second key first, and stops to ask about an active one', async () => {
    const user = await sendingUser();
    const { app, profileId } = await connected(user);
    const extra = await adminClient().send(new CreateAccessKeyCommand({ UserName: user.userName }));
    const extraId = extra.AccessKey!.AccessKeyId!;
    const engine = createRotationEngine(app.assistant.context, { wait: FAST_WAIT });
    await expect(engine.start({ profileId })).rejects.toMatchObject({
      assistantError: { code: 'ROTATION_SECOND_KEY' },
    });
    expect((await keysOf(user.userName)).map((k) => k.AccessKeyId)).toContain(extraId);
    await expectInvariants(app, profileId, user.userName);

    await adminClient().send(
      new UpdateAccessKeyCommand({ UserName: user.userName, AccessKeyId: extraId, Status: 'Inactive' }),
    );
    await engine.resume();
    expect(engine.current()!.removedExtraKeyId).toBe(extraId);
    expect((await keysOf(user.userName)).map((k) => k.AccessKeyId)).not.toContain(extraId);
    await engine.confirmOldKeyUnused();
    await expectFinished(app, profileId, user);
  });

  it('explains missing rights and finishes with the admin session when the person allows it', async () => {
    const user = await sendingUser({ selfRotation: false });
    const { app, profileId } = await connected(user);
    const result = await app.router.invoke('rotation.start', { profileId });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('ROTATION_NEEDS_ADMIN');
    await expectInvariants(app, profileId, user.userName);

    const noAdmin = await app.router.invoke('rotation.resume', { useAdmin: true });
    expect(!noAdmin.ok && noAdmin.error.code).toBe('ADMIN_NEEDED');
    app.assistant.context.admin.open(
      { kind: 'keys', accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
      {
        arn: 'arn:aws:iam::123456789012:user/rotation-admin',
        accountId: '123456789012',
        kind: 'long-term',
        since: new Date().toISOString(),
      },
    );
    const resumed = <Result<KeyStatus>>await app.router.invoke('rotation.resume', { useAdmin: true });
    expect(resumed.ok).toBe(true);
    const confirmed = await app.router.invoke('rotation.confirmOldKeyUnused', { confirm: true });
    expect(confirmed.ok).toBe(true);
    await expectFinished(app, profileId, user);
  });

  it('does not rotate an AWS-profile connection until its key is imported into the keychain', async () => {
    const user = await sendingUser();
    const app = await appOver();
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(path.join(app.home, '.aws'), { recursive: true });
    await writeFile(
      path.join(app.home, '.aws', 'credentials'),
      `[shop]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
    );
    const r = await app.router.invoke('connection.connect', {
      source: 'profile',
      profileName: 'shop',
      region: 'us-east-1',
    });
    const profileId = (r as { value: ConnectionReport }).value.profile.id;
    const refused = await app.router.invoke('rotation.start', { profileId });
    expect(!refused.ok && refused.error.code).toBe('ROTATION_PROFILE_NOT_IMPORTED');
    expect(await keysOf(user.userName)).toHaveLength(1);

    const imported = <Result<KeyStatus>>await app.router.invoke('rotation.importProfile', { profileId });
    expect(imported.ok && imported.value.cannotRotate).toBeNull();
    const started = <Result<KeyStatus>>await app.router.invoke('rotation.start', { profileId });
    expect(started.ok && started.value.rotation?.phase).toBe('handover');
    await app.router.invoke('rotation.confirmOldKeyUnused', { confirm: true });
    await expectFinished(app, profileId, user);
  });

  it('waits for a new key AWS does not accept yet (eventual consistency), and keeps the old key until it does', async () => {
    const user = await sendingUser();
    const { app, profileId } = await connected(user);
    // The first three calls signed by any key other than the current one are refused, as right after CreateAccessKey.
    proxy.rules.push({
      action: 'GetCallerIdentity',
      keyIdsExcept: [user.accessKeyId],
      effect: { kind: 'invalid-key' },
      times: 3,
    });
    const events: string[] = [];
    const ctx = {
      ...app.assistant.context,
      emit: (_: string, p: { message: string }) => void events.push(p.message),
    };
    const engine = createRotationEngine(ctx, { wait: FAST_WAIT });
    await engine.start({ profileId });
    expect(engine.current()!.phase).toBe('handover');
    const refused = proxy.seen.filter((r) => r.action === 'GetCallerIdentity' && r.faulted === 'invalid-key');
    expect(refused).toHaveLength(3);
    expect(events.filter((m) => m.startsWith('Waiting for AWS to accept the new key'))).toHaveLength(3);
    expect(events.at(-1)).toBe('AWS accepts the new key.');
    await engine.confirmOldKeyUnused();
    await expectFinished(app, profileId, user);
  });

  it('keeps the current key when the network drops during creation, and says it can be retried', async () => {
    const user = await sendingUser();
    const { app, profileId } = await connected(user);
    proxy.rules.push({ action: 'CreateAccessKey', effect: { kind: 'drop' }, times: 1 });
    const failed = await app.router.invoke('rotation.start', { profileId });
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error.retryable).toBe(true);
    await expectInvariants(app, profileId, user.userName);
    const status = <Result<KeyStatus>>await app.router.invoke('rotation.status', {});
    expect(status.ok && status.value.rotation?.error?.retryable).toBe(true);
    const resumed = <Result<KeyStatus>>await app.router.invoke('rotation.resume', {});
    expect(resumed.ok && resumed.value.rotation?.phase).toBe('handover');
    await app.router.invoke('rotation.confirmOldKeyUnused', { confirm: true });
    await expectFinished(app, profileId, user);
  });
});

function pick(key: TestKey) {
  return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}
