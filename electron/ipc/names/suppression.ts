/** The channel names of suppression.ts in ../contracts, alone, for the preload's allow-list. */
export const SUPPRESSION_CHANNELS = [
  'suppression.settings',
  'suppression.turnOn',
  'suppression.list',
  'suppression.detail',
  'suppression.add',
  'suppression.remove',
  'suppression.alarms',
  'suppression.createAlarms',
] as const;
