#!/usr/bin/env node
// The `ses-assistant` command: runs the TypeScript CLI through tsx, so it works from a checkout
// right after `npm install`, with no separate build.
import { register } from 'tsx/esm/api';

register();
const { runCli, processIo } = await import('../cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), processIo());
