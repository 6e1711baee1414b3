/**
 * The CLI as an install without development dependencies has it: a copy of the bin beside a fresh
 * bundle, in a folder with no node_modules, so the bin falls back to the bundle.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error: a plain .mjs build script without types
import { cliBuild } from '../../scripts/build-electron.mjs';

/** Returns the folder; its bin is `bin/ses-assistant.mjs`, to be run with the folder as cwd. */
export async function installCliWithoutDevTools(): Promise<string> {
  const installed = mkdtempSync(path.join(os.tmpdir(), 'cli-install-'));
  mkdirSync(path.join(installed, 'bin'));
  copyFileSync('bin/ses-assistant.mjs', path.join(installed, 'bin/ses-assistant.mjs'));
  await build(cliBuild(path.join(installed, 'dist/cli/ses-assistant.cjs')));
  return installed;
}
