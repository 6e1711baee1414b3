/** The channel names of own-address.ts in ../contracts, alone, for the preload's allow-list. */
export const OWN_ADDRESS_CHANNELS = ['ownAddress.prepare', 'ownAddress.status'] as const;
