/**
 * The languages the assistant speaks, and which one a person gets: the one they chose in the app,
 * else the operating system's (Electron's app.getLocale(), given by platform/locale.ts), else English.
 */
import type { Language } from '../ipc/inputs/language';

export { language, type Language } from '../ipc/inputs/language';

/** A locale tag as the OS gives it ("ja", "ja-JP", "en-GB", "ja_JP.UTF-8") to a language the app speaks. */
export function languageOfLocale(locale: string | undefined): Language {
  return /^ja(?:$|[-_.])/i.test(locale?.trim() ?? '') ? 'ja' : 'en';
}

/** The person's choice wins; null means "follow the OS". */
export function effectiveLanguage(chosen: Language | null, osLocale: string | undefined): Language {
  return chosen ?? languageOfLocale(osLocale);
}
