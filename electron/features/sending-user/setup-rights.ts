/**
 * The setup policy's life: attached while the person sets up, detached with admin access once setup
 * is done (so the key on their servers can only send), attached again with admin access when a
 * setup step is needed later (a new domain, a new request to AWS). Where it stands is kept in
 * ./state.ts.
 *
 * Screen: the "What the app key may do" card on the dashboard (renderer/features/sending-user/SetupRightsCard.tsx).
 */
import type { ServiceContext } from '../../core/context';
import { AssistantFailure } from '../../core/errors';
import { assertSameAccount } from '../../core/ledger';
import { SETUP_POLICY_NAME } from './policy';
import { ensureAttached, ensurePolicy, SETUP_POLICY_SPEC } from './sending-user';
import { sendingUserState, setupRightsView, userNameOf, type SetupRightsView } from './state';

/**
 * Detaches ("remove") or attaches ("restore") the setup policy on the connection's user, with the
 * admin session of the same account. Restoring creates the policy first when the user was made some
 * other way (CloudShell before the split, by hand). Removing a policy that is not attached is done.
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
  const admin = ctx.awsClients(profile.region, credentials);
  const iam = await admin.iam();
  const sdk = await import('@aws-sdk/client-iam');
  if (change === 'remove') {
    await iam
      .send(
        new sdk.DetachUserPolicyCommand({
          UserName: userName,
          PolicyArn: `arn:aws:iam::${accountId}:policy/${SETUP_POLICY_NAME}`,
        }),
      )
      .catch((err: unknown) => {
        // Already detached, or the policy never existed: either way the key holds no setup rights.
        if (
          (err as { name?: string }).name !== 'NoSuchEntity' &&
          (err as { name?: string }).name !== 'NoSuchEntityException'
        )
          throw err;
      });
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
