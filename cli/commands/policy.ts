/**
 * `ses-assistant policy [--from-address <addr>] [--no-self-rotation]`: prints the sending user's
 * IAM policy, the very document the assistant attaches, as 2-space indented JSON.
 */
import { emailAddress } from '../../electron/ipc/schemas';
import { buildSendingPolicy } from '../../electron/features/sending-user/policy';
import { parseArgs, type Command } from '../command';

const usage = 'ses-assistant policy [--from-address <address>] [--no-self-rotation]';

export const policyCommand: Command = {
  name: 'policy',
  summary: 'Print the least-privilege IAM policy for the sending user (JSON)',
  usage,
  async run(args, io) {
    const { flags, positional, unknown } = parseArgs(args, {
      values: ['from-address'],
      switches: ['no-self-rotation'],
    });
    const problems = [
      ...unknown,
      ...positional.map(() => 'unexpected argument (this command takes only the options below)'),
    ];
    if (problems.length) {
      io.err(`ses-assistant policy: ${problems[0]}\nUsage: ${usage}\n`);
      return 2;
    }
    let fromAddress: string | undefined;
    if (typeof flags['from-address'] === 'string') {
      const parsed = emailAddress.safeParse(flags['from-address']);
      if (!parsed.success) {
        io.err(`ses-assistant policy: ${parsed.error.issues[0]?.message ?? 'invalid address'}\n`);
        return 1;
      }
      fromAddress = parsed.data;
    }
    const policy = buildSendingPolicy({ fromAddress, selfRotation: flags['no-self-rotation'] !== true });
    io.out(`${JSON.stringify(policy, null, 2)}\n`);
    return 0;
  },
};
