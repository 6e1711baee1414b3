/**
 * `ses-assistant`: the assistant's services from the command line, without Electron.
 * Commands, flags and JSON shapes are stable and documented in the README.
 */
import { shown, type CliIo } from './command';
import { commands } from './commands/index';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
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
      ].join('\n') + '\n',
    );
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(
      `ses-assistant: unknown command "${shown(name)}". Run "ses-assistant --help" to see the commands.\n`,
    );
    return 2;
  }
  if (rest.includes('--help')) {
    io.out(`Usage: ${command.usage}\n`);
    return 0;
  }
  return command.run(rest, io);
}

export function processIo(): CliIo {
  return {
    async readStdin() {
      if (process.stdin.isTTY) return '';
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    env: process.env,
  };
}
