/**
 * What the assistant remembers about Cloudflare in settings (never the token): for each domain, the
 * zone its token opens and the other zones the person agreed it may reach. The token itself rests in
 * the keychain under the zone's name.
 */
import { z } from 'zod';
import type { ServiceContext } from '../../core/context';
import { featureState } from '../../core/feature-state';

const zoneInfo = z.object({ id: z.string(), name: z.string(), status: z.string() });

const schema = z.object({
  domains: z
    .record(
      z.string(),
      z.object({
        zone: zoneInfo,
        otherZones: z.number().default(0),
        /** The other zones the token reaches, which the person confirmed by name. */
        otherZoneNames: z.array(z.string()).default([]),
      }),
    )
    .default({}),
});

export const cloudflareState = (ctx: ServiceContext) =>
  featureState(ctx.settings, 'cloudflare', schema, () => ({ domains: {} }));

/** The keychain account of the token for a zone. */
export const tokenAccount = (zoneName: string) => `cloudflare:${zoneName}`;

export async function loadToken(ctx: ServiceContext, zoneName: string): Promise<string | null> {
  return ctx.secretStore().get(tokenAccount(zoneName));
}
