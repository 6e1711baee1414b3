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

const account = (profileId: string) => `${profileId}:aws-keys`;

export interface Vault {
  readonly store: () => SecretStore;
  saveKeys(profileId: string, keys: AwsKeys): Promise<void>;
  loadKeys(profileId: string): Promise<AwsKeys | null>;
  forget(profileId: string): Promise<void>;
}

/** `store` is a getter because the person may switch to session-only mode while the app runs. */
export function createVault(store: () => SecretStore): Vault {
  return {
    store,
    async saveKeys(profileId, keys) {
      const { accessKeyId, secretAccessKey, sessionToken } = keys;
      await store().set(account(profileId), JSON.stringify({ accessKeyId, secretAccessKey, sessionToken }));
    },
    async loadKeys(profileId) {
      const raw = await store().get(account(profileId));
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
      await store().delete(account(profileId));
    },
  };
}
