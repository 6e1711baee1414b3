/**
 * Serves the built renderer from app://assistant/ instead of file://, so the page has a real
 * origin, a CSP header and no access to the rest of the disk.
 */
import { protocol } from 'electron';
import { promises as fs } from 'node:fs';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './origin';
import { mimeOf, resolveInside } from './renderer-files';

/**
 * Must run before the app is ready. `codeCache`: Chromium keeps V8's compiled code for the
 * renderer's scripts (in the user data folder's "Code Cache"), as it does for https pages, so a
 * later launch skips compiling them; Electron turns it off for custom schemes unless asked.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveInside(root, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'content-type': mimeOf(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
