import { GetUserCommand, ListAccessKeysCommand, ListAttachedUserPoliciesCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionReport, LedgerItem, RemovalReport } from '../../electron/ipc/contract';
import {
  createSendingUser,
  PENDING_KEY_SLOT,
  SENDING_USER_NAME,
} from '../../electron/features/sending-user/sending-user';
import {
  buildSendingPolicy,
  buildSetupPolicy,
  SELF_ROTATION_ACTIONS,
  SENDING_POLICY_NAME,
  sendingRightsWords,
  SETUP_ACTIONS,
  SETUP_POLICY_NAME,
  type PolicyDocument,
} from '../../electron/features/sending-user/policy';
import { startFaultProxy } from '../peers/fault-proxy';
import { startMoto, type Moto } from '../peers/moto';
import { adminIam, createUserWithKey, type TestKey } from '../support/aws';
import { asBeforeTheAlarmScope } from '../support/old-policies';
import { buildTestApp, type TestApp } from '../support/assistant';

let moto: Moto;
let admin: TestKey;
let app: TestApp;

beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});
beforeEach(async () => {
  await moto.enforceAuth(false);
  await moto.reset();
  // The admin exists before IAM enforcement is switched on (moto has no root identity).
  admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  await moto.enforceAuth(true);
  app = await buildTestApp({ endpoint: moto.endpoint });
});

const adminKeys = () => ({
  source: 'keys',
  accessKeyId: admin.accessKeyId,
  secretAccessKey: admin.secretAccessKey,
  region: 'us-east-1',
});
const iamAsAdmin = () => adminIam(moto.endpoint, admin);

async function keysOfSender() {
  return (
    (await iamAsAdmin().send(new ListAccessKeysCommand({ UserName: SENDING_USER_NAME }))).AccessKeyMetadata ??
    []
  );
}

