/**
 * What the assistant knows of each sending user it made, this area's slice of the settings: its
 * account, whether it may rotate its own key, and where its setup policy stands (./setup-rights.ts).
 * Other areas read it through ./index.ts: rotation (admin access or the key itself), forgetting a
 * connection, and the setup steps that explain a refusal.
 */
import { z } from 'zod';
import type { ServiceContext } from '../../core/context';
import type { AssistantError } from '../../core/errors';
import { featureState } from '../../core/feature-state';
import type { SettingsStore } from '../../core/settings';

const userSchema = z.object({
  accountId: z.string().regex(/^\d{12}$/),
  userName: z.string().min(1).max(64),
  /** Whether its policy lets it replace its own key; null when the assistant did not make the policy. */
  selfRotation: z.boolean().nullable(),
  setupRights: z.enum(['attached', 'removed']),
  changedAt: z.string().max(40).nullable(),
});

const stateSchema = z.object({ byProfile: z.record(z.string().max(128), userSchema) });

export type SendingUserFacts = z.infer<typeof userSchema>;

export const sendingUserState = (settings: SettingsStore) =>
  featureState(settings, 'sendingUser', stateSchema, () => ({ byProfile: {} }));

/** What the dashboard card shows: whether the connection's key still holds the setup rights. */
export interface SetupRightsView {
  /** "unknown" for a key whose user the assistant did not make here (CloudShell, the console, by hand). */
  state: 'attached' | 'removed' | 'unknown';
  /**
   * Whether the assistant may change them: a user it made, or one with the name its CloudShell and
   * console paths give. Another IAM user's policies are the person's own business.
   */
  manageable: boolean;
  userName: string | null;
  accountId: string | null;
  policyName: string;
  changedAt: string | null;
  /** What the key may do with the sending policy, in words to follow "it may" (policy.ts, SENDING_RIGHTS). */
  keyMay: string;
}

/** The record of this user in this account, under whichever connection it was kept. */
function recordOf(ctx: ServiceContext, accountId: string, userName: string): SendingUserFacts | undefined {
  return Object.values(sendingUserState(ctx.settings).get().byProfile).find(
    (u) => u.accountId === accountId && u.userName === userName,
  );
}

/** Whether the person took this user's setup rights away: making the user again leaves them off. */
export function setupRightsWereRemoved(ctx: ServiceContext, accountId: string, userName: string): boolean {
  return recordOf(ctx, accountId, userName)?.setupRights === 'removed';
}

/** Kept when the assistant made the user and its key has become a connection. */
export async function rememberSendingUser(
  ctx: ServiceContext,
  profileId: string,
  facts: Pick<SendingUserFacts, 'accountId' | 'userName' | 'selfRotation'>,
): Promise<void> {
  const before = recordOf(ctx, facts.accountId, facts.userName);
  const rights =
    before?.setupRights === 'removed'
      ? { setupRights: 'removed' as const, changedAt: before.changedAt }
      : { setupRights: 'attached' as const, changedAt: null };
  await sendingUserState(ctx.settings).update((s) => ({
    byProfile: { ...s.byProfile, [profileId]: { ...facts, ...rights } },
  }));
}

/** Whether the connection's key may rotate itself: false or true when known, null when not. */
export function selfRotationOf(ctx: ServiceContext, profileId: string): boolean | null {
  return sendingUserState(ctx.settings).get().byProfile[profileId]?.selfRotation ?? null;
}

/** Called when a connection is forgotten: nothing of it stays. */
export async function forgetSendingUser(ctx: ServiceContext, profileId: string): Promise<void> {
  const state = sendingUserState(ctx.settings);
  if (!state.get().byProfile[profileId]) return;
  await state.update((s) => {
    const { [profileId]: _gone, ...rest } = s.byProfile;
    return { byProfile: rest };
  });
}

export const userNameOf = (arn: string) => arn.split(':user/')[1]?.split('/').pop() ?? null;

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'NotAuthorized']);

/**
 * A setup step refused by AWS because the setup rights were removed on purpose: said as that, with
 * the way to give them back, instead of as a broken key. Null for every other failure.
 */
export function setupRightsRemoved(ctx: ServiceContext, err: unknown, doing: string): AssistantError | null {
  if (!DENIED.has((err as { name?: string })?.name ?? '')) return null;
  const profileId = ctx.settings.get().activeProfileId;
  const known = profileId ? sendingUserState(ctx.settings).get().byProfile[profileId] : undefined;
  if (known?.setupRights !== 'removed') return null;
  return {
    code: 'SETUP_RIGHTS_REMOVED',
    title: 'The app key no longer has setup rights',
    explanation: `AWS refused ${doing}: the setup rights were taken from the key when setup was done, so that a stolen key could not verify new senders or ask AWS for anything in your name. Nothing is broken; sending still works.`,
    fix: 'On the Dashboard, under “What the app key may do”, give the setup rights back with admin keys for a moment, then try again.',
    retryable: true,
  };
}
