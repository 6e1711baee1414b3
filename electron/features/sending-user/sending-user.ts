/**
 * Creates the dedicated sending user for the person, with admin credentials from the admin session:
 * an IAM user without console access, the customer-managed sending and setup policies (./policy.ts),
 * their attachments and an access key, which is stored in the keychain the moment AWS shows it and tested before use.
 *
 * Idempotent and resumable: every step first looks at what already exists, so running it again
 * after a failure at any point creates no duplicates, never leaves more than two keys on the user,
 * and finishes the job.
 *
 * Screen: “Create a sending user for me” on the Connect screen (renderer/features/sending-user/CreateUserForm.tsx).
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import type { AwsClients, CredentialSource } from '../../core/aws-clients';
import type { ServiceContext } from '../../core/context';
import { fail } from '../../core/errors';
import { recordCreated } from '../../core/ledger';
import { deleteOlderVersions, isNoSuchEntity, writePolicyVersion } from '../../core/iam-policy-versions';
import {
  buildSendingPolicy,
  buildSetupPolicy,
  SENDING_POLICY_NAME,
  SETUP_POLICY_NAME,
  type PolicyDocument,
  type PolicyOptions,
} from './policy';
import { feedbackQueueArnOf } from '../feedback';
import { maskKeyId, type AwsKeys } from '../../core/vault';
import { setupRightsWereRemoved } from './state';

export const SENDING_USER_NAME = 'ses-setup-assistant-sender';

/** Where a freshly created key waits in the keychain until it is tested and becomes a connection's key. */
export const PENDING_KEY_SLOT = 'sending-user-pending';
const TAG = { Key: 'created-by', Value: 'ses-setup-assistant' };

export interface SendingUserResult {
  userName: string;
  policyArn: string;
  setupPolicyArn: string;
  accountId: string;
  keys: AwsKeys;
}

interface PolicySpec {
  name: string;
  description: string;
  document: PolicyDocument;
}

/** IAM's answer for a user, policy or attachment that does not exist. */
export const isNotFound = isNoSuchEntity;

async function iamOf(
  admin: AwsClients,
): Promise<{ iam: IAMClient; sdk: typeof import('@aws-sdk/client-iam') }> {
  return { iam: await admin.iam(), sdk: await import('@aws-sdk/client-iam') };
}

