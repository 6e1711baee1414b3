/**
 * Admin access is checked before it is held: against moto with IAM enforcement on (moto 5.2.1 has no
 * SimulatePrincipalPolicy, so there the harmless IAM read decides), and against a loopback IAM peer
 * that answers SimulatePrincipalPolicy as AWS documents it, driven by the real SDK.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateRoleCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdminSummary, AssistantError, MissingRightsError } from '../../electron/ipc/contract';
import { ADMIN_IDLE_MS, ADMIN_MAX_MS } from '../../electron/core/admin-session';
import { adminActions } from '../../electron/features/connection/admin-rights';
import { startMoto, type Moto } from '../peers/moto';
import { startIamSimulatorPeer, type IamSimulatorPeer } from '../peers/iam-simulator';
import { DUMMY_ADMIN, adminIam, createUserWithKey, type TestKey } from '../support/aws';
import { buildTestApp, type TestApp } from '../support/assistant';

let moto: Moto;
let sim: IamSimulatorPeer;
let admin: TestKey;
let nobody: TestKey;

beforeAll(async () => {
  moto = await startMoto();
  sim = await startIamSimulatorPeer();
});
afterAll(async () => {
  await moto?.stop();
  await sim?.stop();
});
beforeEach(async () => {
  await moto.enforceAuth(false);
  await moto.reset();
  // Both exist before IAM enforcement is switched on (moto has no root identity).
  admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  nobody = await createUserWithKey(moto.endpoint, 'nobody');
  await moto.enforceAuth(true);
  sim.reset();
});

const keysOf = (key: TestKey) => ({
  source: 'keys' as const,
  accessKeyId: key.accessKeyId,
  secretAccessKey: key.secretAccessKey,
  region: 'us-east-1',
});

async function refused(app: TestApp, input: unknown): Promise<AssistantError> {
  const result = await app.router.invoke('admin.open', input);
  expect(result.ok).toBe(false);
  return (result as { error: AssistantError }).error;
}

async function opened(app: TestApp, input: unknown): Promise<AdminSummary> {
  const result = await app.router.invoke('admin.open', input);
  expect(result).toMatchObject({ ok: true });
  return (result as { value: AdminSummary }).value;
}

describe('admin access against moto (IAM enforcement on)', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await buildTestApp({ endpoint: moto.endpoint });
  });

  it('refuses a key with no IAM rights with ADMIN_MISSING_RIGHTS, naming the permissions by what they are for', async () => {
    const error = await refused(app, keysOf(nobody));
    expect(error.code).toBe('ADMIN_MISSING_RIGHTS');
    expect(error.title).toBe('These keys are not an administrator’s');
    expect(error.detail).toBe('iam:ListPolicies');
    expect(error.explanation).toBe(
      'These keys work, but AWS refused them even a harmless look at IAM, so they may not create users or give permissions.',
    );
    // What is missing, by what it is for, beside the sentence (the screen folds it away).
    const missing = Object.fromEntries(
      (error as MissingRightsError).missing.map((l) => [l.doing, l.missing.join(', ')]),
    );
    expect(missing['create the sending user']).toMatch(
      /^iam:GetUser, iam:CreateUser, iam:TagUser, iam:GetPolicy, iam:CreatePolicy/,
    );
    expect(missing['write the DNS records into Route 53']).toMatch(/^route53:ListHostedZonesByName/);
    expect(missing['set up bounce and complaint notifications']).toMatch(/^sns:CreateTopic/);
    expect(missing['remove what the assistant created']).toMatch(/^iam:ListAccessKeys/);
    expect(error.fix).toContain('AdministratorAccess');
    expect(error.fix).toMatch(/AWS CloudShell.*IAM Identity Center/);
    expect(JSON.stringify(error)).not.toContain(nobody.secretAccessKey);
    // Nothing is held: the next step still asks for admin access.
    expect(await app.router.invoke('admin.status', {})).toEqual({ ok: true, value: null });
    const create = await app.router.invoke('sendingUser.create', { region: 'us-east-1' });
    expect(create).toMatchObject({ ok: false, error: { code: 'ADMIN_NEEDED' } });
  });

  it('opens for a full administrator, with the time it will be forgotten', async () => {
    const summary = await opened(app, keysOf(admin));
    expect(summary).toMatchObject({
      arn: 'arn:aws:iam::123456789012:user/admin',
      kind: 'long-term',
      // moto has no policy simulator: the harmless read (allowed) decided.
      rightsCheck: 'read-only',
      limits: [],
      idleMinutes: 15,
    });
    const since = Date.parse(summary.since);
    expect(Date.parse(summary.expiresAt) - since).toBe(ADMIN_IDLE_MS);
    expect(Date.parse(summary.latestExpiresAt) - since).toBe(ADMIN_MAX_MS);
    expect(await app.router.invoke('admin.status', {})).toMatchObject({
      ok: true,
      value: { arn: summary.arn },
    });
    expect(JSON.stringify(summary)).not.toContain(admin.secretAccessKey);
  });

  it('reads an AWS profile once: changing ~/.aws afterwards does not change the session', async () => {
    const dir = path.join(app.home, '.aws');
    await mkdir(dir, { recursive: true });
    const credentials = path.join(dir, 'credentials');
    await writeFile(
      credentials,
      `[boss]\naws_access_key_id = ${admin.accessKeyId}\naws_secret_access_key = ${admin.secretAccessKey}\n`,
    );
    const summary = await opened(app, { source: 'profile', profileName: 'boss', region: 'us-east-1' });
    expect(summary.kind).toBe('aws-profile');
    // The profile now holds a key without rights; the session keeps the copy it read.
    await writeFile(
      credentials,
      `[boss]\naws_access_key_id = ${nobody.accessKeyId}\naws_secret_access_key = ${nobody.secretAccessKey}\n`,
    );
    expect(app.assistant.context.admin.credentials('test')).toEqual({
      kind: 'keys',
      accessKeyId: admin.accessKeyId,
      secretAccessKey: admin.secretAccessKey,
      sessionToken: undefined,
    });
    const created = await app.router.invoke('sendingUser.create', { region: 'us-east-1' });
    expect(created).toMatchObject({ ok: true, value: { userName: 'ses-setup-assistant-sender' } });
  });

  it('refuses an AWS profile whose key has no IAM rights, reading it once', async () => {
    const dir = path.join(app.home, '.aws');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'credentials'),
      `[intern]\naws_access_key_id = ${nobody.accessKeyId}\naws_secret_access_key = ${nobody.secretAccessKey}\n`,
    );
    const error = await refused(app, { source: 'profile', profileName: 'intern', region: 'us-east-1' });
    expect(error.code).toBe('ADMIN_MISSING_RIGHTS');
  });
});

describe('deleting the permanent admin key made for setup (moto, IAM enforcement on)', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await buildTestApp({ endpoint: moto.endpoint });
  });

  /** Whether AWS still takes a key: any signed IAM call; a deleted key is InvalidClientTokenId. */
  async function keyWorks(key: TestKey): Promise<boolean | string> {
    try {
      await adminIam(moto.endpoint, key).send(new ListUsersCommand({ MaxItems: 1 }));
      return true;
    } catch (err) {
      return (err as Error).name;
    }
  }

  it('deletes the admin user’s own key with that key, forgets the session, and the key no longer works', async () => {
    const summary = await opened(app, keysOf(admin));
    expect(summary.keyIdMasked).toBe(`${admin.accessKeyId.slice(0, 4)}…${admin.accessKeyId.slice(-4)}`);
    expect(await keyWorks(admin)).toBe(true);

    const result = await app.router.invoke('admin.deleteKey', { confirm: true });
    expect(result).toEqual({
      ok: true,
      value: { keyIdMasked: summary.keyIdMasked, userName: 'admin', accountId: '123456789012' },
    });
    expect(JSON.stringify(result)).not.toContain(admin.accessKeyId);
    expect(await app.router.invoke('admin.status', {})).toEqual({ ok: true, value: null });
    expect(await keyWorks(admin)).toBe('InvalidClientTokenId');
    // The next step that needs admin access says why it is gone.
    const next = await app.router.invoke('sendingUser.create', { region: 'us-east-1' });
    expect(next).toMatchObject({ ok: false, error: { code: 'ADMIN_NEEDED' } });
    expect((next as { error: AssistantError }).error.explanation).toContain(
      'Admin access was forgotten when its key was deleted.',
    );
    // Another user's key is untouched: AWS still knows it (it only has no rights).
    expect(await keyWorks(nobody)).toBe('AccessDenied');
  });

  it('deletes nothing without the explicit confirmation', async () => {
    await opened(app, keysOf(admin));
    const result = await app.router.invoke('admin.deleteKey', { confirm: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await keyWorks(admin)).toBe(true);
    expect(await app.router.invoke('admin.status', {})).toMatchObject({
      ok: true,
      value: { kind: 'long-term' },
    });
  });

  it('refuses a key read from an AWS profile, leaving the key and ~/.aws alone and saying how to do it by hand', async () => {
    const dir = path.join(app.home, '.aws');
    await mkdir(dir, { recursive: true });
    const file = `[boss]\naws_access_key_id = ${admin.accessKeyId}\naws_secret_access_key = ${admin.secretAccessKey}\n`;
    await writeFile(path.join(dir, 'credentials'), file);
    await opened(app, { source: 'profile', profileName: 'boss', region: 'us-east-1' });
    const result = await app.router.invoke('admin.deleteKey', { confirm: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'ADMIN_KEY_FROM_PROFILE' } });
    const error = (result as { error: AssistantError }).error;
    expect(error.explanation).toContain('does not edit those files');
    expect(error.fix).toContain('Security credentials');
    expect(error.fix).toContain('~/.aws/credentials');
    expect(await readFile(path.join(dir, 'credentials'), 'utf8')).toBe(file);
    expect(await keyWorks(admin)).toBe(true);
    expect(await app.router.invoke('admin.status', {})).toMatchObject({
      ok: true,
      value: { kind: 'aws-profile' },
    });
  });

  it('refuses root keys, saying they are deleted on the console’s security credentials page', async () => {
    // The root user is refused when admin access opens; a session held some other way is refused too.
    app.assistant.context.admin.open(
      { kind: 'keys', ...DUMMY_ADMIN },
      { arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012', kind: 'long-term' },
    );
    const result = await app.router.invoke('admin.deleteKey', { confirm: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'ADMIN_KEY_ROOT' } });
    expect((result as { error: AssistantError }).error.fix).toContain('“Security credentials”');
  });

  it('has nothing to delete for temporary keys, and asks for admin access when none is open', async () => {
    app.assistant.context.admin.open(
      {
        kind: 'keys',
        accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        secretAccessKey: DUMMY_ADMIN.secretAccessKey,
        sessionToken: 't',
      },
      {
        arn: 'arn:aws:sts::123456789012:assumed-role/Admin/jo',
        accountId: '123456789012',
        kind: 'temporary',
      },
    );
    expect(await app.router.invoke('admin.deleteKey', { confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'ADMIN_KEY_TEMPORARY' },
    });
    app.assistant.context.admin.forget('person');
    expect(await app.router.invoke('admin.deleteKey', { confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'ADMIN_NEEDED' },
    });
  });
});

