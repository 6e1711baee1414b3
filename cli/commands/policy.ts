/**
 * `ses-assistant policy [--from-address <addr>] [--no-self-rotation]`: prints the sending user's
 * IAM policy, the very document the assistant attaches, as 2-space indented JSON.
 */
import { emailAddress } from '../../electron/ipc/schemas';
import { buildSendingPolicy } from '../../electron/features/sending-user/policy';
import { failure, parseArgs, wantsJson, type Command } from '../command';

const NAME = 'policy';
const usage = 'ses-assistant policy [--from-address <address>] [--no-self-rotation] [--json]';

export const policyCommand: Command = {
  name: NAME,
  summary: 'Print the least-privilege IAM policy for the sending user (JSON)',
  usage,
  help: 'The policy is JSON either way; --json makes errors JSON too.',
  async run(args, io) {
    const json = wantsJson(args);
    const { flags, positional, unknown } = parseArgs(args, {
      values: ['from-address'],
      switches: ['no-self-rotation', 'json'],
    });
    const problems = [
      ...unknown,
      ...positional.map(() => 'unexpected argument (this command takes only the options below)'),
    ];
    if (problems.length)
      return failure(io, { json, command: NAME, exit: 2 }, { code: 'USAGE', message: problems[0]!, usage });
    let fromAddress: string | undefined;
    if (typeof flags['from-address'] === 'string') {
      const parsed = emailAddress.safeParse(flags['from-address']);
      if (!parsed.success)
        return failure(
          io,
          { json, command: NAME, exit: 1 },
          { code: 'ADDRESS_INVALID', message: parsed.error.issues[0]?.message ?? 'invalid address' },
        );
      fromAddress = parsed.data;
    }
    const policy = buildSendingPolicy({ fromAddress, selfRotation: flags['no-self-rotation'] !== true });
    io.out(`${JSON.stringify(policy, null, 2)}\n`);
    return 0;
  },
};
