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
    } else unknown.push(`unknown option --${name}`);
  }
  return { flags, positional, unknown };
}
