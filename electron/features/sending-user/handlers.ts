/**
 * The "create a sending user for me" path (renderer/features/sending-user/CreateUserForm.tsx), the
 * guided console path (policy JSON, CloudShell command) for people who do it themselves, and the
 * setup rights of the key once it exists (renderer/features/sending-user/SetupRightsCard.tsx).
 */
import type { ConnectionReport } from '../connection/types';
import type { ParsedInputOf } from '../../ipc/contract';
import type { Handlers } from '../../ipc/router';
import type { setupRightsContract } from '../../ipc/contracts/setup-rights';
import { cloudShellScript } from './cloudshell';
import type { ServiceContext } from '../../core/context';
import {
  buildSendingPolicy,
  buildSetupPolicy,
  SCRIPT_ACCOUNT,
  sendingRightsWords,
  SENDING_POLICY_NAME,
  SETUP_POLICY_NAME,
} from './policy';
import { changeSetupRights, setupRightsView } from './setup-rights';
import { rememberSendingUser } from './state';
import { createSendingUser, PENDING_KEY_SLOT, SENDING_USER_NAME } from './sending-user';
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
      await rememberSendingUser(ctx, report.profile.id, {
        accountId: created.accountId,
        userName: created.userName,
        selfRotation: selfRotation ?? false,
      });
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
      setupPolicyName: SETUP_POLICY_NAME,
      setupJson: JSON.stringify(buildSetupPolicy(), null, 2),
      keyMay: sendingRightsWords(),
    }),

    'sendingUser.cloudShell': async ({ fromAddress, selfRotation }) => ({
      command: cloudShellScript({
        userName: SENDING_USER_NAME,
        policies: [
          {
            name: SENDING_POLICY_NAME,
            // Sending scoped to the account the command runs in, which the script reads itself.
            document: buildSendingPolicy({ fromAddress, selfRotation, accountId: SCRIPT_ACCOUNT }),
          },
          { name: SETUP_POLICY_NAME, document: buildSetupPolicy() },
        ],
      }),
    }),
  };
}

export function setupRightsHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof setupRightsContract> {
  return {
    'setupRights.status': async () => setupRightsView(ctx),
    'setupRights.remove': async () => changeSetupRights(ctx, 'remove'),
    'setupRights.restore': async () => changeSetupRights(ctx, 'restore'),
  };
}