export async function ensureUser(ctx: ServiceContext, admin: AwsClients, userName: string): Promise<string> {
  const { iam, sdk } = await iamOf(admin);
  try {
    const found = await iam.send(new sdk.GetUserCommand({ UserName: userName }));
    return found.User!.Arn!;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  const created = await iam.send(new sdk.CreateUserCommand({ UserName: userName, Tags: [TAG] }));
  await recordCreated(ctx, { kind: 'iam-user', id: userName, label: userName });
  return created.User!.Arn!;
}

/** The sending policy for this account, as the person chose it. */
export function sendingPolicySpec(
  ctx: ServiceContext,
  accountId: string,
  options: PolicyOptions,
): PolicySpec {
  return {
    name: SENDING_POLICY_NAME,
    description: 'Lets the SES Setup Assistant sending user send email and read its limits and status.',
    // A re-run after bounce and complaint events were set up keeps the sending user's right to read their queue.
    document: buildSendingPolicy({
      ...options,
      accountId,
      feedbackQueueArn: options.feedbackQueueArn ?? feedbackQueueArnOf(ctx),
    }),
  };
}

export const SETUP_POLICY_SPEC: PolicySpec = {
  name: SETUP_POLICY_NAME,
  description:
    'Lets the SES Setup Assistant sending user verify identities and ask to leave the sandbox, during setup.',
  document: buildSetupPolicy(),
};

/**
 * Creates the policy, or brings an existing one up to date with a new default version and deletes
 * its older versions: what it was written from is what the person chose now, and an older version
 * made the default again would give back what they left out (self-rotation turned off, the setup
 * actions of a policy made before the split).
 */
export async function ensurePolicy(
  ctx: ServiceContext,
  admin: AwsClients,
  accountId: string,
  spec: PolicySpec,
): Promise<string> {
  const { iam, sdk } = await iamOf(admin);
  const document = JSON.stringify(spec.document);
  const arn = `arn:aws:iam::${accountId}:policy/${spec.name}`;
  let exists = true;
  try {
    await iam.send(new sdk.GetPolicyCommand({ PolicyArn: arn }));
  } catch (err) {
    if (!isNotFound(err)) throw err;
    exists = false;
  }
  if (!exists) {
    const created = await iam.send(
      new sdk.CreatePolicyCommand({
        PolicyName: spec.name,
        PolicyDocument: document,
        Description: spec.description,
        Tags: [TAG],
      }),
    );
    await recordCreated(ctx, {
      kind: 'iam-policy',
      id: created.Policy!.Arn!,
      label: `IAM policy ${spec.name}`,
    });
    return created.Policy!.Arn!;
  }
  await writePolicyVersion(admin, arn, spec.document);
  await deleteOlderVersions(admin, arn);
  return arn;
}

export async function ensureAttached(
  ctx: ServiceContext,
  admin: AwsClients,
  userName: string,
  policyArn: string,
) {
  const { iam, sdk } = await iamOf(admin);
  const attached = await iam.send(new sdk.ListAttachedUserPoliciesCommand({ UserName: userName }));
  if (attached.AttachedPolicies?.some((p) => p.PolicyArn === policyArn)) return;
  await iam.send(new sdk.AttachUserPolicyCommand({ UserName: userName, PolicyArn: policyArn }));
  await recordCreated(ctx, {
    kind: 'iam-policy-attachment',
    id: `${userName}|${policyArn}`,
    label: `${policyArn.split(':policy/')[1] ?? policyArn} attached to ${userName}`,
    meta: { userName, policyArn },
  });
}

/**
 * Returns a key of the user whose secret the assistant holds: the pending one from an earlier,
 * interrupted run, or a new one. Makes room when the user already has two keys only by deleting
 * keys this app created and whose secret it no longer has (nobody else can be using those).
 */
export async function ensureKey(ctx: ServiceContext, admin: AwsClients, userName: string): Promise<AwsKeys> {
  const { iam, sdk } = await iamOf(admin);
  const existing =
    (await iam.send(new sdk.ListAccessKeysCommand({ UserName: userName }))).AccessKeyMetadata ?? [];
  const pending = await ctx.vault.loadKeys(PENDING_KEY_SLOT);
  if (pending && existing.some((k) => k.AccessKeyId === pending.accessKeyId)) return pending;

  if (existing.length >= 2) {
    const held = new Set<string>();
    for (const profile of ctx.settings.get().profiles) {
      const keys = await ctx.vault.loadKeys(profile.id).catch(() => null);
      if (keys) held.add(keys.accessKeyId);
    }
    const ours = new Set(
      ctx.settings
        .get()
        .ledger.filter((e) => e.kind === 'iam-access-key')
        .map((e) => e.id),
    );
    const orphans = existing.filter((k) => ours.has(k.AccessKeyId!) && !held.has(k.AccessKeyId!));
    for (const orphan of orphans.slice(0, existing.length - 1)) {
      await iam.send(new sdk.DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: orphan.AccessKeyId }));
    }
    if (existing.length - orphans.length >= 2) {
      fail({
        code: 'KEY_LIMIT',
        title: `The user ${userName} already has two access keys`,
        explanation:
          'AWS allows two access keys per user, and both are in use by something the assistant does not know about.',
        fix: `In the IAM console, open the user ${userName}, delete a key you no longer use, then try again.`,
        retryable: true,
      });
    }
  }
  const created = await iam.send(new sdk.CreateAccessKeyCommand({ UserName: userName }));
  const keys = {
    accessKeyId: created.AccessKey!.AccessKeyId!,
    secretAccessKey: created.AccessKey!.SecretAccessKey!,
  };
  // AWS shows the secret exactly once: it goes to the keychain before anything else can fail.
  await ctx.vault.saveKeys(PENDING_KEY_SLOT, keys);
  await recordCreated(ctx, {
    kind: 'iam-access-key',
    id: keys.accessKeyId,
    label: `${maskKeyId(keys.accessKeyId)} of ${userName}`,
    meta: { userName },
  });
  return keys;
}

export async function createSendingUser(
  ctx: ServiceContext,
  input: { region: string; policy: PolicyOptions; userName?: string },
): Promise<SendingUserResult> {
  const credentials: CredentialSource = ctx.admin.credentials('Creating the sending user needs IAM rights.');
  const summary = ctx.admin.summary()!;
  const admin = ctx.awsClients(input.region, credentials);
  const userName = input.userName ?? SENDING_USER_NAME;
  const progress = (message: string) => ctx.emit('progress', { task: 'sending-user', message });

  progress(`Creating the IAM user ${userName}…`);
  await ensureUser(ctx, admin, userName);
  progress('Writing its sending and setup policies…');
  const policyArn = await ensurePolicy(
    ctx,
    admin,
    summary.accountId,
    sendingPolicySpec(ctx, summary.accountId, input.policy),
  );
  await ensureAttached(ctx, admin, userName, policyArn);
  const setupPolicyArn = await ensurePolicy(ctx, admin, summary.accountId, SETUP_POLICY_SPEC);
  // Made again after the person took the setup rights away (a lost key, say): they stay away.
  if (!setupRightsWereRemoved(ctx, summary.accountId, userName))
    await ensureAttached(ctx, admin, userName, setupPolicyArn);
  progress('Creating its access key…');
  const keys = await ensureKey(ctx, admin, userName);
  return { userName, policyArn, setupPolicyArn, accountId: summary.accountId, keys };
}
