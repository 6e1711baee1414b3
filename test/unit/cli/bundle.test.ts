/**
 * What ships runs without TypeScript tooling: the CLI bundle answers like the source, the bin falls
 * back to it where tsx is not installed, and no build tool is a runtime dependency.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installCliWithoutDevTools } from '../../support/cli-install';

const run = (file: string, args: string[], cwd?: string) =>
  spawnSync(process.execPath, [file, ...args], { cwd, encoding: 'utf8', input: '' });

describe('the shipped CLI', () => {
  // A copy of the bin beside a fresh bundle, in a folder with no node_modules: as an install
  // without development dependencies sees it.
  let installed: string;
  beforeAll(async () => {
    installed = await installCliWithoutDevTools();
  }, 60_000);

  it('answers every documented command like the source does', () => {
    for (const args of [['policy', '--json'], ['--help'], ['dns-check', '--help'], ['nonsense', '--json']]) {
      const fromSource = run('bin/ses-assistant.mjs', args);
      const fromBundle = run(path.join(installed, 'bin/ses-assistant.mjs'), args, installed);
      expect(fromBundle.stdout, args.join(' ')).toBe(fromSource.stdout);
      expect(fromBundle.stderr, args.join(' ')).toBe(fromSource.stderr);
      expect(fromBundle.status, args.join(' ')).toBe(fromSource.status);
    }
  });

  it('derives the same SMTP password from the bundle', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const args = ['smtp-password', '--region', 'eu-west-1'];
    const a = spawnSync(process.execPath, ['bin/ses-assistant.mjs', ...args], {
      input: secret,
      encoding: 'utf8',
    });
    const b = spawnSync(process.execPath, [path.join(installed, 'bin/ses-assistant.mjs'), ...args], {
      input: secret,
      encoding: 'utf8',
      cwd: installed,
    });
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stdout.trim()).toMatch(/^[A-Za-z0-9+/]{40,}=*$/);
  });

  it('keeps build tools out of the runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const tools = ['tsx', 'esbuild', 'typescript', 'vite', 'electron', 'electron-builder', 'vitest'];
    expect(Object.keys(pkg.dependencies).filter((d) => tools.includes(d))).toEqual([]);
    for (const tool of ['tsx', 'esbuild', 'electron']) expect(pkg.devDependencies).toHaveProperty(tool);
  });
});
