/**
 * The log file never holds a Cloudflare token, whether it was written into the message, into a
 * field, or as an Authorization header: the redaction is the second line of defence behind callers
 * that never log secrets. Read back from the real file fileLog writes.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLog } from '../../../electron/core/log';

/** Cloudflare API tokens are 40 characters of letters, digits, "-" and "_". */
const TOKEN = 'Vx3_k9Qm-T7pLw2Zr8Ny4Hb6Jd1Fs5Gc0Ae-Ku_M';
/** One of another length, as a token format to come might be: only "Bearer" gives it away. */
const LONGER_TOKEN = 'cfut_8Hq2-Wm4Zp7Lx1Rv9Tn3Ks6Yb0Dg5Jc2Fa8Qe4Uh';

async function logged(write: (log: ReturnType<typeof fileLog>) => void): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ses-assistant-log-'));
  const log = fileLog(dir, () => new Date('2026-12-01T10:00:00Z'));
  write(log);
  return readFile(path.join(dir, 'main.log'), 'utf8');
}

describe('the log redacts Cloudflare tokens', () => {
  it('in a message, leaving the ids around it that are not secrets', async () => {
    // Cloudflare zone and record ids are 32 hex characters; a preview digest is 64.
    const zoneId = '023e105f4ecef8ad9ca31a8372d0c353';
    const digest = 'c'.repeat(64);
    const text = await logged((log) =>
      log.info(`cloudflare: token ${TOKEN} kept for zone ${zoneId} (${digest})`),
    );
    expect(text).not.toContain(TOKEN);
    expect(text).toContain(`cloudflare: token •••• kept for zone ${zoneId} (${digest})`);
  });

  it('in a field', async () => {
    const text = await logged((log) =>
      log.error('cloudflare: verify failed', { token: TOKEN, zone: 'cf.test' }),
    );
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('"token":"••••"');
    expect(text).toContain('"zone":"cf.test"');
  });

  it('after "Bearer", whatever its length', async () => {
    const text = await logged((log) => {
      log.info(`request headers authorization: Bearer ${LONGER_TOKEN}`);
      log.info('request', { headers: { Authorization: `Bearer ${TOKEN}` } });
    });
    expect(text).not.toContain(LONGER_TOKEN);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('authorization: Bearer ••••');
    expect(text).toContain('"Authorization":"Bearer ••••"');
  });
});
