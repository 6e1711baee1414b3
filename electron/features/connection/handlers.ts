/** The app's state and the "Connect AWS" step: connect with keys or a profile, test, forget. */
import type { AppState, ConnectionReport } from './types';
import type { Handlers } from '../../ipc/router';
import { credentialsFromInput } from '../../core/aws-clients';
import { listAwsProfiles } from '../../core/aws-profiles';
import { testConnection, type ConnectionFacts } from './connection';
import type { ServiceContext } from '../../core/context';
import { sessionOnlyStore } from '../../core/secret-store';
import type { ProfileRecord } from '../../core/settings';
import { maskKeyId } from '../../core/vault';
import { ALWAYS_ON_REGION, SES_REGIONS } from '../../core/facts/regions';
import { forgetConnection } from './forget';
import { effectiveLanguage } from '../../core/language';

const REGION_NAMES = Object.fromEntries(SES_REGIONS.map((r) => [r.code, r.name]));

type ConnectionChannels =
  | 'app.state'
  | 'wizard.goTo'
  | 'awsProfiles.list'
  | 'connection.connect'
  | 'connection.test'
  | 'keychain.useSessionOnly'
  | 'profiles.forget';

export function connectionHandlers(ctx: ServiceContext): Pick<Handlers, ConnectionChannels> {
  let lastReport: ConnectionReport | null = null;

  function state(): AppState {
    const s = ctx.settings.get();
    return {
      step: s.step,
      reached: [...s.reached],
      profiles: s.profiles.map((p) => ({ ...p })),
      activeProfileId: s.activeProfileId,
      region: s.region,
      keychainMode: ctx.secretStore().kind,
      notices: ctx.settings.takeNotices(),
      lastReport,
      regionNames: REGION_NAMES,
      language: effectiveLanguage(s.language, ctx.osLocale()),
      languageChosen: s.language !== null,
    };
  }

  function report(record: ProfileRecord, facts: ConnectionFacts): ConnectionReport {
    lastReport = {
      profile: { ...record },
      userName: facts.identity.userName,
      quota: facts.quota,
      sandbox: facts.sandbox,
      testedAt: ctx.clock().toISOString(),
    };
    return lastReport;
  }

  return {
    'app.state': async () => state(),

    'wizard.goTo': async ({ step }) => {
      await ctx.settings.update((s) => ({ ...s, step }));
      return state();
    },

    'awsProfiles.list': () => listAwsProfiles(ctx.awsFiles),

    'connection.connect': async (input) => {
      const source = credentialsFromInput(input, ctx.awsFiles);
      // Test first, store after: keys that do not work never reach the keychain or the settings.
      const facts = await testConnection(ctx.awsClients(input.region, source), () =>
        ctx.awsClients(ALWAYS_ON_REGION, source),
      );
      const existing = ctx.settings.get().profiles.find((p) =>
        // The same IAM user connected again (a new key, say) updates its connection rather than adding one.
        input.source === 'keys'
          ? p.credentialKind !== 'aws-profile' && p.arn === facts.identity.arn
          : p.awsProfileName === input.profileName,
      );
      const record: ProfileRecord = {
        id: existing?.id ?? ctx.newId(),
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
        connectedAt: ctx.clock().toISOString(),
      };
      if (source.kind === 'keys') await ctx.vault.saveKeys(record.id, source);
      await ctx.settings.update((s) => ({
        ...s,
        profiles: [...s.profiles.filter((p) => p.id !== record.id), record],
        activeProfileId: record.id,
        region: record.region,
        step: 'connected',
      }));
      ctx.log.info('connected', {
        profile: record.id,
        account: record.accountId,
        kind: record.credentialKind,
      });
      return report(record, facts);
    },

    'connection.test': async ({ profileId }) => {
      const record = ctx.profile(profileId);
      const credentials = await ctx.credentialsOf(record);
      const facts = await testConnection(await ctx.clientsFor(record.id), () =>
        ctx.awsClients(ALWAYS_ON_REGION, credentials),
      );
      return report(record, facts);
    },

    'keychain.useSessionOnly': async () => {
      if (ctx.secretStore().kind !== 'session-only') ctx.useSecretStore(sessionOnlyStore());
      ctx.log.info('keychain: session-only mode chosen');
      return state();
    },

    // Leaves nothing of the connection behind (forget.ts).
    'profiles.forget': async ({ profileId }) => {
      ctx.profile(profileId);
      await forgetConnection(ctx, profileId);
      if (!ctx.settings.get().profiles.length) await ctx.settings.update((s) => ({ ...s, step: 'connect' }));
      if (lastReport?.profile.id === profileId) lastReport = null;
      return state();
    },
  };
}