describe('admin access with IAM’s policy simulator (loopback IAM peer, STS from moto)', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await buildTestApp({ endpoint: { default: moto.endpoint, iam: sim.endpoint } });
  });

  const simulations = () => sim.requests.filter((r) => r.action === 'SimulatePrincipalPolicy');
  const askedActions = () =>
    simulations().flatMap((r) =>
      [...r.params.entries()].filter(([k]) => k.startsWith('ActionNames.member.')).map(([, v]) => v),
    );

  it('simulates exactly the actions the setup needs, for the caller, and opens when all are allowed', async () => {
    const summary = await opened(app, keysOf(admin));
    expect(summary).toMatchObject({ rightsCheck: 'simulated', limits: [] });
    const calls = simulations();
    // Ten results a page here: the SDK is asked again with the Marker until the end.
    expect(calls.length).toBe(Math.ceil(adminActions().length / 10));
    expect(calls.every((r) => r.signed)).toBe(true);
    expect(calls.map((r) => r.params.get('PolicySourceArn'))).toEqual(
      calls.map(() => 'arn:aws:iam::123456789012:user/admin'),
    );
    expect(calls.slice(1).map((r) => r.params.get('Marker'))).toEqual(
      calls.slice(1).map((_, i) => String((i + 1) * 10)),
    );
    // Each request carries the whole list (the API pages the results, not the question).
    expect(new Set(askedActions())).toEqual(new Set(adminActions()));
    expect(askedActions()).toContain('iam:CreateUser');
    expect(askedActions()).toContain('route53:ChangeResourceRecordSets');
    expect(askedActions()).toContain('ses:SetIdentityNotificationTopic');
    expect(sim.requests.some((r) => r.action === 'ListPolicies')).toBe(false);
  });

  it('opens without Route 53 rights, and says which steps will not work', async () => {
    sim.decide = (action) => (action.startsWith('route53:') ? 'implicitDeny' : 'allowed');
    const summary = await opened(app, keysOf(admin));
    expect(summary.rightsCheck).toBe('simulated');
    expect(summary.limits).toEqual([
      {
        feature: 'route53',
        doing: 'write the DNS records into Route 53',
        missing: [
          'route53:ListHostedZonesByName',
          'route53:ListResourceRecordSets',
          'route53:ChangeResourceRecordSets',
        ],
      },
      {
        feature: 'removal',
        doing: 'remove what the assistant created',
        missing: ['route53:ListResourceRecordSets', 'route53:ChangeResourceRecordSets'],
      },
    ]);
    expect(await app.router.invoke('admin.status', {})).toMatchObject({
      ok: true,
      value: { limits: [{ feature: 'route53' }, { feature: 'removal' }] },
    });
  });

  it('refuses keys that may do none of it, naming what each step needs', async () => {
    sim.decide = (action) =>
      action === 'iam:CreateUser' ? 'explicitDeny' : action.startsWith('iam:') ? 'allowed' : 'implicitDeny';
    // iam:CreateUser denied spoils "create the sending user"; rotation still works, so it opens…
    expect((await opened(app, keysOf(admin))).limits.map((l) => l.feature)).toEqual([
      'sending-user',
      'route53',
      'notifications',
      'feedback',
      'suppression',
      'removal',
    ]);
    // …but keys allowed nothing the assistant needs are refused, and nothing is held.
    await app.router.invoke('admin.forget', {});
    sim.decide = () => 'implicitDeny';
    const error = await refused(app, keysOf(admin));
    expect(error.code).toBe('ADMIN_MISSING_RIGHTS');
    expect(error.detail).toBe('iam:SimulatePrincipalPolicy');
    expect(error.explanation).toMatch(
      /^AWS says these keys may not do what the assistant needs admin access for: \d+ permissions are missing\.$/,
    );
    const missing = (error as MissingRightsError).missing;
    expect(missing.find((l) => l.feature === 'sending-user')?.missing[0]).toBe('iam:GetUser');
    expect(missing.find((l) => l.feature === 'rotation')?.missing[0]).toBe('iam:ListAccessKeys');
    expect(await app.router.invoke('admin.status', {})).toEqual({ ok: true, value: null });
  });

  it('falls back to a harmless IAM read when the keys may not run the simulator', async () => {
    sim.denySimulation = true;
    expect(await opened(app, keysOf(admin))).toMatchObject({ rightsCheck: 'read-only', limits: [] });
    expect(sim.requests.map((r) => r.action)).toEqual(['SimulatePrincipalPolicy', 'ListPolicies']);
    expect(sim.requests[1]!.params.get('MaxItems')).toBe('1');

    await app.router.invoke('admin.forget', {});
    sim.denyListPolicies = true;
    const error = await refused(app, keysOf(admin));
    expect(error.code).toBe('ADMIN_MISSING_RIGHTS');
    expect(error.detail).toBe('iam:ListPolicies');
  });

  it('simulates an assumed role (IAM Identity Center) as the role, path included', async () => {
    await moto.enforceAuth(false);
    const roleArn = (
      await adminIam(moto.endpoint).send(
        new CreateRoleCommand({
          RoleName: 'AWSReservedSSO_AdministratorAccess_1a2b',
          Path: '/aws-reserved/sso.amazonaws.com/',
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
          }),
        }),
      )
    ).Role!.Arn!;
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: moto.endpoint,
      credentials: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
    });
    const temporary = (await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'jo' })))
      .Credentials!;
    sim.roles.set('AWSReservedSSO_AdministratorAccess_1a2b', roleArn);
    const summary = await opened(app, {
      source: 'keys',
      accessKeyId: temporary.AccessKeyId,
      secretAccessKey: temporary.SecretAccessKey,
      sessionToken: temporary.SessionToken,
      region: 'us-east-1',
    });
    expect(summary).toMatchObject({ kind: 'temporary', rightsCheck: 'simulated', limits: [] });
    expect(summary.arn).toMatch(/:assumed-role\/AWSReservedSSO_AdministratorAccess_1a2b\/jo$/);
    expect(sim.requests[0]).toMatchObject({ action: 'GetRole' });
    expect(new Set(simulations().map((r) => r.params.get('PolicySourceArn')))).toEqual(
      new Set([
        'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_1a2b',
      ]),
    );
  });
});
