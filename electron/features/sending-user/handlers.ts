/**
 * The "create a sending user for me" path and its admin session, the guided console path (policy
 * JSON, CloudShell command), and the ledger of what the app created.
 */
import type { ConnectionReport } from '../../ipc/contract';
import type { ParsedInputOf } from '../../ipc/contract';
import type { Handlers } from '../../ipc/router';
import type { AdminSummary } from '../connection/admin-session';
import { credentialsFromInput } from '../../core/aws-clients';
import { cloudShellScript } from './cloudshell';
import { whoAmI } from '../connection/connection';
import type { ServiceContext } from '../../core/context';
import { buildSendingPolicy } from './policy';
import { createSendingUser, PENDING_KEY_SLOT, SENDING_POLICY_NAME, SENDING_USER_NAME } from './sending-user';
import { waitUntilKeyWorks } from './wait-for-key';

type Channels =
  | 'admin.open'
  | 'admin.status'
  | 'admin.forget'
  | 'sendingUser.create'
  | 'sendingUser.policy'
  | 'sendingUser.cloudShell';

export function sendingUserHandlers(
  ctx: ServiceContext,
  deps: { connect: (input: ParsedInputOf<'connection.connect'>) => Promise<ConnectionReport> },
): Pick<Handlers, Channels> {
  return {
    'admin.open': async (input) => {
      const credentials = credentialsFromInput(input, ctx.awsFiles);
      // whoAmI refuses root credentials with an explanation, before anything is held.
      const identity = await whoAmI(ctx.awsClients(input.region, credentials));
      const summary: AdminSummary = {
        arn: identity.arn,
        accountId: identity.accountId,
        kind:
          input.source === 'profile'
            ? 'aws-profile'
            : input.accessKeyId.startsWith('ASIA')
              ? 'temporary'
              : 'long-term',
        since: ctx.clock().toISOString(),
      };
      ctx.admin.open(credentials, summary);
      ctx.log.info('admin session opened', { account: summary.accountId, kind: summary.kind });
      return summary;
    },

    'admin.status': async () => ctx.admin.summary(),

    'admin.forget': async () => {
      ctx.admin.forget();
      ctx.log.info('admin session forgotten');
      return null;
    },

    'sendingUser.create': async ({ region, fromAddress, selfRotation }) => {
      const created = await createSendingUser(ctx, { region, policy: { fromAddress, selfRotation } });
      ctx.emit('progress', { task: 'sending-user', message: 'Waiting until AWS accepts the new key…' });
      await waitUntilKeyWorks(ctx, region, created.keys);
      ctx.emit('progress', { task: 'sending-user', message: 'Testing the connection…' });
      const report = await deps.connect({ source: 'keys', ...created.keys, region });
      await ctx.vault.forget(PENDING_KEY_SLOT);
      // The assistant made this key just now: its age is known without asking AWS.
      await ctx.settings.update((s) => ({
        ...s,
        keyCreatedAt: { ...s.keyCreatedAt, [report.profile.id]: ctx.clock().toISOString() },
      }));
      return report;
    },

    'sendingUser.policy': async ({ fromAddress, selfRotation }) => ({
      userName: SENDING_USER_NAME,
      policyName: SENDING_POLICY_NAME,
      json: JSON.stringify(buildSendingPolicy({ fromAddress, selfRotation }), null, 2),
    }),

    'sendingUser.cloudShell': async ({ fromAddress, selfRotation }) => ({
      command: cloudShellScript({
        userName: SENDING_USER_NAME,
        policyName: SENDING_POLICY_NAME,
        policy: buildSendingPolicy({ fromAddress, selfRotation }),
      }),
    }),
  };
}
