/**
 * The services behind every IPC channel, put together from injected parts so the app, the CLI and
 * the tests run the very same code. No Electron here.
 */
import { randomUUID } from 'node:crypto';
import type { AppState, ConnectionReport, ProfileSummary } from '../ipc/contract';
import type { Handlers } from '../ipc/router';
import { createAwsClients, type AwsClients, type CredentialSource, type Endpoints } from './aws-clients';
import { testConnection } from './connection';
import { awsFiles, listAwsProfiles } from './aws-profiles';
import { fail } from './errors';
import type { Log } from './log';
import { sessionOnlyStore, type SecretStore } from './secret-store';
import type { ProfileRecord, SettingsStore } from './settings';
import { createVault, maskKeyId } from './vault';

export interface AssistantDeps {
  settings: SettingsStore;
  secretStore: SecretStore;
  log: Log;
  /** The person's home folder, where ~/.aws is looked for. */
  homeDir: string;
  env?: NodeJS.ProcessEnv;
  /** Advanced: custom AWS endpoints (moto, LocalStack). */
  awsEndpoints?: Endpoints;
  awsMaxAttempts?: number;
  clock?: () => Date;
  newId?: () => string;
}

export interface Assistant {
  handlers: Handlers;
  /** AWS clients for a saved connection, for services added by later steps. */
  clientsFor(profileId: string, region?: string): Promise<AwsClients>;
}

export function createAssistant(deps: AssistantDeps): Assistant {
  const clock = deps.clock ?? (() => new Date());
  const newId = deps.newId ?? (() => randomUUID());
  let secretStore = deps.secretStore;
  const vault = createVault(() => secretStore);
  let lastReport: ConnectionReport | null = null;
  const files = awsFiles(deps.homeDir, deps.env ?? process.env);

  const clients = (region: string, credentials: CredentialSource) =>
    createAwsClients({ region, credentials, endpoints: deps.awsEndpoints, maxAttempts: deps.awsMaxAttempts });

  function state(): AppState {
    const s = deps.settings.get();
    return {
      step: s.step,
      profiles: s.profiles.map(summary),
      activeProfileId: s.activeProfileId,
      region: s.region,
      keychainMode: secretStore.kind,
      notices: deps.settings.takeNotices(),
      lastReport,
    };
  }

  function profileRecord(profileId: string): ProfileRecord {
    const record = deps.settings.get().profiles.find((p) => p.id === profileId);
    if (!record) {
      fail({
        code: 'PROFILE_NOT_FOUND',
        title: 'That connection is not saved any more',
        explanation: 'It may have been removed in another window.',
        fix: 'Connect again with your keys or an AWS profile.',
        retryable: false,
      });
    }
    return record;
  }

  async function credentialsOf(record: ProfileRecord): Promise<CredentialSource> {
    if (record.credentialKind === 'aws-profile')
      return { kind: 'profile', name: record.awsProfileName ?? 'default', files };
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
  }

  async function saveProfile(record: ProfileRecord): Promise<void> {
    await deps.settings.update((s) => ({
      ...s,
      profiles: [...s.profiles.filter((p) => p.id !== record.id), record],
      activeProfileId: record.id,
      region: record.region,
      step: 'connected',
    }));
  }

  const handlers: Handlers = {
    'app.state': async () => state(),

    'wizard.goTo': async ({ step }) => {
      await deps.settings.update((s) => ({ ...s, step }));
      return state();
    },

    'awsProfiles.list': () => listAwsProfiles(files),

    'connection.connect': async (input) => {
      const source: CredentialSource =
        input.source === 'keys'
          ? {
              kind: 'keys',
              accessKeyId: input.accessKeyId,
              secretAccessKey: input.secretAccessKey,
              sessionToken: input.sessionToken,
            }
          : { kind: 'profile', name: input.profileName, files };
      // Test first, store after: keys that do not work never reach the keychain or the settings.
      const facts = await testConnection(clients(input.region, source));
      const existing = deps.settings
        .get()
        .profiles.find((p) =>
          input.source === 'keys'
            ? p.accessKeyIdMasked === maskKeyId(input.accessKeyId) && p.accountId === facts.identity.accountId
            : p.awsProfileName === input.profileName,
        );
      const record: ProfileRecord = {
        id: existing?.id ?? newId(),
        label: input.source === 'keys' ? facts.identity.userName : `AWS profile “${input.profileName}”`,
        credentialKind:
          input.source === 'profile'
            ? 'aws-profile'
            : input.accessKeyId.startsWith('ASIA')
              ? 'temporary'
              : 'long-term',
        awsProfileName: input.source === 'profile' ? input.profileName : undefined,
        accessKeyIdMasked: input.source === 'keys' ? maskKeyId(input.accessKeyId) : undefined,
        accountId: facts.identity.accountId,
        arn: facts.identity.arn,
        region: input.region,
        connectedAt: clock().toISOString(),
      };
      if (source.kind === 'keys') await vault.saveKeys(record.id, source);
      await saveProfile(record);
      deps.log.info('connected', {
        profile: record.id,
        account: record.accountId,
        kind: record.credentialKind,
      });
      lastReport = report(record, facts);
      return lastReport;
    },

    'connection.test': async ({ profileId }) => {
      const record = profileRecord(profileId);
      const facts = await testConnection(clients(record.region, await credentialsOf(record)));
      lastReport = report(record, facts);
      return lastReport;
    },

    'keychain.useSessionOnly': async () => {
      if (secretStore.kind !== 'session-only') secretStore = sessionOnlyStore();
      deps.log.info('keychain: session-only mode chosen');
      return state();
    },

    'profiles.forget': async ({ profileId }) => {
      profileRecord(profileId);
      await vault.forget(profileId);
      await deps.settings.update((s) => {
        const profiles = s.profiles.filter((p) => p.id !== profileId);
        return {
          ...s,
          profiles,
          activeProfileId: s.activeProfileId === profileId ? (profiles[0]?.id ?? null) : s.activeProfileId,
          step: profiles.length ? s.step : 'connect',
        };
      });
      if (lastReport?.profile.id === profileId) lastReport = null;
      return state();
    },
  };

  function report(
    record: ProfileRecord,
    facts: Awaited<ReturnType<typeof testConnection>>,
  ): ConnectionReport {
    return {
      profile: summary(record),
      userName: facts.identity.userName,
      quota: facts.quota,
      sandbox: facts.sandbox,
      testedAt: clock().toISOString(),
    };
  }

  return {
    handlers,
    async clientsFor(profileId, region) {
      const record = profileRecord(profileId);
      return clients(region ?? record.region, await credentialsOf(record));
    },
  };
}

function summary(record: ProfileRecord): ProfileSummary {
  return { ...record };
}
