/** The shape of one `ses-assistant` command. Each command lives in its own file under commands/. */
import { findRegion, SES_REGIONS } from '../electron/core/facts/regions';

export interface CliIo {
  /** All of standard input (for secrets: never taken from argv, where other users can see them). */
  readStdin(): Promise<string>;
  /**
   * Present only when standard input is a terminal: asks for a secret without echoing it (see
   * prompt.ts). Resolves null when the person cancels (Ctrl+C, or Ctrl+D on an empty line).
   */
  promptSecret?(question: string): Promise<string | null>;
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

/** A failure as the CLI reports it: a stable code and one plain sentence (never a secret). */
export interface CliFailure {
  code: string;
  message: string;
  /** Shown under the message in text mode (bad usage). */
  usage?: string;
  /** What to do, when there is more to say than the message. */
  fix?: string;
}

/** `--json` anywhere on the command line: errors are JSON too, whatever else was given. */
export function wantsJson(args: readonly string[]): boolean {
  return args.includes('--json');
}

/**
 * Writes a failure to standard error: `ses-assistant <command>: <message>` (and the usage line), or
 * with --json one line of `{"error":{"code":…,"message":…}}` (plus `fix` when there is one).
 * Returns the exit code given, so a command can `return failure(...)`.
 */
export function failure(
  io: CliIo,
  options: { json: boolean; command?: string; exit: 1 | 2 },
  f: CliFailure,
): 1 | 2 {
  if (options.json) {
    const error = { code: f.code, message: f.message, ...(f.fix ? { fix: f.fix } : {}) };
    io.err(`${JSON.stringify({ error })}\n`);
  } else {
    const prefix = options.command ? `ses-assistant ${options.command}` : 'ses-assistant';
    io.err(`${prefix}: ${f.message}\n${f.fix ? `${f.fix}\n` : ''}${f.usage ? `Usage: ${f.usage}\n` : ''}`);
  }
  return options.exit;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** More for `<command> --help`, under the usage line. */
  help?: string;
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

/** The region codes `--region` accepts: the regions SES is offered in (core/facts/regions.ts). */
export const REGION_LIST = SES_REGIONS.map((r) => r.code).join(', ');

/**
 * `--region`: only a region SES is offered in. The value is never repeated (it may be anything,
 * even a pasted secret); the message gives examples and where the full list is.
 */
export function regionProblem(value: string | true | undefined, command: string): string | null {
  if (typeof value !== 'string' || value === '') return '--region is required.';
  if (findRegion(value)) return null;
  return `--region: that is not a region Amazon SES is offered in. Use a code such as us-east-1 or eu-west-1 ("ses-assistant ${command} --help" lists them all).`;
}
