/**
 * Forgetting a connection, whether the person asks (profiles.forget) or its key was deleted through
 * “What this app created”. Invariant: nothing of it is left behind: its key and a rotation's two
 * beside it in the keychain, its rotation and key dates and what is known of its user in the
 * settings, and its cached AWS clients. Which screen shows next is the caller's to say.
 */
import type { ServiceContext } from '../../core/context';
import { forgetSendingUser } from '../sending-user';

export async function forgetConnection(ctx: ServiceContext, profileId: string): Promise<void> {
  await ctx.vault.forget(profileId);
  ctx.evictClients(profileId);
  await ctx.settings.update((s) => {
    const profiles = s.profiles.filter((p) => p.id !== profileId);
    const { [profileId]: _created, ...keyCreatedAt } = s.keyCreatedAt;
    const { [profileId]: _rotated, ...lastRotatedAt } = s.lastRotatedAt;
    return {
      ...s,
      profiles,
      activeProfileId: s.activeProfileId === profileId ? (profiles[0]?.id ?? null) : s.activeProfileId,
      rotation: s.rotation?.profileId === profileId ? null : s.rotation,
      keyCreatedAt,
      lastRotatedAt,
    };
  });
  await forgetSendingUser(ctx, profileId);
  ctx.log.info('connection forgotten', { profile: profileId });
}
