#!/usr/bin/env node
// The `ses-assistant` command. In a checkout (development dependencies installed) it runs the
// TypeScript source through tsx, so it is never older than the code; installed without them, it
// runs the bundle `npm run build` made (dist/cli/ses-assistant.cjs), which needs no build tools.
//
// Nothing ends in a stack trace: an exception inside a command is answered by runCli itself, and
// one that escapes it (a failure a stream emits later, a module that does not load) here, the same
// way: one line, or one line of JSON with --json, exit code 1, never the arguments.
import { createRequire } from 'node:module';

const argv = process.argv.slice(2);
let cli;

function stop(err) {
  if (cli) cli.unexpected(cli.processIo(), argv, err);
  else {
    const error = { code: 'UNEXPECTED', message: 'Something unexpected went wrong while starting.' };
    process.stderr.write(
      argv.includes('--json') ? `${JSON.stringify({ error })}\n` : `ses-assistant: ${error.message}\n`,
    );
  }
  process.exit(1);
}
process.on('uncaughtException', stop);
process.on('unhandledRejection', stop);

try {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../cli/main.ts');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('tsx')) stop(err);
  try {
    cli = createRequire(import.meta.url)('../dist/cli/ses-assistant.cjs');
  } catch {
    console.error('ses-assistant is not built: run "npm run build" first.');
    process.exit(1);
  }
}
process.exitCode = await cli.runCli(argv, cli.processIo());
