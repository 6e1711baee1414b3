/**
 * The Region and Sender screens' channels, and writing DNS records into Route 53: choose the SES
 * region (with the identities the account already has in each), verify a domain or an address,
 * poll its state, preview and publish Route 53 records with the admin session.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';
import { fail, toAssistantError } from '../../core/errors';
import { identityStatus, listIdentities, verifyDomain, verifyEmail } from './identities';
import { identityNames } from './identities';
import {
  REGION_ADVICE,
  REGION_CHANGE_WARNING,
  SES_REGIONS,
  findRegion,
  type SesRegion,
} from '../../core/facts/regions';
import { previewRoute53, publishRoute53 } from '../dns/route53';

type SenderChannels =
  | 'regions.list'
  | 'regions.choose'
  | 'identities.list'
  | 'identities.verifyDomain'
  | 'identities.verifyEmail'
  | 'identities.status'
  | 'route53.preview'
  | 'route53.publish';

export interface RegionView extends SesRegion {
  /** The identities the account has there; null when the region could not be asked in time. */
  identities: string[] | null;
}

export interface RegionListing {
  current: string;
  /** True once the person has chosen a region on the Region screen: a change then needs confirming. */
  chosen: boolean;
  advice: string;
  changeWarning: string;
  regions: RegionView[];
}

export interface RegionChoice {
  region: string;
  previous: string;
  changed: boolean;
  smtpHost: string;
}

/** How long one region may take to list its identities before it is shown as unknown. */
export const REGION_LOOKUP_TIMEOUT_MS = 8_000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function senderHandlers(
  ctx: ServiceContext,
  options: { regionTimeoutMs?: number } = {},
): Pick<Handlers, SenderChannels> {
  const region = () => ctx.settings.get().region;
  const clients = () => ctx.clientsFor(undefined, region());
  const mapped = <T>(doing: string, work: Promise<T>) =>
    work.catch((err: unknown) => fail(toAssistantError(err, { region: region(), doing })));

  return {
    'regions.list': async () => {
      const s = ctx.settings.get();
      // Every region at once, each bounded: one slow or refusing region must not hold up the screen.
      const regions = await Promise.all(
        SES_REGIONS.map(async (r): Promise<RegionView> => {
          const identities = await within(
            options.regionTimeoutMs ?? REGION_LOOKUP_TIMEOUT_MS,
            ctx.clientsFor(undefined, r.code).then(identityNames),
          ).catch(() => null);
          return { ...r, identities };
        }),
      );
      return {
        current: s.region,
        chosen: s.regionChosen,
        advice: REGION_ADVICE,
        changeWarning: REGION_CHANGE_WARNING,
        regions,
      };
    },

    'regions.choose': async ({ region: code, confirmChange }) => {
      const chosen = findRegion(code);
      if (!chosen)
        fail({
          code: 'REGION_UNKNOWN',
          title: 'SES is not offered in that region',
          explanation: 'The assistant knows every region where SES can be used, and this is not one of them.',
          fix: 'Choose a region from the list.',
          retryable: false,
        });
      const s = ctx.settings.get();
      const changed = s.region !== code;
      if (changed && s.regionChosen && !confirmChange)
        fail({
          code: 'REGION_CHANGE_NEEDS_CONFIRM',
          title: 'Changing the region starts over in SES',
          explanation: REGION_CHANGE_WARNING,
          fix: `Confirm the change to ${chosen.name} if you really want it, or keep ${s.region}.`,
          retryable: false,
        });
      await ctx.settings.update((cur) => ({
        ...cur,
        region: code,
        regionChosen: true,
        profiles: cur.profiles.map((p) => (p.id === cur.activeProfileId ? { ...p, region: code } : p)),
      }));
      ctx.log.info('region chosen', { region: code, changed });
      return { region: code, previous: s.region, changed, smtpHost: chosen.smtpHost };
    },

    'identities.list': async () => mapped('listing your verified senders', clients().then(listIdentities)),

    'identities.verifyDomain': async ({ domain, mailFromSubdomain }) =>
      mapped(
        'verifying your domain',
        clients().then((c) => verifyDomain(ctx, c, domain, mailFromSubdomain)),
      ),

    'identities.verifyEmail': async ({ address }) =>
      mapped(
        'verifying your address',
        clients().then((c) => verifyEmail(ctx, c, address)),
      ),

    'identities.status': async ({ identity }) =>
      mapped(
        'checking verification',
        clients().then((c) => identityStatus(c, identity)),
      ),

    'route53.preview': ({ domain }) => previewRoute53(ctx, domain),

    'route53.publish': ({ domain }) => publishRoute53(ctx, domain),
  };
}
