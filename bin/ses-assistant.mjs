#!/usr/bin/env node
// The `ses-assistant` command. In a checkout (development dependencies installed) it runs the
// TypeScript source through tsx, so it is never older than the code; installed without them, it
// runs the bundle `npm run build` made (dist/cli/ses-assistant.cjs), which needs no build tools.
import { createRequire } from 'node:module';

let cli;
try {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../cli/main.ts');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('tsx')) throw err;
  try {
    cli = createRequire(import.meta.url)('../dist/cli/ses-assistant.cjs');
  } catch {
    console.error('ses-assistant is not built: run "npm run build" first.');
    process.exit(1);
  }
}
process.exitCode = await cli.runCli(process.argv.slice(2), cli.processIo());
