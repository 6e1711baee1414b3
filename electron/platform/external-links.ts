/**
 * The one place the app opens anything in the person's browser. Only https links to an allow-list
 * of documentation and AWS console hosts pass; anything else is dropped silently.
 * (electronegativity's OPEN_EXTERNAL review note is accepted for this file only: see
 * scripts/electronegativity-gate.mjs.)
 */
import { shell } from 'electron';
import { isAllowedExternalUrl } from './origin';

export function openDocumentationLink(url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}
