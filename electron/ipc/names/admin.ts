/** The channel names of admin.ts in ../contracts, alone, for the preload's allow-list. */
export const ADMIN_CHANNELS = ['admin.deleteKey'] as const;
