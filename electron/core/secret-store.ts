/**
 * Where secrets rest. The OS keychain (keytar: macOS Keychain, Windows Credential Manager, the
 * Secret Service on Linux) is the only place a secret is written. When no keychain answers, the
 * person may choose a session-only store that keeps keys in memory until the app quits; there is
 * deliberately no file fallback.
 */
import { fail } from './errors';

export const KEYCHAIN_SERVICE = 'ses-setup-assistant';

export interface SecretStore {
  readonly kind: 'keychain' | 'session-only';
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** The accounts the app holds in the store: their names only, so leftovers can be found and deleted. */
  accounts(): Promise<string[]>;
}

export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

function keychainUnavailable(reason: 'missing' | 'timeout'): never {
  return fail({
    code: reason === 'timeout' ? 'KEYCHAIN_LOCKED' : 'KEYCHAIN_UNAVAILABLE',
    title: reason === 'timeout' ? 'The keychain did not answer' : 'No keychain was found on this computer',
    explanation:
      reason === 'timeout'
        ? 'Your system keychain may be locked and waiting for its password in another window.'
        : 'The assistant keeps AWS keys only in the system keychain, and none is running (on Linux this is GNOME Keyring or KWallet).',
    fix:
      reason === 'timeout'
        ? 'Unlock your keychain and try again, or keep the keys for this session only (they are forgotten when the app quits).'
        : 'Install or start a keychain (on Linux: gnome-keyring), or keep the keys for this session only (they are forgotten when the app quits).',
    retryable: true,
  });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('keychain timeout')), ms);
  });
  return Promise.race([work, timeout])
    .catch((err: Error) => keychainUnavailable(err.message === 'keychain timeout' ? 'timeout' : 'missing'))
    .finally(() => clearTimeout(timer));
}

/** The keychain store. keytar is loaded on first use so that start-up does not pay for it. */
export function keychainStore(
  options: {
    timeoutMs?: number;
    service?: string;
    /** For tests: a stand-in for keytar. */ keytar?: KeytarApi;
  } = {},
): SecretStore {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const service = options.service ?? KEYCHAIN_SERVICE;
  let api: Promise<KeytarApi> | undefined = options.keytar ? Promise.resolve(options.keytar) : undefined;
  const keytar = (): Promise<KeytarApi> => {
    api ??= import('keytar').then((mod) => ((mod as { default?: KeytarApi }).default ?? mod) as KeytarApi);
    return api;
  };
  return {
    kind: 'keychain',
    get: (account) =>
      withTimeout(
        keytar().then((k) => k.getPassword(service, account)),
        timeoutMs,
      ),
    set: (account, secret) =>
      withTimeout(
        keytar().then((k) => k.setPassword(service, account, secret)),
        timeoutMs,
      ),
    delete: (account) =>
      withTimeout(
        keytar().then((k) => k.deletePassword(service, account)),
        timeoutMs,
      ),
    accounts: () =>
      withTimeout(
        keytar().then(async (k) => (await k.findCredentials(service)).map((c) => c.account)),
        timeoutMs,
      ),
  };
}

/** Keys held in this process only, forgotten at quit. Chosen explicitly by the person. */
export function sessionOnlyStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    kind: 'session-only',
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => void secrets.set(account, secret),
    delete: async (account) => secrets.delete(account),
    accounts: async () => [...secrets.keys()],
  };
}
