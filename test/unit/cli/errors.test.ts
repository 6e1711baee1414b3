/**
 * How the CLI refuses: an unknown command is never repeated (it may be a secret pasted in the wrong
 * place), `--region` takes only regions SES is offered in, and with `--json` every error is one line
 * of `{"error":{"code":…,"message":…}}` on stderr while the success shapes stay as they were. Run
 * in-process through runCli with a recording CliIo.
 */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../cli/command';
import { runCli } from '../../../cli/main';
import { SES_REGIONS } from '../../../electron/core/facts/regions';
import { buildSendingPolicy } from '../../../electron/features/sending-user/policy';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PASSWORD = 'BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9';

async function run(argv: string[], stdin = '', promptSecret?: CliIo['promptSecret']) {
  let out = '';
  let err = '';
  const io: CliIo = {
    readStdin: async () => stdin,
    promptSecret,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

const jsonError = (err: string) => {
  expect(err.endsWith('\n')).toBe(true);
  expect(err.trimEnd()).not.toContain('\n');
  return (JSON.parse(err) as { error: { code: string; message: string; fix?: string } }).error;
};

describe('an unknown command', () => {
  it('is not repeated: "Unknown command." and the list of commands, exit 2', async () => {
    for (const name of [SECRET, 'smtp-pasword', `export AWS_SECRET_ACCESS_KEY=${SECRET}`]) {
      const r = await run([name, '--region', 'us-east-1']);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).not.toContain(name);
      expect(r.err).not.toContain('wJalr');
      expect(r.err).not.toContain('pasword');
      expect(r.err.split('\n')[0]).toBe(
        'ses-assistant: Unknown command. The commands are: smtp-password, policy, dns-check, dns-handoff.',
      );
    }
  });

  it('with --json: one line of JSON, code UNKNOWN_COMMAND, still without the name', async () => {
    const r = await run([SECRET, '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(jsonError(r.err)).toMatchObject({
      code: 'UNKNOWN_COMMAND',
      message: expect.stringMatching(/^Unknown command\./),
    });
    expect(r.err).not.toContain(SECRET);
  });
});

describe('--region', () => {
  it('takes every region SES is offered in', async () => {
    for (const { code } of SES_REGIONS) {
      const r = await run(['smtp-password', '--region', code], SECRET);
      expect(r.code, code).toBe(0);
    }
  });

  it('refuses codes that only look like regions, without repeating them', async () => {
    for (const region of [
      'us-east-100',
      'xx-east-1',
      'us-gov-west-1',
      'cn-north-1',
      'eu-west-9',
      'US-EAST-1',
    ]) {
      const smtp = await run(['smtp-password', '--region', region], SECRET);
      expect(smtp.code, region).toBe(1);
      expect(smtp.err).toMatch(/not a region Amazon SES is offered in/);
      expect(smtp.err).not.toContain(region);
      expect(smtp.out).toBe('');
      const dns = await run(['dns-check', 'example.com', '--region', region, '--nameserver', '127.0.0.1:9']);
      expect(dns.code, region).toBe(2);
      expect(dns.err).toMatch(/not a region Amazon SES is offered in/);
    }
  });

  it('lists the regions under --help', async () => {
    const r = await run(['smtp-password', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ap-southeast-5');
    expect(r.out).not.toContain('us-gov-west-1');
  });
});

describe('--json', () => {
  it('makes every kind of error JSON on stderr, keeping the exit codes', async () => {
    const cases: [string[], string, number, string][] = [
      [['smtp-password', '--json'], SECRET, 2, 'USAGE'],
      [['smtp-password', '--region', 'mars-1', '--json'], SECRET, 1, 'REGION_UNKNOWN'],
      [['smtp-password', '--region', 'us-east-1', '--json'], '', 1, 'NO_SECRET'],
      [['smtp-password', '--region', 'us-east-1', '--json'], PASSWORD, 1, 'SECRET_INVALID'],
      [['smtp-password', '--json', '--region', 'us-east-1', SECRET], '', 2, 'USAGE'],
      [['policy', '--json', '--everything'], '', 2, 'USAGE'],
      [['policy', '--from-address', 'not an address', '--json'], '', 1, 'ADDRESS_INVALID'],
      [['dns-check', '--json'], '', 2, 'USAGE'],
      [['dns-check', 'example.com', '--region', 'nowhere-1', '--json'], '', 2, 'REGION_UNKNOWN'],
    ];
    for (const [argv, stdin, code, errorCode] of cases) {
      const r = await run(argv, stdin);
      expect(r.code, argv.join(' ')).toBe(code);
      expect(r.out).toBe('');
      expect(jsonError(r.err)).toMatchObject({ code: errorCode, message: expect.any(String) });
      expect(r.err).not.toContain(SECRET);
      expect(r.err).not.toContain(PASSWORD);
    }
  });

  it('leaves the success output as it was, and gives smtp-password a JSON result', async () => {
    const policy = await run(['policy', '--json']);
    expect(policy).toEqual({ code: 0, out: `${JSON.stringify(buildSendingPolicy(), null, 2)}\n`, err: '' });
    const plain = await run(['smtp-password', '--region', 'us-east-1'], SECRET);
    expect(plain).toEqual({ code: 0, out: `${PASSWORD}\n`, err: '' });
    const json = await run(['smtp-password', '--region', 'us-east-1', '--json'], SECRET);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual({ smtpPassword: PASSWORD, region: 'us-east-1' });
  });

  it('without it, errors stay plain text', async () => {
    const r = await run(['smtp-password', '--region', 'us-east-1'], '');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^ses-assistant smtp-password: no secret access key on standard input/);
  });
});

describe('smtp-password on a terminal (the prompt itself is tested in cli-prompt.test.ts)', () => {
  it('asks with the hidden prompt instead of reading standard input or suggesting a file', async () => {
    const asked: string[] = [];
    const r = await run(['smtp-password', '--region', 'us-east-1'], 'not read', async (q) => {
      asked.push(q);
      return SECRET;
    });
    expect(asked).toEqual(['Secret access key (typing is not shown): ']);
    expect(r).toEqual({ code: 0, out: `${PASSWORD}\n`, err: '' });
  });

  it('says so when nothing was typed or the prompt was cancelled, and never mentions secret.txt', async () => {
    const empty = await run(['smtp-password', '--region', 'us-east-1'], '', async () => '   ');
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/no secret access key was typed/);
    const cancelled = await run(['smtp-password', '--region', 'us-east-1'], '', async () => null);
    expect(cancelled.code).toBe(1);
    expect(cancelled.err).toMatch(/cancelled/);
    for (const r of [empty, cancelled]) expect(r.err).not.toMatch(/secret\.txt/);
  });
});
