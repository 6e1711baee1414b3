/**
 * The services behind every IPC channel, put together from injected parts so the app, the CLI and
 * the tests run the very same code. No Electron here. Each area of the assistant keeps its
 * handlers in its own module; this file builds the shared context and merges them.
 */
import { randomUUID } from 'node:crypto';
import type { EventName, ProgressEvent } from './core/events';
import type { Handlers } from './ipc/router';
import { createAwsClients, type AwsClients, type CredentialSource, type Endpoints } from './core/aws-clients';
import { awsFiles } from './core/aws-profiles';
import { adminHandlers } from './features/connection/admin-handlers';
import { connectionHandlers } from './features/connection/handlers';
import { dashboardHandlers } from './features/dashboard/handlers';
import { dnsHandlers } from './features/dns/handlers';
import { identityHandlers } from './features/identities/handlers';
import { ledgerHandlers } from './features/ledger/handlers';
import { notificationHandlers } from './features/notifications/handlers';
import { regionHandlers } from './features/region/handlers';
import { rotationHandlers } from './features/rotation/handlers';
import { sandboxHandlers } from './features/sandbox/handlers';
import { sendHandlers } from './features/sending/handlers';
import { smtpHandlers } from './features/sending/smtp-handlers';
import { ownAddressHandlers } from './features/sending/own-address-handlers';
import { sendingUserHandlers, setupRightsHandlers } from './features/sending-user/handlers';
import { wizardHandlers } from './features/wizard/handlers';
import { cloudflareHandlers } from './features/cloudflare/handlers';
import { handoffHandlers } from './features/handoff/handlers';
import { feedbackHandlers } from './features/feedback/handlers';
import { suppressionHandlers } from './features/suppression/handlers';
import type { PeerOverrides, ServiceContext } from './core/context';
import { languageHandlers } from './features/language/handlers';
import { fail } from './core/errors';
import type { Log } from './core/log';
import type { SecretStore } from './core/secret-store';
import type { ProfileRecord, SettingsStore } from './core/settings';
import { createVault } from './core/vault';
import { createAdminSession } from './core/admin-session';
import { countingAdminUses } from './core/admin-uses';
import {
  memoryClipboard,
  recordingLinks,
  recordingNotifier,
  recordingSaveFile,
  type ClipboardPort,
  type NotifierPort,
  type OpenExternalPort,
  type SaveFilePort,
} from './core/ports';

export interface AssistantDeps {
  settings: SettingsStore;
  /** The operating system's locale (platform/locale.ts in the app); English elsewhere unless given. */
  osLocale?: () => string;
  secretStore: SecretStore;
  log: Log;
  /** The person's home folder, where ~/.aws is looked for. */
  homeDir: string;
  env?: NodeJS.ProcessEnv;
  /** Advanced: custom AWS endpoints (moto, LocalStack). */
  awsEndpoints?: Endpoints;
  awsMaxAttempts?: number;
  /** Tests: a shorter wait per AWS request than the factory's 20 s (a silent peer). */
  awsRequestTimeoutMs?: number;
  peers?: PeerOverrides;
  clock?: () => Date;
  newId?: () => string;
  emit?: (event: EventName, payload: ProgressEvent) => void;
  /** Electron's clipboard and notifications in the app; recording stand-ins elsewhere. */
  clipboard?: ClipboardPort;
  notifier?: NotifierPort;
  /** Electron's shell.openExternal behind the allow-list in the app; a recorder elsewhere. */
  openExternal?: OpenExternalPort;
  /** Electron's save dialog in the app; a recorder elsewhere (nothing is written). */
  saveFile?: SaveFilePort;
}

export interface Assistant {
  handlers: Handlers;
  context: ServiceContext;
}

