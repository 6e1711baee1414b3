/**
 * The two extra keychain entries a rotation uses beside the connection's own key:
 * - "pending": the new key, written the moment AWS shows its secret (it is shown only once), and
 *   kept apart so the current key stays the app's key until the new one is proven to work;
 * - "previous": the old key, kept after the switch so a rotation can still be rolled back until
 *   the old key is deleted.
 * Both are removed when the rotation ends either way.
 */
import type { ServiceContext } from '../../core/context';
import { keysAccount, type AwsKeys } from '../../core/vault';

export type Slot = 'pending' | 'previous';

/** Named by the vault, which forgets them with the connection. */
const account = (profileId: string, slot: Slot) => keysAccount(profileId, slot);

export async function saveSlot(
  ctx: ServiceContext,
  profileId: string,
  slot: Slot,
  keys: AwsKeys,
): Promise<void> {
  const { accessKeyId, secretAccessKey } = keys;
  await ctx.secretStore().set(account(profileId, slot), JSON.stringify({ accessKeyId, secretAccessKey }));
}

export async function loadSlot(ctx: ServiceContext, profileId: string, slot: Slot): Promise<AwsKeys | null> {
  const raw = await ctx.secretStore().get(account(profileId, slot));
  if (!raw) return null;
  try {
    const keys = JSON.parse(raw) as AwsKeys;
    return typeof keys.accessKeyId === 'string' && typeof keys.secretAccessKey === 'string' ? keys : null;
  } catch {
    return null;
  }
}

export async function clearSlot(ctx: ServiceContext, profileId: string, slot: Slot): Promise<void> {
  await ctx.secretStore().delete(account(profileId, slot));
}
