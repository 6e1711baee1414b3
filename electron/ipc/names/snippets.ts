/** The channel names of snippets.ts in ../contracts, alone, for the preload's allow-list. */
export const SNIPPETS_CHANNELS = ['snippets.list', 'snippets.copyEnv'] as const;
