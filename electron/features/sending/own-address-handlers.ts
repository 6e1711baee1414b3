/**
 * The test to the person's own address (Test send): where the address stands, and the verification
 * link when it needs one. The send itself is `send.test`, as for any test.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';
import { fail, toAssistantError } from '../../core/errors';
import { recordCreated } from '../../core/ledger';
import { setupRightsRemoved } from '../sending-user';
import { ownAddressState } from './own-address';

export function ownAddressHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'ownAddress.prepare' | 'ownAddress.status'> {
  const region = () => ctx.settings.get().region;
  const clients = () => ctx.clientsFor(undefined, region());

  return {
    'ownAddress.prepare': async ({ address }) => {
      const sendRegion = region();
      try {
        const state = await ownAddressState(await clients(), address, { sendLink: true });
        if (state.linkSent)
          await recordCreated(ctx, {
            kind: 'ses-identity',
            id: address,
            region: sendRegion,
            label: `Your address ${address}, verified to receive tests (${sendRegion})`,
          });
        ctx.log.info('own address: prepared', { reason: state.reason, linkSent: state.linkSent });
        return state;
      } catch (err) {
        return fail(
          setupRightsRemoved(ctx, err, 'verifying your address') ??
            toAssistantError(err, {
              region: sendRegion,
              doing: 'asking SES to verify your address (ses:VerifyEmailIdentity)',
            }),
        );
      }
    },

    'ownAddress.status': async ({ address }) => {
      try {
        return await ownAddressState(await clients(), address, { sendLink: false });
      } catch (err) {
        return fail(
          toAssistantError(err, { region: region(), doing: 'checking whether your address is verified' }),
        );
      }
    },
  };
}
