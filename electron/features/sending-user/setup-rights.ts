/**
 * The setup policy's life: attached while the person sets up, detached with admin access once setup
 * is done (so the key on their servers keeps only the sending policy's rights), attached again with admin access when a
 * setup step is needed later (a new domain, a new request to AWS). Where it stands is kept in
 * ./state.ts.
 *
 * Screen: the "What the app key may do" card on the dashboard (renderer/features/sending-user/SetupRightsCard.tsx).
 */
import type { ServiceContext } from '../../core/context';
import { AssistantFailure } from '../../core/errors';
import { assertSameAccount, forgetEntry } from '../../core/ledger';
import { deleteOlderVersions, readDefaultPolicy, writePolicyVersion } from '../../core/iam-policy-versions';
import {
  isSendingPolicyArn,
  sendingRightsWords,
  SENDING_POLICY_NAME,
  SETUP_POLICY_NAME,
  withNarrowedReads,
  withoutSetupActions,
  type PolicyDocument,
} from './policy';
import {
  ensureAttached,
  ensurePolicy,
  isNotFound,
  SENDING_USER_NAME,
  SETUP_POLICY_SPEC,
} from './sending-user';
import { sendingUserState, userNameOf, type SetupRightsView } from './state';

export function setupRightsView(ctx: ServiceContext): SetupRightsView {
  const profile = ctx.profile();
  const known = sendingUserState(ctx.settings).get().byProfile[profile.id];
  const userName = known?.userName ?? userNameOf(profile.arn);
  return {
    state: known?.setupRights ?? 'unknown',
    manageable: Boolean(known) || userName === SENDING_USER_NAME,
    userName,
    accountId: known?.accountId ?? profile.accountId ?? null,
    policyName: SETUP_POLICY_NAME,
    changedAt: known?.changedAt ?? null,
    keyMay: sendingRightsWords(),
  };
}

/** The removal did not take in IAM yet (IAM takes a moment to show a change everywhere). */
function stillThere(explanation: string, inConsole: string): AssistantFailure {
  return new AssistantFailure({
    code: 'SETUP_RIGHTS_STILL_THERE',
    title: 'The setup rights are still within the key’s reach',
    explanation,
    fix: `Wait a minute and try again; if it stays, ${inConsole} in the IAM console.`,
    retryable: true,
  });
}

/**
 * Detaches ("remove") or attaches ("restore") the setup policy on the connection's user, with the
 * admin session of the same account. Restoring creates the policy first when the user was made some
 * other way (before the split). Removing also takes the setup actions out of a sending policy made
 * before the split, which held them itself (and narrows its reads to today's), deletes every older
 * version of both policies (one made the default again would bring the rights back), and then reads
 * IAM back: "removed" is said only when it is true. Only for a user the assistant made, or one with
 * the name its own paths give.
 */
export async function changeSetupRights(
  ctx: ServiceContext,
  change: 'remove' | 'restore',
): Promise<SetupRightsView> {
  const profile = ctx.profile();
  const credentials = ctx.admin.credentials(
    change === 'remove'
      ? 'Removing the setup rights needs IAM rights.'
      : 'Giving the setup rights back needs IAM rights.',
  );
  const session = ctx.admin.summary()?.accountId;
  assertSameAccount('The sending user and its policies', profile.accountId, session);
  const accountId = profile.accountId!;
  const userName = userNameOf(profile.arn);
  if (!userName)
    throw new AssistantFailure({
      code: 'NOT_AN_IAM_USER',
      title: 'This connection is not an IAM user',
      explanation:
        'The setup policy is attached to an IAM user; this key belongs to a role or the root user.',
      fix: 'Connect with the sending user’s key to manage its setup rights.',
      retryable: false,
    });
  if (!setupRightsView(ctx).manageable)
    throw new AssistantFailure({
      code: 'NOT_THE_ASSISTANTS_USER',
      title: 'The assistant did not make this user',
      explanation: `${userName} was not made by the assistant, so its policies are yours to decide; the assistant changes nothing there.`,
      fix: 'Change its policies in the IAM console, or let the assistant create its own sending user.',
      retryable: false,
    });
  const admin = ctx.awsClients(profile.region, credentials);
  const iam = await admin.iam();
  const sdk = await import('@aws-sdk/client-iam');
  const setupArn = `arn:aws:iam::${accountId}:policy/${SETUP_POLICY_NAME}`;
  if (change === 'remove') {
    await iam
      .send(new sdk.DetachUserPolicyCommand({ UserName: userName, PolicyArn: setupArn }))
      // Already detached, or the policy never existed: the checks below say what the key holds.
      .catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
    await forgetEntry(ctx, 'iam-policy-attachment', `${userName}|${setupArn}`);
    const attached =
      (await iam.send(new sdk.ListAttachedUserPoliciesCommand({ UserName: userName }))).AttachedPolicies ??
      [];
    if (attached.some((p) => p.PolicyArn === setupArn))
      throw stillThere(
        `IAM still lists ${SETUP_POLICY_NAME} on ${userName} after it was detached.`,
        'detach it',
      );
    // A sending policy made before the split holds the setup actions itself: take them out of it.
    const sending = attached.find((p) => p.PolicyArn && isSendingPolicyArn(p.PolicyArn))?.PolicyArn;
    if (sending) {
      const { document } = await readDefaultPolicy<PolicyDocument>(admin, sending);
      const updated = withNarrowedReads(withoutSetupActions(document), accountId);
      if (updated !== document) await writePolicyVersion(admin, sending, updated);
    }
    // IAM keeps older versions, and one made the default again would grant what they granted
    // (setup actions, self-rotation): none is kept, and IAM is read back.
    for (const name of [SENDING_POLICY_NAME, SETUP_POLICY_NAME]) {
      const { left } = await deleteOlderVersions(admin, `arn:aws:iam::${accountId}:policy/${name}`);
      if (left.length > 0)
        throw stillThere(
          `IAM still keeps older versions of ${name} (${left.join(', ')}), and one made the default again would give the rights back.`,
          `delete them under Policies → ${name} → Policy versions`,
        );
    }
  } else {
    const arn = await ensurePolicy(ctx, admin, accountId, SETUP_POLICY_SPEC);
    await ensureAttached(ctx, admin, userName, arn);
  }
  await sendingUserState(ctx.settings).update((s) => {
    const before = s.byProfile[profile.id];
    return {
      byProfile: {
        ...s.byProfile,
        [profile.id]: {
          accountId,
          userName,
          selfRotation: before?.selfRotation ?? null,
          setupRights: change === 'remove' ? 'removed' : 'attached',
          changedAt: ctx.clock().toISOString(),
        },
      },
    };
  });
  ctx.log.info('setup rights changed', { change });
  return setupRightsView(ctx);
}
