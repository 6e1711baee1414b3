/** The channel names of drafts.ts in ../contracts, alone, for the preload's allow-list. */
export const DRAFTS_CHANNELS = ['drafts.get', 'drafts.save'] as const;
