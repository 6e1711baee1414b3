/**
 * Which file of the built renderer a request asks for, and its type. Pure (no Electron), so the
 * app:// handler and the e2e harness's loopback server share the same rules.
 */
import path from 'node:path';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const mimeOf = (file: string) => MIME[path.extname(file)] ?? 'application/octet-stream';

/** Resolves a request path inside `root`, or null when it would escape it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(root, '.' + path.posix.normalize(decoded));
  return file.startsWith(path.resolve(root) + path.sep) ? file : null;
}