describe('creating the sending user with the admin session (moto, IAM enforcement on)', () => {
  it('asks for admin access first', async () => {
    const result = await app.router.invoke('sendingUser.create', { region: 'us-east-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'ADMIN_NEEDED' } });
  });

  it('opens the admin session without ever returning or writing the admin secret', async () => {
    const opened = await app.router.invoke('admin.open', adminKeys());
    expect(opened).toMatchObject({
      ok: true,
      value: { arn: expect.stringMatching(/:user\/admin$/), kind: 'long-term' },
    });
    expect(JSON.stringify(opened)).not.toContain(admin.secretAccessKey);
    expect(await app.router.invoke('admin.status', {})).toMatchObject({
      ok: true,
      value: { kind: 'long-term' },
    });
    expect(await app.router.invoke('admin.forget', {})).toEqual({ ok: true, value: null });
    expect(await app.router.invoke('admin.status', {})).toEqual({ ok: true, value: null });
  });

  it('creates user, policy, attachment and key, stores the key and connects with it', async () => {
    await app.router.invoke('admin.open', adminKeys());
    const result = await app.router.invoke('sendingUser.create', {
      region: 'eu-west-1',
      fromAddress: 'noreply@example.com',
    });
    expect(result).toMatchObject({ ok: true, value: { userName: SENDING_USER_NAME, sandbox: true } });
    const report = (result as { value: ConnectionReport }).value;
    expect(report.profile.region).toBe('eu-west-1');

    const user = await iamAsAdmin().send(new GetUserCommand({ UserName: SENDING_USER_NAME }));
    expect(user.User?.Tags).toContainEqual({ Key: 'created-by', Value: 'ses-setup-assistant' });
    const attached = await iamAsAdmin().send(
      new ListAttachedUserPoliciesCommand({ UserName: SENDING_USER_NAME }),
    );
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName).sort()).toEqual([
      'SesSetupAssistantSending',
      'SesSetupAssistantSetup',
    ]);
    const keys = await keysOfSender();
    expect(keys).toHaveLength(1);

    const stored = await app.secretStore.get(`${report.profile.id}:aws-keys`);
    expect(JSON.parse(stored!).accessKeyId).toBe(keys[0]!.AccessKeyId);
    expect(await app.secretStore.get(`${PENDING_KEY_SLOT}:aws-keys`)).toBeNull();
    expect(JSON.stringify(result)).not.toContain(JSON.parse(stored!).secretAccessKey);

    const ledger = app.settings
      .get()
      .ledger.map((e) => e.kind)
      .sort();
    expect(ledger).toEqual([
      'iam-access-key',
      'iam-policy',
      'iam-policy',
      'iam-policy-attachment',
      'iam-policy-attachment',
      'iam-user',
    ]);
  });

  it('finishes an interrupted run with the key it already made, creating no duplicates', async () => {
    await app.router.invoke('admin.open', adminKeys());
    // A run that stopped right after AWS showed the key: the secret is in the pending slot only.
    const first = await createSendingUser(app.assistant.context, { region: 'us-east-1', policy: {} });
    const again = await app.router.invoke('sendingUser.create', { region: 'us-east-1' });
    expect(again.ok).toBe(true);
    const keys = await keysOfSender();
    expect(keys.map((k) => k.AccessKeyId)).toEqual([first.keys.accessKeyId]);
    expect(app.settings.get().ledger.filter((e) => e.kind === 'iam-user')).toHaveLength(1);
    expect(app.settings.get().profiles).toHaveLength(1);
  });

  it('never leaves more than two keys on the user, however often it runs', async () => {
    await app.router.invoke('admin.open', adminKeys());
    for (let run = 0; run < 4; run++) {
      const result = await app.router.invoke('sendingUser.create', { region: 'us-east-1' });
      expect(result.ok).toBe(true);
      expect((await keysOfSender()).length).toBeLessThanOrEqual(2);
    }
    expect(app.settings.get().profiles).toHaveLength(1);
    const profileId = app.settings.get().profiles[0]!.id;
    const current = JSON.parse((await app.secretStore.get(`${profileId}:aws-keys`))!).accessKeyId;
    expect((await keysOfSender()).map((k) => k.AccessKeyId)).toContain(current);
  });

  it('explains when the user already has two keys the assistant does not know', async () => {
    await app.router.invoke('admin.open', adminKeys());
    await app.router.invoke('sendingUser.create', { region: 'us-east-1' });
    // Two keys made elsewhere (say, by hand in the console) fill the user.
    const iam = iamAsAdmin();
    const { CreateAccessKeyCommand, DeleteAccessKeyCommand } = await import('@aws-sdk/client-iam');
    for (const k of await keysOfSender())
      await iam.send(new DeleteAccessKeyCommand({ UserName: SENDING_USER_NAME, AccessKeyId: k.AccessKeyId }));
    await iam.send(new CreateAccessKeyCommand({ UserName: SENDING_USER_NAME }));
    await iam.send(new CreateAccessKeyCommand({ UserName: SENDING_USER_NAME }));
    const result = await app.router.invoke('sendingUser.create', { region: 'us-east-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'KEY_LIMIT' } });
    expect(await keysOfSender()).toHaveLength(2);
  });
});

describe('the ledger', () => {
  it('removes everything the app created, and forgets the connection that used it', async () => {
    await app.router.invoke('admin.open', adminKeys());
    const created = (await app.router.invoke('sendingUser.create', { region: 'us-east-1' })) as {
      value: ConnectionReport;
    };
    const list = (await app.router.invoke('ledger.list', {})) as { value: LedgerItem[] };
    expect(list.value).toHaveLength(6);

    const removed = (await app.router.invoke('ledger.removeAll', { confirm: true })) as {
      ok: boolean;
      value: RemovalReport;
    };
    expect(removed.ok).toBe(true);
    expect(removed.value.ledger).toEqual([]);
    expect(removed.value.notes[0]).toMatch(/forgotten/);
    await expect(
      iamAsAdmin().send(new GetUserCommand({ UserName: SENDING_USER_NAME })),
    ).rejects.toMatchObject({ name: expect.stringMatching(/NoSuchEntity/) });
    expect(app.settings.get().profiles).toEqual([]);
    expect(await app.secretStore.get(`${created.value.profile.id}:aws-keys`)).toBeNull();
  });

  it('removes one entry, and treats something already gone as removed', async () => {
    await app.router.invoke('admin.open', adminKeys());
    await app.router.invoke('sendingUser.create', { region: 'us-east-1' });
    const attachment = app.settings
      .get()
      .ledger.find((e) => e.kind === 'iam-policy-attachment' && e.id.endsWith('/SesSetupAssistantSending'))!;
    expect(
      await app.router.invoke('ledger.remove', { kind: attachment.kind, id: attachment.id }),
    ).toMatchObject({ ok: true });
    const attached = await iamAsAdmin().send(
      new ListAttachedUserPoliciesCommand({ UserName: SENDING_USER_NAME }),
    );
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['SesSetupAssistantSetup']);
    expect(
      await app.router.invoke('ledger.remove', { kind: attachment.kind, id: attachment.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'LEDGER_ENTRY_NOT_FOUND' },
    });
  });

  it('needs the admin session to remove anything', async () => {
    await app.router.invoke('admin.open', adminKeys());
    await app.router.invoke('sendingUser.create', { region: 'us-east-1' });
    await app.router.invoke('admin.forget', {});
    expect(await app.router.invoke('ledger.removeAll', { confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'ADMIN_NEEDED' },
    });
    expect(app.settings.get().ledger).toHaveLength(6);
  });
});

describe('the setup rights of the app key (moto, IAM enforcement on)', () => {
  const attachedNames = async () =>
    (
      (await iamAsAdmin().send(new ListAttachedUserPoliciesCommand({ UserName: SENDING_USER_NAME })))
        .AttachedPolicies ?? []
    )
      .map((p) => p.PolicyName)
      .sort();

  async function created(input: { selfRotation?: boolean } = {}) {
    await app.router.invoke('admin.open', adminKeys());
    const result = await app.router.invoke('sendingUser.create', { region: 'us-east-1', ...input });
    expect(result.ok).toBe(true);
    return (result as { value: ConnectionReport }).value;
  }

  it('are taken away once setup is done: the key still reads and lists, and a setup step says why it is refused', async () => {
    const report = await created();
    expect(await app.router.invoke('setupRights.status', {})).toEqual({
      ok: true,
      value: {
        state: 'attached',
        manageable: true,
        userName: SENDING_USER_NAME,
        accountId: report.profile.accountId,
        policyName: 'SesSetupAssistantSetup',
        changedAt: null,
        keyMay: sendingRightsWords(),
      },
    });
    // With the setup policy, the key verifies a domain itself.
    expect(await app.router.invoke('identities.verifyDomain', { domain: 'first.example' })).toMatchObject({
      ok: true,
    });

    const removed = await app.router.invoke('setupRights.remove', { confirm: true });
    expect(removed).toMatchObject({ ok: true, value: { state: 'removed', changedAt: expect.any(String) } });
    expect(await attachedNames()).toEqual(['SesSetupAssistantSending']);

    const refused = await app.router.invoke('identities.verifyDomain', { domain: 'second.example' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SETUP_RIGHTS_REMOVED', retryable: true } });
    expect(!refused.ok && refused.error.fix).toMatch(/Dashboard/);
    // What the key may still do is more than sending: the explanation claims only what was taken away.
    expect(!refused.ok && refused.error.explanation).not.toMatch(/only send/);
    expect(!refused.ok && refused.error.explanation).toMatch(/could not verify new senders or ask AWS/);
    expect(removed).toMatchObject({
      ok: true,
      value: { keyMay: expect.stringMatching(/^send email; read /) },
    });
    // What the key is for stays: it still lists its identities and passes the connection test.
    expect(await app.router.invoke('identities.list', {})).toMatchObject({ ok: true });
    expect(await app.router.invoke('connection.test', { profileId: report.profile.id })).toMatchObject({
      ok: true,
    });
    // Removing again is done, not an error.
    expect(await app.router.invoke('setupRights.remove', { confirm: true })).toMatchObject({
      ok: true,
      value: { state: 'removed' },
    });

    const restored = await app.router.invoke('setupRights.restore', {});
    expect(restored).toMatchObject({ ok: true, value: { state: 'attached' } });
    expect(await attachedNames()).toEqual(['SesSetupAssistantSending', 'SesSetupAssistantSetup']);
    expect(await app.router.invoke('identities.verifyDomain', { domain: 'second.example' })).toMatchObject({
      ok: true,
    });
  });

  it('need admin access, and a confirmation to be taken away; without either nothing changes', async () => {
    await created();
    expect(await app.router.invoke('setupRights.remove', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await app.router.invoke('admin.forget', {});
    expect(await app.router.invoke('setupRights.remove', { confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'ADMIN_NEEDED' },
    });
    expect(await attachedNames()).toEqual(['SesSetupAssistantSending', 'SesSetupAssistantSetup']);
    expect(await app.router.invoke('setupRights.status', {})).toMatchObject({
      ok: true,
      value: { state: 'attached' },
    });
  });

  /** As if the user had been made before the split: no setup policy, and nothing known of it. */
  async function asBeforeTheSplit(accountId: string) {
    const { DeletePolicyCommand, DetachUserPolicyCommand } = await import('@aws-sdk/client-iam');
    const setupArn = `arn:aws:iam::${accountId}:policy/SesSetupAssistantSetup`;
    await iamAsAdmin().send(
      new DetachUserPolicyCommand({ UserName: SENDING_USER_NAME, PolicyArn: setupArn }),
    );
    await iamAsAdmin().send(new DeletePolicyCommand({ PolicyArn: setupArn }));
    await app.settings.update((s) => ({ ...s, features: { ...s.features, sendingUser: undefined } }));
  }

  it('are given back to a user made before the split, creating the setup policy', async () => {
    const report = await created();
    await asBeforeTheSplit(report.profile.accountId!);
    expect(await app.router.invoke('setupRights.status', {})).toMatchObject({
      ok: true,
      value: { state: 'unknown' },
    });
    expect(await app.router.invoke('setupRights.restore', {})).toMatchObject({
      ok: true,
      value: { state: 'attached' },
    });
    expect(await attachedNames()).toEqual(['SesSetupAssistantSending', 'SesSetupAssistantSetup']);
  });

  it('take the setup actions out of a sending policy made before the split, and stay away when the user is made again', async () => {
    const report = await created();
    // As the assistant made it before the split: one policy holding the setup actions, nothing else.
    const { CreatePolicyVersionCommand, GetPolicyCommand, GetPolicyVersionCommand } =
      await import('@aws-sdk/client-iam');
    const { buildSendingPolicy, buildSetupPolicy } =
      await import('../../electron/features/sending-user/policy');
    const account = report.profile.accountId!;
    const sendingArn = `arn:aws:iam::${account}:policy/SesSetupAssistantSending`;
    const old = buildSendingPolicy({ accountId: account });
    old.Statement.push(...buildSetupPolicy().Statement);
    await iamAsAdmin().send(
      new CreatePolicyVersionCommand({
        PolicyArn: sendingArn,
        PolicyDocument: JSON.stringify(old),
        SetAsDefault: true,
      }),
    );
    await asBeforeTheSplit(account);
    expect(await app.router.invoke('setupRights.status', {})).toMatchObject({
      ok: true,
      value: { state: 'unknown', manageable: true },
    });

    expect(await app.router.invoke('setupRights.remove', { confirm: true })).toMatchObject({
      ok: true,
      value: { state: 'removed' },
    });
    const policy = await iamAsAdmin().send(new GetPolicyCommand({ PolicyArn: sendingArn }));
    const held = await iamAsAdmin().send(
      new GetPolicyVersionCommand({ PolicyArn: sendingArn, VersionId: policy.Policy!.DefaultVersionId }),
    );
    const document = decodeURIComponent(held.PolicyVersion!.Document!);
    for (const action of [
      'ses:VerifyDomainIdentity',
      'ses:PutAccountDetails',
      'ses:SetIdentityMailFromDomain',
    ])
      expect(document).not.toContain(action);
    expect(document).toContain('ses:SendEmail');

    // A lost key, say: the user is made again, and the setup rights stay away.
    expect((await app.router.invoke('sendingUser.create', { region: 'us-east-1' })).ok).toBe(true);
    expect(await attachedNames()).toEqual(['SesSetupAssistantSending']);
    expect(await app.router.invoke('setupRights.status', {})).toMatchObject({
      ok: true,
      value: { state: 'removed' },
    });
  });

  /** Every version IAM keeps of one of the app's policies, and the actions each one allows. */
  async function versionsOf(account: string, policyName: string) {
    const { GetPolicyVersionCommand, ListPolicyVersionsCommand } = await import('@aws-sdk/client-iam');
    const arn = `arn:aws:iam::${account}:policy/${policyName}`;
    const listed =
      (await iamAsAdmin().send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions ?? [];
    return Promise.all(
      listed.map(async (v) => {
        const held = await iamAsAdmin().send(
          new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: v.VersionId }),
        );
        const document = JSON.parse(decodeURIComponent(held.PolicyVersion!.Document!)) as PolicyDocument;
        return {
          id: v.VersionId!,
          isDefault: v.IsDefaultVersion === true,
          actions: document.Statement.flatMap((st) => st.Action),
        };
      }),
    );
  }

  it('leave no older policy version that could give the setup or self-rotation rights back, however often they change', async () => {
    const { CreatePolicyVersionCommand, SetDefaultPolicyVersionCommand } =
      await import('@aws-sdk/client-iam');
    const report = await created({ selfRotation: true });
    const account = report.profile.accountId!;
    const sendingArn = `arn:aws:iam::${account}:policy/${SENDING_POLICY_NAME}`;
    const canGiveBack = [...SETUP_ACTIONS, ...SELF_ROTATION_ACTIONS];
    /** What IAM keeps of both policies: one version each, the default; the sending one grants neither. */
    async function onlyTheDefaults() {
      const sending = await versionsOf(account, SENDING_POLICY_NAME);
      expect(sending.map((v) => v.isDefault)).toEqual([true]);
      expect(sending[0]!.actions.filter((a) => canGiveBack.includes(a))).toEqual([]);
      expect((await versionsOf(account, SETUP_POLICY_NAME)).map((v) => v.isDefault)).toEqual([true]);
    }

    // Made again without self-rotation: the version that let the key make keys goes with it.
    const withRotation = (await versionsOf(account, SENDING_POLICY_NAME)).map((v) => v.id);
    await created({ selfRotation: false });
    await onlyTheDefaults();
    for (const id of withRotation)
      await expect(
        iamAsAdmin().send(new SetDefaultPolicyVersionCommand({ PolicyArn: sendingArn, VersionId: id })),
      ).rejects.toMatchObject({ name: expect.stringMatching(/^NoSuchEntity/) });

    for (let round = 0; round < 3; round++) {
      // An administrator's slip: a version of the sending policy that grants the setup actions and
      // self-rotation, not in force, one SetDefaultPolicyVersion away.
      const slip = buildSendingPolicy({ accountId: account, selfRotation: true });
      slip.Statement.push(...buildSetupPolicy().Statement);
      await iamAsAdmin().send(
        new CreatePolicyVersionCommand({ PolicyArn: sendingArn, PolicyDocument: JSON.stringify(slip) }),
      );
      const before = [
        ...(await versionsOf(account, SENDING_POLICY_NAME)),
        ...(await versionsOf(account, SETUP_POLICY_NAME)),
      ].filter((v) => !v.isDefault);
      expect(before.length).toBeGreaterThan(0);

      expect(await app.router.invoke('setupRights.remove', { confirm: true })).toMatchObject({
        ok: true,
        value: { state: 'removed' },
      });
      await onlyTheDefaults();
      expect(await attachedNames()).toEqual(['SesSetupAssistantSending']);
      for (const old of before)
        await expect(
          iamAsAdmin().send(new SetDefaultPolicyVersionCommand({ PolicyArn: sendingArn, VersionId: old.id })),
        ).rejects.toMatchObject({ name: expect.stringMatching(/^NoSuchEntity/) });

      // The app's own read-back still works: the card, the key's reads, the connection test.
      expect(await app.router.invoke('setupRights.status', {})).toMatchObject({
        ok: true,
        value: { state: 'removed' },
      });
      expect(await app.router.invoke('identities.list', {})).toMatchObject({ ok: true });
      expect(await app.router.invoke('connection.test', { profileId: report.profile.id })).toMatchObject({
        ok: true,
      });

      // Given back (a new default version of the setup policy; the older ones are kept no longer).
      expect(await app.router.invoke('setupRights.restore', {})).toMatchObject({
        ok: true,
        value: { state: 'attached' },
      });
      expect(await attachedNames()).toEqual(['SesSetupAssistantSending', 'SesSetupAssistantSetup']);
      expect(
        await app.router.invoke('identities.verifyDomain', { domain: `round${round}.example` }),
      ).toMatchObject({ ok: true });
    }
  });

  it('are said to be taken away only once no older version is left: an admin key that may not delete versions leaves them attached in words', async () => {
    const { CreatePolicyVersionCommand } = await import('@aws-sdk/client-iam');
    // A proxy between the app and moto refuses the version deletions of the admin key, once.
    const proxy = await startFaultProxy(moto.endpoint);
    try {
      const viaProxy = await buildTestApp({ endpoint: proxy.endpoint });
      await viaProxy.router.invoke('admin.open', adminKeys());
      const made = await viaProxy.router.invoke('sendingUser.create', { region: 'us-east-1' });
      expect(made.ok).toBe(true);
      const account = (made as { value: ConnectionReport }).value.profile.accountId!;
      const sendingArn = `arn:aws:iam::${account}:policy/${SENDING_POLICY_NAME}`;
      const slip = buildSendingPolicy({ accountId: account, selfRotation: true });
      await iamAsAdmin().send(
        new CreatePolicyVersionCommand({ PolicyArn: sendingArn, PolicyDocument: JSON.stringify(slip) }),
      );
      proxy.rules.push({
        service: 'iam',
        action: 'DeletePolicyVersion',
        keyIds: [admin.accessKeyId],
        times: 1,
        effect: { kind: 'error', status: 403, code: 'AccessDenied', message: 'not allowed' },
      });

      expect(await viaProxy.router.invoke('setupRights.remove', { confirm: true })).toMatchObject({
        ok: false,
      });
      expect(await viaProxy.router.invoke('setupRights.status', {})).toMatchObject({
        ok: true,
        value: { state: 'attached' },
      });
      expect((await versionsOf(account, SENDING_POLICY_NAME)).filter((v) => !v.isDefault)).toHaveLength(1);

      // Tried again with keys that may: done, and nothing older is left.
      expect(await viaProxy.router.invoke('setupRights.remove', { confirm: true })).toMatchObject({
        ok: true,
        value: { state: 'removed' },
      });
      expect((await versionsOf(account, SENDING_POLICY_NAME)).map((v) => v.isDefault)).toEqual([true]);
      expect((await versionsOf(account, SETUP_POLICY_NAME)).map((v) => v.isDefault)).toEqual([true]);
    } finally {
      await proxy.stop();
    }
  });

  it('narrow, as they are taken away, the reads of a sending policy made before the alarms were scoped', async () => {
    const { CreatePolicyVersionCommand } = await import('@aws-sdk/client-iam');
    const report = await created();
    const account = report.profile.accountId!;
    // As the assistant wrote it before: the suppression list and every alarm, in one statement on "*".
    const old = asBeforeTheAlarmScope(buildSendingPolicy({ accountId: account }));
    await iamAsAdmin().send(
      new CreatePolicyVersionCommand({
        PolicyArn: `arn:aws:iam::${account}:policy/${SENDING_POLICY_NAME}`,
        PolicyDocument: JSON.stringify(old),
        SetAsDefault: true,
      }),
    );

    expect(await app.router.invoke('setupRights.remove', { confirm: true })).toMatchObject({
      ok: true,
      value: { state: 'removed' },
    });
    const { GetPolicyVersionCommand, ListPolicyVersionsCommand } = await import('@aws-sdk/client-iam');
    const arn = `arn:aws:iam::${account}:policy/${SENDING_POLICY_NAME}`;
    const [held] =
      (await iamAsAdmin().send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions ?? [];
    const document = JSON.parse(
      decodeURIComponent(
        (await iamAsAdmin().send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: held!.VersionId })))
          .PolicyVersion!.Document!,
      ),
    ) as PolicyDocument;
    const bySid = Object.fromEntries(document.Statement.map((st) => [st.Sid, st]));
    expect(bySid.ReadSuppressionAndAlarms).toBeUndefined();
    expect(bySid.ReadReputationAlarms).toMatchObject({
      Action: ['cloudwatch:DescribeAlarms'],
      Resource: `arn:aws:cloudwatch:*:${account}:alarm:ses-assistant-*`,
    });
    expect(bySid.ReadSuppressionList).toMatchObject({ Resource: '*' });
    // The rest is as it was.
    expect(bySid.SendEmail).toEqual(old.Statement.find((st) => st.Sid === 'SendEmail'));
  });

  it('are left alone on a user the assistant did not make', async () => {
    const other = await createUserWithKey(moto.endpoint, 'someone-else', {
      credentials: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
      allowAll: true,
    });
    await app.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: other.accessKeyId,
      secretAccessKey: other.secretAccessKey,
      region: 'us-east-1',
    });
    await app.router.invoke('admin.open', adminKeys());
    expect(await app.router.invoke('setupRights.status', {})).toMatchObject({
      ok: true,
      value: { state: 'unknown', manageable: false, userName: 'someone-else' },
    });
    expect(await app.router.invoke('setupRights.restore', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_THE_ASSISTANTS_USER' },
    });
    const { ListAttachedUserPoliciesCommand: List } = await import('@aws-sdk/client-iam');
    const attached = await iamAsAdmin().send(new List({ UserName: 'someone-else' }));
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).not.toContain('SesSetupAssistantSetup');
  });

  it('changes keys with admin access unless the person let the key replace itself', async () => {
    await created();
    expect(await app.router.invoke('rotation.status', {})).toMatchObject({
      ok: true,
      value: { rotatesWith: 'admin' },
    });
    // The policy IAM holds has no key actions: a stolen key cannot make another.
    const { GetPolicyVersionCommand } = await import('@aws-sdk/client-iam');
    const arn = `arn:aws:iam::${app.settings.get().profiles[0]!.accountId}:policy/SesSetupAssistantSending`;
    const held = await iamAsAdmin().send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
    expect(decodeURIComponent(held.PolicyVersion!.Document!)).not.toContain('iam:CreateAccessKey');
    expect(decodeURIComponent(held.PolicyVersion!.Document!)).toContain('ses:SendEmail');

    await created({ selfRotation: true });
    expect(await app.router.invoke('rotation.status', {})).toMatchObject({
      ok: true,
      value: { rotatesWith: 'own-key' },
    });
  });

  it('are forgotten with the connection', async () => {
    const report = await created();
    expect(Object.keys((app.settings.get().features.sendingUser as { byProfile: object }).byProfile)).toEqual(
      [report.profile.id],
    );
    expect(await app.router.invoke('profiles.forget', { profileId: report.profile.id })).toMatchObject({
      ok: true,
    });
    expect((app.settings.get().features.sendingUser as { byProfile: object }).byProfile).toEqual({});
  });
});
