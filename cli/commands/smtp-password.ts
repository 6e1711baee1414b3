/**
 * `ses-assistant smtp-password --region <region>`: prints the SES SMTP password for a secret access
 * key. On a terminal the key is asked for with a hidden prompt; otherwise it is read from standard
 * input. It is never taken from argv, where any user of the machine could read it in the process
 * list, and it is never echoed back, even in an error.
 */
import { secretAccessKey } from '../../electron/ipc/schemas';
import { deriveSmtpPassword } from '../../electron/features/sending/smtp';
import { failure, parseArgs, REGION_LIST, regionProblem, wantsJson, type Command } from '../command';

const NAME = 'smtp-password';
const usage =
  'ses-assistant smtp-password --region <region> [--json]   (the secret access key is asked for on a terminal, or read from standard input)';

export const smtpPasswordCommand: Command = {
  name: NAME,
  summary: 'Print the SES SMTP password for a secret access key (asked for, or read from stdin) and a region',
  usage,
  help: `Regions: ${REGION_LIST}.\nWith --json the result is {"smtpPassword":"…","region":"…"}.`,
  async run(args, io) {
    const json = wantsJson(args);
    const { flags, positional, unknown } = parseArgs(args, { values: ['region'], switches: ['json'] });
    const problems = [
      ...unknown,
      ...positional.map(() => 'the secret access key is read from standard input, not from arguments'),
    ];
    if (problems.length || typeof flags.region !== 'string')
      return failure(
        io,
        { json, command: NAME, exit: 2 },
        { code: 'USAGE', message: problems[0] ?? '--region is required', usage },
      );
    const bad = regionProblem(flags.region, NAME);
    if (bad) return failure(io, { json, command: NAME, exit: 1 }, { code: 'REGION_UNKNOWN', message: bad });
    const region = flags.region;

    let secret: string;
    if (io.promptSecret) {
      const typed = await io.promptSecret('Secret access key (typing is not shown): ');
      if (typed === null)
        return failure(io, { json, command: NAME, exit: 1 }, { code: 'CANCELLED', message: 'cancelled.' });
      secret = typed.trim();
      if (!secret)
        return failure(
          io,
          { json, command: NAME, exit: 1 },
          { code: 'NO_SECRET', message: 'no secret access key was typed.' },
        );
    } else {
      secret = (await io.readStdin()).trim();
      if (!secret)
        return failure(
          io,
          { json, command: NAME, exit: 1 },
          {
            code: 'NO_SECRET',
            message:
              'no secret access key on standard input. Pipe it in, or run the command in a terminal to type it.',
          },
        );
    }
    // The same rule as every form: invisible characters that came with a copy are removed first.
    const parsed = secretAccessKey.safeParse(secret);
    if (!parsed.success)
      return failure(
        io,
        { json, command: NAME, exit: 1 },
        { code: 'SECRET_INVALID', message: parsed.error.issues[0]?.message ?? 'not a secret access key.' },
      );
    const password = deriveSmtpPassword(parsed.data, region);
    io.out(json ? `${JSON.stringify({ smtpPassword: password, region })}\n` : `${password}\n`);
    return 0;
  },
};
