/**
 * `ses-assistant`: the assistant's services from the command line, without Electron.
 * Commands, flags and JSON shapes are stable and documented in the README.
 */
import { failure, wantsJson, type CliIo } from './command';
import { commands } from './commands/index';
import { promptHidden } from './prompt';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    return unexpected(io, argv, err);
  }
}

/**
 * An exception no command expected: one line (or one line of JSON), exit 1. Neither the arguments
 * nor the error's own message are repeated, since either may hold a pasted secret; only the error's
 * code (EBADF, …) or class name, which say what kind of failure it was.
 */
export function unexpected(io: CliIo, argv: readonly string[], err: unknown): number {
  const command = commands.find((c) => c.name === argv[0])?.name;
  const what = errorKind(err);
  return failure(
    io,
    { json: wantsJson(argv), command, exit: 1 },
    {
      code: 'UNEXPECTED',
      message: `Something unexpected went wrong (${what}) and the command stopped. If it happens again, please report it with the command's name, not its arguments.`,
    },
  );
}

function errorKind(err: unknown): string {
  const { code, name } = (err ?? {}) as { code?: unknown; name?: unknown };
  if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,39}$/.test(code)) return code;
  if (typeof name === 'string' && /^[A-Za-z]{1,40}$/.test(name)) return name;
  return 'Error';
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(
      [
        'Usage: ses-assistant <command> [options]',
        '',
        'Commands:',
        ...commands.map((c) => `  ${c.name.padEnd(16)} ${c.summary}`),
        '',
        'Run "ses-assistant <command> --help" for a command’s options.',
        'With --json, errors are one line of JSON on standard error: {"error":{"code":…,"message":…}}.',
      ].join('\n') + '\n',
    );
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    // Never repeated: what was typed in place of a command may be a secret pasted by mistake.
    return failure(
      io,
      { json: wantsJson(argv), exit: 2 },
      {
        code: 'UNKNOWN_COMMAND',
        message: `Unknown command. The commands are: ${commands.map((c) => c.name).join(', ')}.`,
        fix: 'Run "ses-assistant --help" for what each one does.',
      },
    );
  }
  if (rest.includes('--help')) {
    io.out(`Usage: ${command.usage}\n${command.help ? `\n${command.help}\n` : ''}`);
    return 0;
  }
  return command.run(rest, io);
}

export function processIo(): CliIo {
  const stdin = process.stdin;
  return {
    async readStdin() {
      if (stdin.isTTY) return '';
      const chunks: Buffer[] = [];
      for await (const chunk of stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    // On a terminal, a secret is asked for with a hidden prompt (on stderr: stdout carries only the result).
    promptSecret: stdin.isTTY ? (question) => promptHidden(question, stdin, process.stderr) : undefined,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    env: process.env,
  };
}
