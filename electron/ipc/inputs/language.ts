/** The languages the assistant speaks, as the settings and the language channel accept them. */
import { z } from 'zod';

export const LANGUAGES = ['en', 'ja'] as const;
export const language = z.enum(LANGUAGES, { error: 'The assistant speaks English (en) or Japanese (ja).' });
export type Language = z.infer<typeof language>;

/** language.set: a language, or null to follow the operating system's again. */
export const languageSetInput = z.object({ language: language.nullable() }).strict();
