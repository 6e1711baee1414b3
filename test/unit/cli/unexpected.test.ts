/**
 * An exception no command expected ends the CLI with one plain line (or one line of JSON with
 * --json) and exit code 1: never a stack trace, never the arguments or the error's own message,
 * which may repeat a secret. Made to happen for real: `smtp-password` reads its secret from standard
 * input, and here standard input is a file opened for writing only, so reading it fails (EBADF).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../cli/command';
import { runCli } from '../../../cli/main';
import { installCliWithoutDevTools } from '../../support/cli-install';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ARGS = ['smtp-password', '--region', 'eu-west-1'];

const opened: number[] = [];
afterEach(() => {
  for (const fd of opened.splice(0)) closeSync(fd);
});

/** Runs a bin with standard input that cannot be read: a file opened for writing only. */
function withUnreadableStdin(bin: string, args: string[], cwd?: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-stdin-'));
  const fd = openSync(path.join(dir, 'write-only'), 'w');
  opened.push(fd);
  return spawnSync(process.execPath, [bin, ...args], {
    cwd,
    stdio: [fd, 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 30_000,
  });
}

function expectNoTrace(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at |node:internal|triggerUncaughtException|errno|syscall/);
  expect(stderr).not.toContain('eu-west-1');
}

describe('an unexpected exception', () => {
  it('prints one plain line, no stack trace and no arguments, and exits 1', () => {
    const r = withUnreadableStdin('bin/ses-assistant.mjs', ARGS);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expectNoTrace(r.stderr);
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^ses-assistant smtp-password: Something unexpected went wrong \(EBADF\)/);
  });

  it('with --json, prints {"error":{"code":"UNEXPECTED","message":…}} and nothing else', () => {
    const r = withUnreadableStdin('bin/ses-assistant.mjs', [...ARGS, '--json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expectNoTrace(r.stderr);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    const { error } = JSON.parse(r.stderr) as { error: { code: string; message: string } };
    expect(error.code).toBe('UNEXPECTED');
    expect(error.message).toMatch(/^Something unexpected went wrong \(EBADF\)/);
  });

  it('never repeats the error’s own message, which may hold a secret', async () => {
    let err = '';
    const io: CliIo = {
      readStdin: () => Promise.reject(Object.assign(new Error(`cannot read ${SECRET}`), { code: 'EIO' })),
      out: () => undefined,
      err: (t) => void (err += t),
      env: {},
    };
    expect(await runCli([...ARGS, '--json'], io)).toBe(1);
    expect(err).not.toContain(SECRET);
    expect(err).not.toContain('cannot read');
    expect(JSON.parse(err)).toEqual({
      error: { code: 'UNEXPECTED', message: expect.stringContaining('(EIO)') },
    });
  });

  describe('from the bundle an install without development tools runs', () => {
    let installed: string;
    beforeAll(async () => {
      installed = await installCliWithoutDevTools();
    }, 60_000);

    it('answers the same way', () => {
      const fromSource = withUnreadableStdin('bin/ses-assistant.mjs', [...ARGS, '--json']);
      const fromBundle = withUnreadableStdin(
        path.join(installed, 'bin/ses-assistant.mjs'),
        [...ARGS, '--json'],
        installed,
      );
      expect(fromBundle.status).toBe(1);
      expect(fromBundle.stderr).toBe(fromSource.stderr);
      expectNoTrace(fromBundle.stderr);
    });
  });
});
