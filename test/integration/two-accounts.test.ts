/**
 * One account at a time: things the assistant made in account A are never removed or rotated with
 * admin keys of account B. moto keys an account by access key: keys made in account B (here made
 * with moto's x-moto-account-id header) authenticate as account B.
 */
import { CreateUserCommand, GetUserCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionReport } from '../../electron/ipc/contract';
import { SENDING_USER_NAME } from '../../electron/features/sending-user/sending-user';
import { startMoto, type Moto } from '../peers/moto';
import { adminIam, createUserWithKey, DUMMY_ADMIN, type TestKey } from '../support/aws';
import { buildTestApp, type TestApp } from '../support/assistant';

const ACCOUNT_B = '222222222222';

let moto: Moto;
let adminA: TestKey;
let adminB: TestKey;
let app: TestApp;

function iamOfB(credentials: typeof DUMMY_ADMIN = DUMMY_ADMIN): IAMClient {
  const client = adminIam(moto.endpoint, credentials);
  client.middlewareStack.add(
    (next) => (args) => {
      const request = args.request as { headers: Record<string, string> };
      request.headers['x-moto-account-id'] = ACCOUNT_B;
      return next(args);
    },
    { step: 'build', name: 'motoAccountB' },
  );
  return client;
}

beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});
beforeEach(async () => {
  await moto.enforceAuth(false);
  await moto.reset();
  adminA = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  // Account B: its own admin, and a user with the same name as the assistant's sending user.
  const { PutUserPolicyCommand, CreateAccessKeyCommand } = await import('@aws-sdk/client-iam');
  const b = iamOfB();
  await b.send(new CreateUserCommand({ UserName: 'admin-b' }));
  await b.send(
    new PutUserPolicyCommand({
      UserName: 'admin-b',
      PolicyName: 'everything',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
      }),
    }),
  );
  const key = await b.send(new CreateAccessKeyCommand({ UserName: 'admin-b' }));
  adminB = {
    userName: 'admin-b',
    accessKeyId: key.AccessKey!.AccessKeyId!,
    secretAccessKey: key.AccessKey!.SecretAccessKey!,
  };
  await b.send(new CreateUserCommand({ UserName: SENDING_USER_NAME }));
  await moto.enforceAuth(true);
  app = await buildTestApp({ endpoint: moto.endpoint });
});

const keysOf = (key: TestKey) => ({
  source: 'keys',
  accessKeyId: key.accessKeyId,
  secretAccessKey: key.secretAccessKey,
  region: 'us-east-1',
});

async function createInA(): Promise<ConnectionReport> {
  expect(await app.router.invoke('admin.open', keysOf(adminA))).toMatchObject({ ok: true });
  const created = await app.router.invoke('sendingUser.create', { region: 'us-east-1' });
  expect(created).toMatchObject({ ok: true });
  await app.router.invoke('admin.forget', {});
  return (created as { value: ConnectionReport }).value;
}

