/**
 * The main process log. Lines are redacted before they are written, as a second line of defence:
 * callers never pass secrets, and anything shaped like one is masked anyway.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface Log {
  info(message: string, fields?: object): void;
  error(message: string, fields?: object): void;
}

const SECRET_SHAPES: [RegExp, (match: string) => string][] = [
  // Whatever follows "Bearer" is a credential, whatever its shape or length.
  [/\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi, (m) => `${m.slice(0, 6)} ••••`],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, (m) => `${m.slice(0, 4)}…${m.slice(-4)}`],
  // 40-character secret access keys and 44-character SMTP passwords.
  [/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40}(?:[A-Za-z0-9+/=]{4})?(?![A-Za-z0-9+/=])/g, () => '••••'],
  // Cloudflare API tokens: 40 characters of letters, digits, "-" and "_". Zone and record ids (32
  // hex characters) and digests (64) are other lengths, and stay readable.
  [/(?<![A-Za-z0-9_\-+/])[A-Za-z0-9_-]{40}(?![A-Za-z0-9_\-+/=])/g, () => '••••'],
];

export function redact(text: string): string {
  return SECRET_SHAPES.reduce((out, [shape, mask]) => out.replace(shape, mask), text);
}

export function fileLog(dir: string, clock: () => Date = () => new Date()): Log {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'main.log');
  const write = (level: string, message: string, fields?: object) => {
    const line = `${clock().toISOString()} ${level} ${message}${fields ? ' ' + JSON.stringify(fields) : ''}`;
    try {
      appendFileSync(file, redact(line) + '\n', { mode: 0o600 });
    } catch {
      // A log that cannot be written must never break the app.
    }
  };
  return { info: (m, f) => write('info', m, f), error: (m, f) => write('error', m, f) };
}

export const silentLog: Log = { info: () => undefined, error: () => undefined };
