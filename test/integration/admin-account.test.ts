/**
 * Admin keys of another AWS account than the connection's are never used on the connection's
 * account. The channels that reach the admin credentials are found in the code (support/
 * admin-channels.ts), not listed by hand: each must have a case below, and each case runs against two
 * accounts on one moto — the app connected to account A (123456789012), admin keys of account B
 * (222222222222, from sts:AssumeRole) — and proves that nothing was made or changed in either.
 */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { SESClient, VerifyDomainIdentityCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RotationState } from '../../electron/core/rotation-state';
import { startMoto, type Moto } from '../peers/moto';
import { adminChannels } from '../support/admin-channels';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, DUMMY_ADMIN } from '../support/aws';

const ACCOUNT_A = '123456789012';
const ACCOUNT_B = '222222222222';
const REGION = 'us-east-1';
const DOMAIN = 'example.com';
const ADDRESS = 'someone@example.org';

/** What a channel must do with admin keys of account B while the app is connected to account A. */
type Case =
  /** Refuse with OTHER_ACCOUNT before anything is made or changed. */
  | { refuses: Input; prepare?: () => Promise<void> }
  /** Answer without taking the admin credentials at all (a read falls back on the sending user). */
  | { leavesAdminKeysAlone: Input; prepare?: () => Promise<void> }
  /** Works in the admin keys' own account by design: why, in words. */
  | { exempt: string };
type Input = object | (() => object);

const CASES: Record<string, Case> = {
  'feedback.setup': { refuses: { identities: [DOMAIN], deliveries: true } },
  'notifications.setup': { refuses: { identity: DOMAIN, notifyAddress: ADDRESS } },
  'notifications.status': { leavesAdminKeysAlone: { identity: DOMAIN } },
  'ledger.remove': {
    refuses: () => {
      const entry = app.settings.get().ledger.find((e) => e.kind === 'iam-user')!;
      return { kind: entry.kind, id: entry.id };
    },
  },
  'ledger.removeAll': { refuses: { confirm: true } },
  'rotation.start': { refuses: () => ({ profileId: activeProfileId(), useAdmin: true }) },
  'rotation.resume': { refuses: {}, prepare: () => rotationAt({ phase: 'checking' }) },
  'rotation.confirmOldKeyUnused': {
    refuses: { confirm: true },
    prepare: () => rotationAt({ phase: 'handover', handedOverAt: new Date().toISOString() }),
  },
  'rotation.rollback': { refuses: { confirm: true }, prepare: () => rotationAt({ phase: 'creating' }) },
  // The reminder timer's tick: a rotation with admin access waits for the person's click.
  'rotation.status': {
    leavesAdminKeysAlone: {},
    prepare: () => rotationAt({ phase: 'handover', handedOverAt: '2020-01-01T00:00:00.000Z' }),
  },
  'setupRights.remove': { refuses: { confirm: true } },
  'setupRights.restore': { refuses: {} },
  'suppression.turnOn': { refuses: {} },
  'suppression.add': { refuses: { address: ADDRESS, reason: 'BOUNCE' } },
  'suppression.remove': { refuses: { address: ADDRESS, confirm: true } },
  'suppression.createAlarms': { refuses: { notifyAddress: ADDRESS } },
  'suppression.settings': { leavesAdminKeysAlone: {} },
  'suppression.list': { leavesAdminKeysAlone: {} },
  'suppression.detail': { leavesAdminKeysAlone: { address: ADDRESS } },
  'suppression.alarms': { leavesAdminKeysAlone: {} },
  'sendingUser.create': {
    exempt:
      'It makes the connection: the sending user is created in the account the admin keys open, and that account becomes the connection’s.',
  },
  'admin.deleteKey': {
    exempt:
      'It deletes the admin key itself, in the admin key’s own account; nothing of the connection is touched.',
  },
  'route53.preview': {
    exempt:
      'A domain’s Route 53 hosted zone may live in another account than SES (a central DNS account): the admin keys of the zone’s account read it, and the records written are recorded with that account.',
  },
  'route53.publish': {
    exempt:
      'A domain’s Route 53 hosted zone may live in another account than SES (a central DNS account): the admin keys of the zone’s account write it, and the records written are recorded with that account.',
  },
};

// Read from the code once, before the tests are collected (the compiler takes a few seconds).
const found = adminChannels();

let moto: Moto;
let app: TestApp;

beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

const activeProfileId = () => app.settings.get().activeProfileId!;

async function openAdmin(keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  const { accessKeyId, secretAccessKey, sessionToken } = keys;
  const opened = await app.router.invoke('admin.open', {
    source: 'keys',
    region: REGION,
    accessKeyId,
    secretAccessKey,
    ...(sessionToken ? { sessionToken } : {}),
  });
  if (!opened.ok) throw new Error(`admin.open: ${opened.error.code} ${opened.error.explanation}`);
  return opened.value as { accountId: string };
}

