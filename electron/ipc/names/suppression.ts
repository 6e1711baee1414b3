/** The channel names of suppression.ts in ../contracts, alone, for the preload's allow-list. */
export const SUPPRESSION_CHANNELS = [] as const;
