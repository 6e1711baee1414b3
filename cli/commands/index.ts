import type { Command } from '../command';

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: Command[] = [];
