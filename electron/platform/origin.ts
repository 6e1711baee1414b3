/**
 * What counts as the app's own page. The renderer is served from app://assistant/, and URLs are
 * parsed, never prefix-matched: "app://assistant.evil.com" must not pass.
 */
import { MAILTO_LIMIT } from '../features/handoff/mailto';

export const APP_SCHEME = 'app';
export const APP_HOST = 'assistant';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Documentation hosts the app may open in the person's browser; nothing else leaves the app. */
const EXTERNAL_HOSTS = new Set([
  'docs.aws.amazon.com',
  'aws.amazon.com',
  'console.aws.amazon.com',
  'signin.aws.amazon.com',
  'developers.cloudflare.com',
  'dash.cloudflare.com',
  'www.godaddy.com',
  'www.namecheap.com',
  'support.google.com',
]);

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      !parsed.username &&
      !parsed.password &&
      (EXTERNAL_HOSTS.has(parsed.hostname) || parsed.hostname.endsWith('.console.aws.amazon.com'))
    );
  } catch {
    return false;
  }
}

/**
 * A mail draft the app may open in the person's mail app (the DNS hand-off): `mailto:` with no
 * recipient (the person chooses one), only `subject` and `body`, each at most once, and no longer
 * than the hand-off's mail-link limit. Headers such as `attach`, `cc` or `bcc`, which some mail apps
 * act on, never pass.
 */
export function isAllowedMailDraftUrl(url: string): boolean {
  if (url.length > MAILTO_LIMIT) return false;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'mailto:' || parsed.pathname !== '' || parsed.hash) return false;
    const keys = [...parsed.searchParams.keys()];
    return keys.every((k) => k === 'subject' || k === 'body') && new Set(keys).size === keys.length;
  } catch {
    return false;
  }
}

/** The page's Content Security Policy: no remote code, no inline script, nothing framed. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
