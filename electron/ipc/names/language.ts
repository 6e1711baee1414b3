/** The language channel's name, for the preload's allow-list (see ../channel-names.ts). */
export const LANGUAGE_CHANNELS = ['language.set'] as const;
