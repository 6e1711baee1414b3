/**
 * Throwaway certificates for the test peers, made with `openssl` (Debian: apt-get install openssl):
 * a key and a self-signed certificate, with the arguments each peer needs after `openssl req -x509`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SelfSigned {
  /** PEM of the certificate. */
  cert: string;
  /** PEM of its private key. */
  key: string;
}

/** `args`: what follows the key and file options (the key type, -days, -subj, -addext …). */
export function selfSigned(what: string, args: string[]): SelfSigned {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'test-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    const made = spawnSync(
      'openssl',
      ['req', '-x509', '-nodes', '-keyout', keyFile, '-out', certFile, ...args],
      { encoding: 'utf8' },
    );
    if (made.error || made.status !== 0)
      throw new Error(
        `openssl could not make the ${what} (install it with: apt-get install -y openssl): ${made.error?.message ?? made.stderr}`,
      );
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
