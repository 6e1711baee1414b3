/**
 * Admin access, for a moment (renderer/components/AdminAccess.tsx): an administrator's key held in
 * memory only, for the steps the sending user may not do (creating it, Route 53, SNS topics).
 *
 * Before anything is held, the keys are checked: not the root user's (whoAmI), and allowed to do
 * what the assistant needs (admin-rights.ts) — refused with ADMIN_MISSING_RIGHTS when they may do
 * none of it, opened with `limits` naming the steps that will not work when some is missing.
 * Keys from an AWS profile are read from ~/.aws once, here, and the copy is what the session holds.
 * The session forgets them on its own (core/admin-session.ts): 15 minutes unused, 60 at most.
 * A long-term key made just for this can delete itself once setup is done (admin-key.ts).
 */
import type { Handlers } from '../../ipc/router';
import { credentialsFromInput, type AwsFiles, type CredentialSource } from '../../core/aws-clients';
import type { ServiceContext } from '../../core/context';
import { whoAmI } from './connection';
import { checkAdminRights } from './admin-rights';
import { deleteOwnAdminKey } from './admin-key';
import { ALWAYS_ON_REGION } from '../../core/facts/regions';

/**
 * Resolves an AWS profile into keys once (the SDK's fromIni, reading the files afresh): the session
 * then holds that copy in memory instead of reading ~/.aws again on every call. `expiresBy` is set
 * for profiles that give temporary keys (SSO, an assumed role).
 */
export async function profileKeysOnce(
  profileName: string,
  files: AwsFiles,
): Promise<{ credentials: CredentialSource; expiresBy: Date | null }> {
  const { fromIni } = await import('@aws-sdk/credential-providers');
  const resolved = await fromIni({
    profile: profileName,
    filepath: files.credentials,
    configFilepath: files.config,
    ignoreCache: true,
  })();
  return {
    credentials: {
      kind: 'keys',
      accessKeyId: resolved.accessKeyId,
      secretAccessKey: resolved.secretAccessKey,
      sessionToken: resolved.sessionToken,
    },
    expiresBy: resolved.expiration ?? null,
  };
}

export function adminHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'admin.open' | 'admin.status' | 'admin.forget' | 'admin.deleteKey'> {
  return {
    'admin.open': async (input) => {
      const { credentials, expiresBy } =
        input.source === 'profile'
          ? await profileKeysOnce(input.profileName, ctx.awsFiles)
          : { credentials: credentialsFromInput(input, ctx.awsFiles), expiresBy: null };
      const clients = ctx.awsClients(input.region, credentials);
      // whoAmI refuses root credentials with an explanation, before anything is held.
      const identity = await whoAmI(clients);
      const rights = await checkAdminRights(await clients.iam(), identity.arn, {
        region: input.region,
        log: (why) => ctx.log.info('admin rights: simulator not used', { why }),
      });
      ctx.admin.open(
        credentials,
        {
          arn: identity.arn,
          accountId: identity.accountId,
          kind:
            input.source === 'profile'
              ? 'aws-profile'
              : input.accessKeyId.startsWith('ASIA')
                ? 'temporary'
                : 'long-term',
          limits: rights.limits,
          rightsCheck: rights.rightsCheck,
        },
        { expiresBy },
      );
      ctx.log.info('admin session opened', {
        account: identity.accountId,
        kind: input.source === 'profile' ? 'aws-profile' : 'keys',
        rightsCheck: rights.rightsCheck,
        limits: rights.limits.map((l) => l.feature),
      });
      return ctx.admin.summary()!;
    },

    'admin.status': async () => ctx.admin.summary(),

    'admin.forget': async () => {
      ctx.admin.forget('person');
      ctx.log.info('admin session forgotten');
      return null;
    },

    // IAM is global: any region reaches it; the always-on region is switched on in every account.
    'admin.deleteKey': async () =>
      deleteOwnAdminKey({
        admin: ctx.admin,
        clientsFor: (credentials) => ctx.awsClients(ALWAYS_ON_REGION, credentials),
        log: ctx.log,
      }),
  };
}
