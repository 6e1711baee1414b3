/**
 * The "create a sending user for me" path (renderer/features/sending-user/CreateUserForm.tsx) and
 * the guided console path (policy JSON, CloudShell command) for people who do it themselves.
 */
import type { ConnectionReport } from '../connection/types';
import type { ParsedInputOf } from '../../ipc/contract';
import type { Handlers } from '../../ipc/router';
import { cloudShellScript } from './cloudshell';
import type { ServiceContext } from '../../core/context';
import { buildSendingPolicy } from './policy';
import { createSendingUser, PENDING_KEY_SLOT, SENDING_POLICY_NAME, SENDING_USER_NAME } from './sending-user';
import { waitUntilKeyWorks } from '../../core/wait-for-key';

type Channels = 'sendingUser.create' | 'sendingUser.policy' | 'sendingUser.cloudShell';

export function sendingUserHandlers(
  ctx: ServiceContext,
  deps: { connect: (input: ParsedInputOf<'connection.connect'>) => Promise<ConnectionReport> },
): Pick<Handlers, Channels> {
  return {
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
