/** The channel names of feedback.ts in ../contracts, alone, for the preload's allow-list. */
export const FEEDBACK_CHANNELS = [] as const;
