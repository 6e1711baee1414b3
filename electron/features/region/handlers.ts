/**
 * Choosing the SES region (renderer/features/region/RegionStep.tsx): every region with plain advice
 * and the identities the account already has there, and a change that needs confirming once made.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';
import { fail } from '../../core/errors';
import { REGION_ADVICE, REGION_CHANGE_WARNING, SES_REGIONS, findRegion } from '../../core/facts/regions';
import { identityNames } from '../../core/ses-identities';
import type { RegionView } from './types';

/** How long one region may take to list its identities before it is shown as unknown. */
export const REGION_LOOKUP_TIMEOUT_MS = 8_000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function regionHandlers(
  ctx: ServiceContext,
  options: { regionTimeoutMs?: number } = {},
): Pick<Handlers, 'regions.list' | 'regions.choose'> {
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
  };
}