export function createAssistant(deps: AssistantDeps): Assistant {
  let secretStore = deps.secretStore;
  const vault = createVault(() => secretStore);

  const clientCache = new Map<string, AwsClients>();
  const context: ServiceContext = {
    settings: deps.settings,
    osLocale: deps.osLocale ?? (() => 'en'),
    log: deps.log,
    clock: deps.clock ?? (() => new Date()),
    newId: deps.newId ?? (() => randomUUID()),
    vault,
    secretStore: () => secretStore,
    useSecretStore: (store) => void (secretStore = store),
    awsEndpoints: deps.awsEndpoints,
    awsMaxAttempts: deps.awsMaxAttempts,
    awsFiles: awsFiles(deps.homeDir, deps.env ?? process.env),
    peers: deps.peers ?? {},
    awsClients: (region: string, credentials: CredentialSource): AwsClients =>
      createAwsClients({
        region,
        credentials,
        endpoints: deps.awsEndpoints,
        maxAttempts: deps.awsMaxAttempts,
        requestTimeoutMs: deps.awsRequestTimeoutMs,
      }),
    profile(profileId) {
      const s = deps.settings.get();
      const id = profileId ?? s.activeProfileId;
      const record = s.profiles.find((p) => p.id === id);
      if (!record) {
        fail({
          code: id ? 'PROFILE_NOT_FOUND' : 'NOT_CONNECTED',
          title: id ? 'That connection is not saved any more' : 'AWS is not connected yet',
          explanation: id
            ? 'It may have been removed in another window.'
            : 'This step needs your AWS account.',
          fix: 'Connect again with your keys or an AWS profile.',
          retryable: false,
        });
      }
      return record;
    },
    async credentialsOf(record: ProfileRecord): Promise<CredentialSource> {
      if (record.credentialKind === 'aws-profile')
        return { kind: 'profile', name: record.awsProfileName ?? 'default', files: context.awsFiles };
      const keys = await vault.loadKeys(record.id);
      if (!keys) {
        fail({
          code: 'KEYS_MISSING',
          title: 'The keys for this connection are gone from the keychain',
          explanation:
            secretStore.kind === 'session-only'
              ? 'Keys kept for one session only are forgotten when the app quits.'
              : 'They may have been removed from the system keychain.',
          fix: 'Connect again and paste the keys.',
          retryable: false,
        });
      }
      return { kind: 'keys', ...keys };
    },
    async clientsFor(profileId, region) {
      const record = context.profile(profileId);
      const credentials = await context.credentialsOf(record);
      // Reused while the connection, region and key stay the same, so calls share open HTTPS connections.
      const key = [
        record.id,
        region ?? record.region,
        credentials.kind === 'keys'
          ? credentials.accessKeyId
          : credentials.kind === 'profile'
            ? credentials.name
            : credentials.kind,
      ].join('|');
      let clients = clientCache.get(key);
      if (!clients) {
        clients = context.awsClients(region ?? record.region, credentials);
        clientCache.set(key, clients);
      }
      return clients;
    },
    evictClients(profileId) {
      for (const key of clientCache.keys()) if (key.startsWith(`${profileId}|`)) clientCache.delete(key);
    },
    admin: createAdminSession({ clock: deps.clock }),
    clipboard: deps.clipboard ?? memoryClipboard(),
    openExternal: deps.openExternal ?? recordingLinks(),
    notifier: deps.notifier ?? recordingNotifier(),
    saveFile: deps.saveFile ?? recordingSaveFile(),
    emit: deps.emit ?? (() => undefined),
  };

  // Each feature contributes the channels of its screen; together they cover the whole contract.
  const connection = connectionHandlers(context);
  const rotation = rotationHandlers(context);
  const merged: Handlers = {
    ...wizardHandlers(context),
    ...languageHandlers(context, { state: connection['app.state'] }),
    ...connection,
    ...adminHandlers(context),
    ...sendingUserHandlers(context, { connect: connection['connection.connect'] }),
    ...setupRightsHandlers(context),
    ...regionHandlers(context),
    ...identityHandlers(context),
    ...dnsHandlers(context),
    ...sendHandlers(context),
    ...smtpHandlers(context),
    ...ownAddressHandlers(context),
    ...notificationHandlers(context),
    ...sandboxHandlers(context),
    ...dashboardHandlers(context, { keyStatus: () => rotation['rotation.status']({}) }),
    ...rotation,
    ...ledgerHandlers(context),
    ...cloudflareHandlers(context),
    ...handoffHandlers(context),
    ...feedbackHandlers(context),
    ...suppressionHandlers(context),
  };
  // Only a change the person asked for keeps admin access open; every other channel is a read of it.
  const handlers = countingAdminUses(merged, context.admin);
  return { handlers, context };
}
