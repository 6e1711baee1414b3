/**
 * `ses-assistant smtp-password --region <region>`: prints the SES SMTP password for the secret
 * access key read from standard input. The secret is never taken from argv, where any user of the
 * machine could read it in the process list, and it is never echoed back, even in an error.
 */
import { regionCode, secretKeyProblem } from '../../electron/ipc/schemas';
import { deriveSmtpPassword } from '../../electron/features/sending/smtp';
import { parseArgs, type Command } from '../command';

const usage =
  'ses-assistant smtp-password --region <region>   (the secret access key is read from standard input)';

export const smtpPasswordCommand: Command = {
  name: 'smtp-password',
  summary: 'Print the SES SMTP password for a secret access key (read from stdin) and a region',
  usage,
  async run(args, io) {
    const { flags, positional, unknown } = parseArgs(args, { values: ['region'] });
    const problems = [
      ...unknown,
      ...positional.map(() => 'the secret access key is read from standard input, not from arguments'),
    ];
    if (problems.length || typeof flags.region !== 'string') {
      io.err(`ses-assistant smtp-password: ${problems[0] ?? '--region is required'}\nUsage: ${usage}\n`);
      return 2;
    }
    const region = regionCode.safeParse(flags.region);
    if (!region.success) {
      io.err(`ses-assistant smtp-password: ${region.error.issues[0]?.message ?? 'invalid region'}\n`);
      return 1;
    }
    const secret = (await io.readStdin()).trim();
    if (!secret) {
      io.err(
        'ses-assistant smtp-password: no secret access key on standard input. Pipe it in, for example:\n' +
          '  ses-assistant smtp-password --region us-east-1 < secret.txt\n',
      );
      return 1;
    }
    const problem = secretKeyProblem(secret);
    if (problem) {
      io.err(`ses-assistant smtp-password: ${problem}\n`);
      return 1;
    }
    io.out(`${deriveSmtpPassword(secret, region.data)}\n`);
    return 0;
  },
};
