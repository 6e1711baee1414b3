/**
 * The SMTP screen's channels: the region's SMTP settings, copying the user name or password through
 * the main process's clipboard, the one explicit "show the password" channel, a real login test, and
 * the code snippets for the person's own apps with their .env (copied, with the password, here).
 *
 * The password is derived here, in the main process, from the secret held in the keychain, each
 * time it is needed; it is never stored and never logged. `smtp.revealPassword` is the single
 * channel whose result carries a secret (see the README's "SMTP credentials"): the person asked to
 * see it with an explicit click, and the renderer hides it again.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';
import { AssistantFailure, fail, SMTP_LOGIN_TEST, toAssistantError } from '../../core/errors';
import type { ProfileRecord } from '../../core/settings';
import {
  deriveSmtpPassword,
  smtpEndpoint,
  testSmtpLogin,
  type SmtpSettings,
  ALTERNATE_SMTP_PORTS,
} from './smtp';
import { buildEnvFile, buildSnippets } from './snippets';
import { listSenders } from './test-send';

type Channels =
  | 'smtp.settings'
  | 'smtp.copy'
  | 'smtp.revealPassword'
  | 'smtp.testLogin'
  | 'snippets.list'
  | 'snippets.copyEnv';

/** Why this connection cannot have an SMTP password, or null when it can. */
function unavailableReason(record: ProfileRecord): string | null {
  if (record.credentialKind === 'aws-profile')
    return 'SMTP passwords can only be made for access keys the assistant keeps. This connection uses an AWS profile, whose secret stays in your AWS files. Connect with the sending user’s access key (or let the assistant create a sending user) to get SMTP settings.';
  if (record.credentialKind === 'temporary')
    return 'SMTP needs a long-term access key (starting with AKIA). This connection uses temporary keys, which SES does not accept for SMTP. Connect with the sending user’s long-term access key to get SMTP settings.';
  return null;
}

interface SmtpCredentials {
  region: string;
  userName: string;
  password: string;
}

export function smtpHandlers(ctx: ServiceContext): Pick<Handlers, Channels> {
  async function credentials(profileId?: string): Promise<SmtpCredentials> {
    const record = ctx.profile(profileId);
    const reason = unavailableReason(record);
    if (reason) {
      fail({
        code: 'SMTP_NEEDS_KEPT_KEY',
        title: 'No SMTP password can be made for this connection',
        explanation: reason,
        fix: 'Go back to “Connect AWS” and paste the sending user’s access key ID and secret access key.',
        retryable: false,
      });
    }
    const source = await ctx.credentialsOf(record);
    if (source.kind !== 'keys') fail({ ...NOT_KEYS });
    return {
      region: record.region,
      userName: source.accessKeyId,
      password: deriveSmtpPassword(source.secretAccessKey, record.region),
    };
  }

  /** A verified address, or noreply@ a verified domain, for the snippets' From; a placeholder otherwise. */
  async function snippetSender(record: ProfileRecord): Promise<string> {
    try {
      const senders = (await listSenders(await ctx.clientsFor(record.id))).filter((s) => s.verified);
      const address = senders.find((s) => s.kind === 'address');
      const domain = senders.find((s) => s.kind === 'domain');
      return address?.identity ?? (domain ? `noreply@${domain.identity}` : PLACEHOLDER_SENDER);
    } catch (err) {
      // The snippets are still useful with a placeholder sender the person replaces.
      ctx.log.info('snippets: senders not read', { code: toAssistantError(err).code });
      return PLACEHOLDER_SENDER;
    }
  }

  return {
    'smtp.settings': async ({ profileId }): Promise<SmtpSettings> => {
      const record = ctx.profile(profileId);
      const reason = unavailableReason(record);
      const keysHeld = reason ? false : (await ctx.vault.loadKeys(record.id)) !== null;
      return {
        region: record.region,
        ...smtpEndpoint(record.region),
        alternatePorts: ALTERNATE_SMTP_PORTS,
        userNameMasked: record.accessKeyIdMasked ?? null,
        passwordAvailable: !reason && keysHeld,
        ...(reason
          ? { unavailableReason: reason }
          : keysHeld
            ? {}
            : {
                unavailableReason:
                  'The keys of this connection are no longer in the keychain, so no SMTP password can be made. Connect again and paste the keys.',
              }),
      };
    },

    'smtp.copy': async ({ what, profileId }) => {
      const creds = await credentials(profileId);
      if (what === 'password') ctx.clipboard.writeSecret(creds.password);
      else ctx.clipboard.writeText(creds.userName);
      ctx.log.info('smtp: copied to the clipboard', { what });
      return { copied: true };
    },

    // The single IPC result that carries a secret: asked for with an explicit click (confirm: true).
    'smtp.revealPassword': async ({ profileId }) => {
      const { password } = await credentials(profileId);
      ctx.log.info('smtp: password shown on screen');
      return { password };
    },

    'snippets.list': async ({ profileId }) => {
      const record = ctx.profile(profileId);
      return buildSnippets({
        region: record.region,
        smtpHost: smtpEndpoint(record.region).host,
        from: await snippetSender(record),
        ...(record.accessKeyIdMasked ? { keyIdMasked: record.accessKeyIdMasked } : {}),
      });
    },

    // The .env with the SMTP secret, written to the clipboard here: only "copied" crosses IPC.
    'snippets.copyEnv': async ({ profileId }) => {
      const creds = await credentials(profileId);
      ctx.clipboard.writeSecret(
        buildEnvFile({
          region: creds.region,
          smtpHost: smtpEndpoint(creds.region).host,
          smtpUser: creds.userName,
          smtpPassword: creds.password,
        }),
      );
      ctx.log.info('snippets: .env with the SMTP password copied to the clipboard');
      return { copied: true };
    },

    'smtp.testLogin': async ({ profileId, port }) => {
      const creds = await credentials(profileId);
      const chosen = port ?? 587;
      ctx.emit('progress', {
        task: 'smtp.testLogin',
        message: `Logging in to the SES mail server on port ${chosen}…`,
      });
      try {
        const result = await testSmtpLogin({ ...creds, port: chosen, peer: ctx.peers.smtp });
        ctx.log.info('smtp: login test passed', { port: chosen, tookMs: result.tookMs });
        return result;
      } catch (err) {
        const error = toAssistantError(err, { region: creds.region, doing: SMTP_LOGIN_TEST });
        ctx.log.info('smtp: login test failed', { port: chosen, code: error.code });
        throw new AssistantFailure(error);
      }
    },
  };
}

const PLACEHOLDER_SENDER = 'you@example.com';

const NOT_KEYS = {
  code: 'SMTP_NEEDS_KEPT_KEY',
  title: 'No SMTP password can be made for this connection',
  explanation: 'SMTP passwords can only be made for access keys the assistant keeps.',
  fix: 'Connect with the sending user’s access key ID and secret access key.',
  retryable: false,
} as const;
