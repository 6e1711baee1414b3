import { describe, expect, it } from 'vitest';
import { keychainStore, sessionOnlyStore, type KeytarApi } from '../../../electron/core/secret-store';

const never = () => new Promise<never>(() => undefined);

describe('the keychain store', () => {
  it('gives up on a keychain that does not answer (a locked desktop keyring waiting for its password)', async () => {
    const hanging: KeytarApi = {
      getPassword: never,
      setPassword: never,
      deletePassword: never,
      findCredentials: never,
    };
    const store = keychainStore({ keytar: hanging, timeoutMs: 50 });
    await expect(store.get('x')).rejects.toMatchObject({
      assistantError: { code: 'KEYCHAIN_LOCKED', retryable: true },
    });
    await expect(store.set('x', 'secret')).rejects.toMatchObject({
      assistantError: { code: 'KEYCHAIN_LOCKED' },
    });
    await expect(store.accounts()).rejects.toMatchObject({ assistantError: { code: 'KEYCHAIN_LOCKED' } });
  });

  it('reports a keychain that fails as unavailable, offering the session-only mode, without the secret', async () => {
    const failing: KeytarApi = {
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: () => Promise.reject(new Error('org.freedesktop.DBus.Error.ServiceUnknown')),
      deletePassword: () => Promise.reject(new Error('x')),
      findCredentials: () => Promise.reject(new Error('x')),
    };
    const error = await keychainStore({ keytar: failing })
      .set('acct', 'the-secret-value')
      .catch((e) => e.assistantError);
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.fix).toMatch(/session only/);
    expect(JSON.stringify(error)).not.toContain('the-secret-value');
  });

  it('keeps session-only secrets in memory, per store', async () => {
    const a = sessionOnlyStore();
    await a.set('k', 'v');
    expect(await a.get('k')).toBe('v');
    expect(await sessionOnlyStore().get('k')).toBeNull();
    expect(await a.delete('k')).toBe(true);
    expect(await a.get('k')).toBeNull();
  });
});
