/**
 * Admin access, for a moment (renderer/components/AdminAccess.tsx): an administrator's key held in
 * memory only, for the steps the sending user may not do (creating it, Route 53, SNS topics).
 */
import type { Handlers } from '../../ipc/router';
import type { AdminSummary } from '../../core/admin-session';
import { credentialsFromInput } from '../../core/aws-clients';
import type { ServiceContext } from '../../core/context';
import { whoAmI } from './connection';

export function adminHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'admin.open' | 'admin.status' | 'admin.forget'> {
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
  };
}
