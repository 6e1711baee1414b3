/**
 * The one place the app opens anything in the person's browser or mail app. Only https links to an
 * allow-list of documentation and AWS console hosts pass, and mail drafts with nothing but a
 * subject and a body; anything else is dropped silently.
 * (electronegativity's OPEN_EXTERNAL review note is accepted for this file only: see
 * scripts/electronegativity-gate.mjs.)
 */
import { shell } from 'electron';
import { isAllowedExternalUrl, isAllowedMailDraftUrl } from './origin';

export function openDocumentationLink(url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}

/**
 * What the services may open (main.ts's OpenExternalPort): the documentation links above, and a mail
 * draft the main process wrote itself (the DNS hand-off) that passes the narrow mailto check. The
 * renderer's own links (links.open, window.open) stay https-only.
 */
export function openExternalLink(url: string): boolean {
  if (isAllowedMailDraftUrl(url)) {
    void shell.openExternal(url);
    return true;
  }
  return openDocumentationLink(url);
}
