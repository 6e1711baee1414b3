/** The channel names of cloudflare.ts in ../contracts, alone, for the preload's allow-list. */
export const CLOUDFLARE_CHANNELS = [
  'cloudflare.status',
  'cloudflare.openTokenPage',
  'cloudflare.connect',
  'cloudflare.forget',
  'cloudflare.preview',
  'cloudflare.write',
] as const;
