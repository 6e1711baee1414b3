/** The channel names of handoff.ts in ../contracts, alone, for the preload's allow-list. */
export const HANDOFF_CHANNELS = [
  'handoff.prepare',
  'handoff.copy',
  'handoff.save',
  'handoff.mail',
  'handoff.stopWatching',
] as const;