/** A rotation of the connection's key that uses admin access, saved at the given step. */
async function rotationAt(at: Partial<RotationState>): Promise<void> {
  const profileId = activeProfileId();
  const keys = await app.assistant.context.vault.loadKeys(profileId);
  const profile = app.assistant.context.profile(profileId);
  const rotation: RotationState = {
    profileId,
    phase: 'checking',
    userName: profile.arn.split('/').pop()!,
    region: REGION,
    oldKeyId: keys!.accessKeyId,
    accountId: ACCOUNT_A,
    newKeyId: null,
    newKeyCreatedAt: null,
    startedAt: new Date().toISOString(),
    handedOverAt: null,
    retireAfterHours: 72,
    confirmedUnused: false,
    oldKeyLastUsedAt: null,
    oldKeyCheckedAt: null,
    deactivatedAt: null,
    finishedAt: null,
    useAdmin: true,
    lastError: null,
    removedExtraKeyId: null,
    ...at,
  };
  await app.settings.update((s) => ({ ...s, rotation }));
}

/**
 * Everything moto holds in every account, without the empty tables (a service read for the first time
 * adds its empty ones), the keys' last-used times and STS's sessions (not resources; moto makes up
 * their ids anew each time it is asked).
 */
async function motoState(): Promise<unknown> {
  const data = (await moto.data()) as Record<string, Record<string, unknown[]>>;
  const kept: Record<string, Record<string, unknown[]>> = {};
  for (const [service, models] of Object.entries(data))
    if (service !== 'sts')
      for (const [model, items] of Object.entries(models))
        if (Array.isArray(items) && items.length) (kept[service] ??= {})[model] = items;
  return JSON.parse(JSON.stringify(kept, (key, value) => (key === 'last_used' ? undefined : value)));
}

beforeEach(async () => {
  await moto.enforceAuth(false);
  await moto.reset();
  app = await buildTestApp({ endpoint: moto.endpoint });
  // Account A: the sending user made by the assistant, and a verified sender.
  const adminA = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  expect(await openAdmin(adminA)).toMatchObject({ accountId: ACCOUNT_A });
  const created = await app.router.invoke('sendingUser.create', { region: REGION });
  expect(created).toMatchObject({ ok: true, value: { profile: { accountId: ACCOUNT_A } } });
  await new SESClient({
    region: REGION,
    endpoint: moto.endpoint,
    credentials: DUMMY_ADMIN,
    maxAttempts: 1,
  }).send(new VerifyDomainIdentityCommand({ Domain: DOMAIN }));
  // Account B: temporary admin keys of a role there.
  const role = await new STSClient({
    region: REGION,
    endpoint: moto.endpoint,
    credentials: DUMMY_ADMIN,
    maxAttempts: 1,
  }).send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT_B}:role/admin`, RoleSessionName: 'admin-b' }),
  );
  expect(
    await openAdmin({
      accessKeyId: role.Credentials!.AccessKeyId!,
      secretAccessKey: role.Credentials!.SecretAccessKey!,
      sessionToken: role.Credentials!.SessionToken!,
    }),
  ).toMatchObject({ accountId: ACCOUNT_B });
});

describe('the channels that use admin access (read from the code)', () => {
  it('are found: every call that takes the admin credentials is reached from a channel', () => {
    const reached = new Set([...found.channels.values()].flat());
    expect(found.calls.length).toBeGreaterThan(0);
    expect(found.calls.filter((call) => !reached.has(call))).toEqual([]);
  });

  it('each have a case here, and no case is kept for a channel that no longer uses admin access', () => {
    const missing = [...found.channels.keys()].filter((channel) => !(channel in CASES));
    expect(missing, 'new channels that take admin access: add a case, and check the account').toEqual([]);
    expect(Object.keys(CASES).filter((channel) => !found.channels.has(channel))).toEqual([]);
  });
});

describe('admin keys of account B while connected to account A (moto)', () => {
  for (const channel of [...found.channels.keys()].sort()) {
    const rule = CASES[channel];
    if (!rule || 'exempt' in rule) continue;
    const input = () => {
      const given = 'refuses' in rule ? rule.refuses : rule.leavesAdminKeysAlone;
      return typeof given === 'function' ? given() : given;
    };

    if ('refuses' in rule)
      it(`${channel} refuses them, and nothing is made or changed in either account`, async () => {
        await rule.prepare?.();
        const before = await motoState();
        const ledger = app.settings.get().ledger;
        const r = await app.router.invoke(channel, input());
        expect(r).toMatchObject({ ok: false, error: { code: 'OTHER_ACCOUNT', retryable: false } });
        const words = r.ok ? '' : r.error.explanation;
        expect(words).toContain(ACCOUNT_A);
        expect(words).toContain(ACCOUNT_B);
        expect(await motoState()).toEqual(before);
        expect(app.settings.get().ledger).toEqual(ledger);
      });
    else
      it(`${channel} answers without taking them, and changes nothing in either account`, async () => {
        await rule.prepare?.();
        const before = await motoState();
        const taken = vi.spyOn(app.assistant.context.admin, 'credentials');
        await app.router.invoke(channel, input());
        expect(taken).not.toHaveBeenCalled();
        expect(await motoState()).toEqual(before);
      });
  }
});
