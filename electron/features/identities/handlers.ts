/**
 * The Sender screen's channels: verify a domain or an address in the chosen region, and poll its
 * state until SES has found the DNS records (renderer/features/identities/IdentityStep.tsx). The DNS
 * screen sets a domain's MAIL FROM when SES does not use one yet (identities.setMailFrom).
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';
import { fail, toAssistantError } from '../../core/errors';
import { identityStatus, listIdentities, setMailFrom, verifyDomain, verifyEmail } from './identities';
import { setupRightsRemoved } from '../sending-user';

type IdentityChannels =
  | 'identities.list'
  | 'identities.verifyDomain'
  | 'identities.setMailFrom'
  | 'identities.verifyEmail'
  | 'identities.status';

export function identityHandlers(ctx: ServiceContext): Pick<Handlers, IdentityChannels> {
  const region = () => ctx.settings.get().region;
  const clients = () => ctx.clientsFor(undefined, region());
  const mapped = <T>(doing: string, work: Promise<T>) =>
    work.catch((err: unknown) => fail(toAssistantError(err, { region: region(), doing })));
  // A setup step refused because the setup rights were taken away on purpose says so.
  const setupStep = <T>(doing: string, work: Promise<T>) =>
    work.catch((err: unknown) =>
      fail(setupRightsRemoved(ctx, err, doing) ?? toAssistantError(err, { region: region(), doing })),
    );

  return {
    'identities.list': async () => mapped('listing your verified senders', clients().then(listIdentities)),

    'identities.verifyDomain': async ({ domain, mailFromSubdomain }) =>
      setupStep(
        'verifying your domain',
        clients().then((c) => verifyDomain(ctx, c, domain, mailFromSubdomain)),
      ),

    'identities.setMailFrom': async ({ domain, mailFromSubdomain }) =>
      setupStep(
        'telling SES to use your MAIL FROM domain',
        clients().then((c) => setMailFrom(c, domain, mailFromSubdomain)),
      ),

    'identities.verifyEmail': async ({ address }) =>
      setupStep(
        'verifying your address',
        clients().then((c) => verifyEmail(ctx, c, address)),
      ),

    'identities.status': async ({ identity }) =>
      mapped(
        'checking verification',
        clients().then((c) => identityStatus(c, identity)),
      ),
  };
}
