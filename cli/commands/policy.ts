/**
 * `ses-assistant policy [--from-address <addr>] [--self-rotation] [--account <id>] [--setup]`:
 * prints the sending user's IAM policy (or, with --setup, its setup policy), the very document the
 * assistant attaches, as 2-space indented JSON. Self-rotation is off unless asked for;
 * `--no-self-rotation` is still accepted (it was the way to turn it off when it was on by default).
 */
import { emailAddress } from '../../electron/ipc/schemas';
import { buildSendingPolicy, buildSetupPolicy } from '../../electron/features/sending-user/policy';
import { failure, parseArgs, wantsJson, type Command } from '../command';

const NAME = 'policy';
const usage =
  'ses-assistant policy [--from-address <address>] [--self-rotation] [--account <12-digit id>] [--setup] [--json]';

export const policyCommand: Command = {
  name: NAME,
  summary: 'Print the least-privilege IAM policy for the sending user (JSON)',
  usage,
  help: [
    'The sending policy stays on the user; the setup policy (--setup: verify identities, MAIL FROM,',
    'the request to leave the sandbox) is detached once setup is done. --account scopes sending to',
    'that account’s identities; --self-rotation lets the key replace itself (anyone holding it could',
    'then make a key of their own). The policy is JSON either way; --json makes errors JSON too.',
  ].join('\n'),
  async run(args, io) {
    const json = wantsJson(args);
    const { flags, positional, unknown } = parseArgs(args, {
      values: ['from-address', 'account'],
      switches: ['self-rotation', 'no-self-rotation', 'setup', 'json'],
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
    const account = flags.account;
    if (account !== undefined && (typeof account !== 'string' || !/^\d{12}$/.test(account)))
      return failure(
        io,
        { json, command: NAME, exit: 1 },
        { code: 'ACCOUNT_INVALID', message: 'An AWS account ID is 12 digits, such as 123456789012.' },
      );
    if (flags['self-rotation'] === true && flags['no-self-rotation'] === true)
      return failure(
        io,
        { json, command: NAME, exit: 2 },
        { code: 'USAGE', message: 'choose --self-rotation or --no-self-rotation, not both', usage },
      );
    if (flags.setup === true && (fromAddress || account || flags['self-rotation'] === true))
      return failure(
        io,
        { json, command: NAME, exit: 2 },
        {
          code: 'USAGE',
          message: '--setup takes no other option: the setup policy is the same for everyone',
          usage,
        },
      );
    const policy =
      flags.setup === true
        ? buildSetupPolicy()
        : buildSendingPolicy({
            fromAddress,
            selfRotation: flags['self-rotation'] === true,
            accountId: account,
          });
    io.out(`${JSON.stringify(policy, null, 2)}\n`);
    return 0;
  },
};
