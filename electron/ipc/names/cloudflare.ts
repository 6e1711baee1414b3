/** The channel names of cloudflare.ts in ../contracts, alone, for the preload's allow-list. */
export const CLOUDFLARE_CHANNELS = [] as const;
