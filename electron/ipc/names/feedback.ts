/** The channel names of feedback.ts in ../contracts, alone, for the preload's allow-list. */
export const FEEDBACK_CHANNELS = [
  'feedback.status',
  'feedback.setup',
  'feedback.check',
  'feedback.list',
  'feedback.exportCsv',
  'feedback.summary',
] as const;
