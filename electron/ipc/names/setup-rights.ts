/** The channel names of setup-rights.ts in ../contracts, alone, for the preload's allow-list. */
export const SETUP_RIGHTS_CHANNELS = [
  'setupRights.status',
  'setupRights.remove',
  'setupRights.restore',
] as const;
