/**
 * The credential vault: AWS keys per saved connection, kept in a SecretStore. Only masked forms
 * (AKIA…WXYZ) ever leave it; the secret itself goes from here straight into an AWS client.
 */
import type { SecretStore } from './secret-store';

export interface AwsKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** "AKIAIOSFODNN7EXAMPLE" → "AKIA…MPLE": enough to recognise a key, useless to anyone else. */
export function maskKeyId(accessKeyId: string): string {
  return accessKeyId.length <= 8 ? '••••' : `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

/**
 * Where a connection's keys rest: its key, and beside it the two a rotation uses while it runs
 * ("pending", the new key; "previous", the old one until it is deleted; rotation/key-slots.ts).
 */
export const keysAccount = (profileId: string, slot?: 'pending' | 'previous') =>
  `${profileId}:aws-keys${slot ? `-${slot}` : ''}`;

export interface Vault {
  readonly store: () => SecretStore;
  saveKeys(profileId: string, keys: AwsKeys): Promise<void>;
  loadKeys(profileId: string): Promise<AwsKeys | null>;
  /** Deletes the connection's key and a rotation's two beside it. */
  forget(profileId: string): Promise<void>;
  /**
   * Deletes every entry of the store that holds one of these access keys, under whatever name:
   * once AWS has deleted a key, no copy of it is worth keeping. Returns the accounts deleted.
   */
  forgetKeys(accessKeyIds: ReadonlySet<string>): Promise<string[]>;
}

function keyIdIn(raw: string | null): string | null {
  try {
    const parsed = JSON.parse(raw ?? '') as Partial<AwsKeys>;
    return typeof parsed.accessKeyId === 'string' ? parsed.accessKeyId : null;
  } catch {
    return null;
  }
}

/** `store` is a getter because the person may switch to session-only mode while the app runs. */
export function createVault(store: () => SecretStore): Vault {
  return {
    store,
    async saveKeys(profileId, keys) {
      const { accessKeyId, secretAccessKey, sessionToken } = keys;
      await store().set(
        keysAccount(profileId),
        JSON.stringify({ accessKeyId, secretAccessKey, sessionToken }),
      );
    },
    async loadKeys(profileId) {
      const raw = await store().get(keysAccount(profileId));
      if (!raw) return null;
      try {
        const parsed = JSON.parse(raw) as AwsKeys;
        return typeof parsed.accessKeyId === 'string' && typeof parsed.secretAccessKey === 'string'
          ? parsed
          : null;
      } catch {
        return null;
      }
    },
    async forget(profileId) {
      for (const slot of [undefined, 'pending', 'previous'] as const)
        await store().delete(keysAccount(profileId, slot));
    },
    async forgetKeys(accessKeyIds) {
      const deleted: string[] = [];
      if (!accessKeyIds.size) return deleted;
      for (const name of await store().accounts()) {
        const keyId = keyIdIn(await store().get(name));
        if (keyId && accessKeyIds.has(keyId) && (await store().delete(name))) deleted.push(name);
      }
      return deleted;
    },
  };
}
