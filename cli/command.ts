/** The shape of one `ses-assistant` command. Each command lives in its own file under commands/. */
export interface CliIo {
  /** All of standard input (for secrets: never taken from argv, where other users can see them). */
  readStdin(): Promise<string>;
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code: 0 success, 1 failure, 2 bad usage. */
  run(args: string[], io: CliIo): Promise<number>;
}

/**
 * A token the person typed, safe to quote back in an error: control characters (which could move
 * the cursor or retitle the terminal) shown as `?`, and at most 40 characters, so an error stays
 * one short line whatever was given.
 */
export function shown(token: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = token.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
  const chars = [...plain];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : plain;
}

/** Splits `--flag value`, `--flag=value` and bare `--switch` from positional arguments. */
export function parseArgs(
  args: string[],
  spec: { values?: string[]; switches?: string[] },
): { flags: Record<string, string | true>; positional: string[]; unknown: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.switches?.includes(name)) flags[name] = true;
    else if (spec.values?.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) unknown.push(`--${name} needs a value`);
      else flags[name] = value;
    } else unknown.push(`unknown option --${shown(name)}`);
  }
  return { flags, positional, unknown };
}
