/**
 * The operating system's locale, which the assistant's language follows until the person chooses
 * one. Electron's app.getLocale() is only meaningful once the app is ready, so it is read each time.
 */
import type { App } from 'electron';

export function osLocale(app: Pick<App, 'getLocale'>): () => string {
  return () => app.getLocale();
}
