/**
 * A step that was given the admin keys before they were forgotten stops at its next AWS call: the
 * keys are checked against the session on every call, not only when the step takes them. A fault
 * proxy between the app and moto holds one call of the step while the session ends (the person's
 * "Forget admin access", or its time running out), then lets it through; every call after it must
 * be refused in the app, before it leaves, and nothing more made or removed in AWS.
 */
import {
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  ListPoliciesCommand,
} from '@aws-sdk/client-iam';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssistantError } from '../../electron/ipc/contract';
import { adminOverTime } from '../support/admin-over-time';
import { adminIam } from '../support/aws';

const USER = 'ses-setup-assistant-sender';

const t = adminOverTime();
beforeEach(async () => {
  expect(await t.openAdmin()).toMatchObject({ ok: true });
});

/** Holds the first IAM call `action` signed with the admin key until the returned release is called. */
function holdAdminCall(action: string): { arrived: () => boolean; release: () => void } {
  let release!: () => void;
  t.proxy.rules.push({
    service: 'iam',
    action,
    keyIds: [t.adminKey.accessKeyId],
    times: 1,
    effect: { kind: 'hold', until: new Promise<void>((resolve) => (release = resolve)) },
  });
  return { arrived: () => t.proxy.seen.some((s) => s.action === action), release: () => release() };
}

const adminCalls = () => t.proxy.seen.filter((s) => s.keyId === t.adminKey.accessKeyId).map((s) => s.action);

async function policiesInAws(): Promise<string[]> {
  const out = await adminIam(t.moto.endpoint).send(new ListPoliciesCommand({ Scope: 'Local' }));
  return (out.Policies ?? []).map((p) => p.PolicyName!).sort();
}

describe('admin keys forgotten while a step runs', () => {
  it('creating the sending user stops at its next call after “Forget admin access”, and says so', async () => {
    const held = holdAdminCall('CreateUser');
    const running = t.app.router.invoke('sendingUser.create', { region: 'us-east-1' });
    await vi.waitFor(() => expect(held.arrived()).toBe(true));
    expect(await t.app.router.invoke('admin.forget', {})).toEqual({ ok: true, value: null });
    held.release();

    const result = await running;
    expect(result).toMatchObject({ ok: false, error: { code: 'ADMIN_NEEDED', retryable: false } });
    const error = (result as { error: AssistantError }).error;
    expect(error.title).toBe('Admin access was forgotten while this step was running');
    expect(error.explanation).toContain('Creating the sending user needs IAM rights.');
    expect(error.explanation).toContain('Admin access was forgotten when you asked.');
    expect(error.explanation).toContain('stopped before its next call to AWS');
    expect(error.fix).toMatch(/admin credentials again/);

    // The call under way when the keys were forgotten finished; none left the app after it.
    expect(adminCalls().at(-1)).toBe('CreateUser');
    // In AWS: the user made before the keys were forgotten, and nothing after it.
    const iam = adminIam(t.moto.endpoint);
    expect((await iam.send(new ListAccessKeysCommand({ UserName: USER }))).AccessKeyMetadata).toEqual([]);
    expect(
      (await iam.send(new ListAttachedUserPoliciesCommand({ UserName: USER }))).AttachedPolicies,
    ).toEqual([]);
    expect(await policiesInAws()).toEqual([]);
    // What was made is on the ledger, so it can be found and removed.
    expect(t.app.settings.get().ledger.map((e) => e.kind)).toEqual(['iam-user']);
  });

  it('removing everything stops at its next call once the hour is up, and says so', async () => {
    expect(await t.app.router.invoke('sendingUser.create', { region: 'us-east-1' })).toMatchObject({
      ok: true,
    });
    const before = t.app.settings.get().ledger.map((e) => e.kind);
    expect(before).toContain('iam-user');
    expect(await policiesInAws()).toEqual(['SesSetupAssistantSending', 'SesSetupAssistantSetup']);

    const held = holdAdminCall('DeleteAccessKey');
    const running = t.app.router.invoke('ledger.removeAll', { confirm: true });
    await vi.waitFor(() => expect(held.arrived()).toBe(true));
    // The hard limit passes while the key is being deleted.
    t.to(61);
    held.release();

    const result = await running;
    expect(result).toMatchObject({ ok: false, error: { code: 'ADMIN_NEEDED' } });
    const error = (result as { error: AssistantError }).error;
    expect(error.title).toBe('Admin access was forgotten while this step was running');
    expect(error.explanation).toContain('kept for 60 minutes at most');
    expect(adminCalls().at(-1)).toBe('DeleteAccessKey');
    // Only the key went: the user, its policies and their attachments are still there, and listed.
    expect(await policiesInAws()).toEqual(['SesSetupAssistantSending', 'SesSetupAssistantSetup']);
    const iam = adminIam(t.moto.endpoint);
    expect(
      (await iam.send(new ListAttachedUserPoliciesCommand({ UserName: USER }))).AttachedPolicies,
    ).toHaveLength(2);
    expect(t.app.settings.get().ledger.map((e) => e.kind)).toEqual(
      before.filter((k) => k !== 'iam-access-key'),
    );
  });
});