describe('two AWS accounts (moto)', () => {
  it('records the account of every ledger entry and of the connection', async () => {
    const report = await createInA();
    const accountA = report.profile.accountId;
    expect(accountA).toMatch(/^\d{12}$/);
    expect(accountA).not.toBe(ACCOUNT_B);
    const ledger = app.settings.get().ledger;
    expect(ledger.length).toBeGreaterThan(0);
    for (const entry of ledger) expect(entry.accountId).toBe(accountA);
  });

  it('refuses “Remove all” with admin keys of another account, and deletes nothing in either', async () => {
    const report = await createInA();
    const accountA = report.profile.accountId;
    const opened = await app.router.invoke('admin.open', keysOf(adminB));
    expect(opened).toMatchObject({ ok: true, value: { accountId: ACCOUNT_B } });

    const refused = await app.router.invoke('ledger.removeAll', { confirm: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'OTHER_ACCOUNT' } });
    const words = !refused.ok ? refused.error.explanation : '';
    expect(words).toContain(accountA);
    expect(words).toContain(ACCOUNT_B);

    // B's same-named user is still there; A's user and key too, and the ledger is unchanged.
    await expect(
      iamOfB(adminB).send(new GetUserCommand({ UserName: SENDING_USER_NAME })),
    ).resolves.toBeTruthy();
    const iamA = adminIam(moto.endpoint, adminA);
    await expect(iamA.send(new GetUserCommand({ UserName: SENDING_USER_NAME }))).resolves.toBeTruthy();
    const keys = (await iamA.send(new ListAccessKeysCommand({ UserName: SENDING_USER_NAME })))
      .AccessKeyMetadata;
    expect(keys?.map((k) => k.Status)).toEqual(['Active']);
    expect(app.settings.get().ledger.every((e) => e.accountId === accountA)).toBe(true);
    expect(app.settings.get().ledger.some((e) => e.kind === 'iam-user')).toBe(true);
  });

  it('refuses entries saved without an account when the admin keys open another account than the connection', async () => {
    await createInA();
    await app.settings.update((s) => ({
      ...s,
      ledger: s.ledger.map(({ accountId: _gone, ...rest }) => rest),
    }));
    await app.router.invoke('admin.open', keysOf(adminB));
    const refused = await app.router.invoke('ledger.removeAll', { confirm: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'OTHER_ACCOUNT' } });
    await expect(
      iamOfB(adminB).send(new GetUserCommand({ UserName: SENDING_USER_NAME })),
    ).resolves.toBeTruthy();
  });

  it('removes everything with admin keys of the same account', async () => {
    await createInA();
    await app.router.invoke('admin.open', keysOf(adminA));
    expect(await app.router.invoke('ledger.removeAll', { confirm: true })).toMatchObject({ ok: true });
    expect(app.settings.get().ledger).toEqual([]);
    await expect(
      iamOfB(adminB).send(new GetUserCommand({ UserName: SENDING_USER_NAME })),
    ).resolves.toBeTruthy();
  });

  it('refuses a rotation with admin keys of another account', async () => {
    const report = await createInA();
    await app.router.invoke('admin.open', keysOf(adminB));
    const refused = await app.router.invoke('rotation.start', {
      profileId: report.profile.id,
      useAdmin: true,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'OTHER_ACCOUNT' } });
    const iamA = adminIam(moto.endpoint, adminA);
    const keys = (await iamA.send(new ListAccessKeysCommand({ UserName: SENDING_USER_NAME })))
      .AccessKeyMetadata;
    expect(keys).toHaveLength(1);
  });

  it('refuses to change the setup rights with admin keys of another account, and changes nothing', async () => {
    await createInA();
    await app.router.invoke('admin.open', keysOf(adminB));
    for (const [channel, input] of [
      ['setupRights.remove', { confirm: true }],
      ['setupRights.restore', {}],
    ] as const) {
      const refused = await app.router.invoke(channel, input);
      expect(refused).toMatchObject({ ok: false, error: { code: 'OTHER_ACCOUNT' } });
    }
    const { ListAttachedUserPoliciesCommand } = await import('@aws-sdk/client-iam');
    const attachedInA = await adminIam(moto.endpoint, adminA).send(
      new ListAttachedUserPoliciesCommand({ UserName: SENDING_USER_NAME }),
    );
    expect(attachedInA.AttachedPolicies?.map((p) => p.PolicyName).sort()).toEqual([
      'SesSetupAssistantSending',
      'SesSetupAssistantSetup',
    ]);
    const attachedInB = await iamOfB(adminB).send(
      new ListAttachedUserPoliciesCommand({ UserName: SENDING_USER_NAME }),
    );
    expect(attachedInB.AttachedPolicies).toEqual([]);
    expect(await app.router.invoke('setupRights.status', {})).toMatchObject({
      ok: true,
      value: { state: 'attached' },
    });
  });
});
