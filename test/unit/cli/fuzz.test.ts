/**
 * Bad input for the `ses-assistant` CLI: every command's arguments and standard input, generated
 * by fast-check (500+ runs each) plus the classics (empty, huge, unicode, control characters,
 * unknown, repeated and value-less flags), run in-process through runCli with a fake CliIo, and a
 * few runs of the real binary. What must hold: the exit code is 0, 1 or 2; nothing throws and no
 * promise is left rejected; an error is a short plain message on stderr without a stack trace or
 * control characters; a secret given on standard input never comes back.
 *
 * DNS: dns-check and dns-handoff always get `--nameserver` and `--resolver` on a closed loopback port appended
 * (the command takes the last occurrence of a flag), and the asker is wrapped so that any attempt
 * to ask anything but 127.0.0.1 is refused and fails the test.
 */
import { spawnSync } from 'node:child_process';
import { startRefusingDns, type SilentDns } from '../../peers/hang-ups';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../../cli/command';
import { runCli } from '../../../cli/main';

/** DNS servers the checker was asked to use that were not loopback: must stay empty. */
const offLoopback: string[] = [];
/** Askers made for loopback servers: proof that generated input reached the DNS stage. */
const dnsAskers = { count: 0 };

vi.mock('../../../electron/features/dns/lookup', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/features/dns/lookup')>();
  return {
    ...real,
    createAsker(servers: string[] | null, timeoutMs?: number) {
      if (!servers || !servers.every((s) => s.startsWith('127.0.0.1:'))) {
        offLoopback.push(servers ? servers.join(',') : 'the system resolver');
        throw new Error('test guard: DNS to anything but 127.0.0.1 is not allowed');
      }
      dnsAskers.count++;
      return real.createAsker(servers, timeoutMs);
    },
  };
});

const RUNS = 500;
let closedDns = '';
let refusing: SilentDns | undefined;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  // A loopback nameserver that refuses every question at once, so no run waits.
  refusing = await startRefusingDns();
  closedDns = refusing.server;
  process.on('unhandledRejection', onUnhandled);
});

afterAll(async () => {
  await refusing?.stop();
  process.off('unhandledRejection', onUnhandled);
  const known = ['smtp-password', 'policy', 'dns-check', 'dns-handoff'];
  const summary = known.map((c) => `${c} ${JSON.stringify(exitCodes.get(c) ?? {})}`);
  console.log(`CLI fuzz exit codes (code: runs): ${summary.join('; ')}; DNS askers made: ${dnsAskers.count}`);
});

/** Exit codes seen per command, printed at the end. */
// A Map: generated command names include "__proto__" and "constructor", which a plain object mangles.
const exitCodes = new Map<string, Record<number, number>>();

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[], stdin = ''): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = {
    readStdin: async () => stdin,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
  };
  const code = await runCli(argv, io);
  const name = argv[0] ?? '';
  const seen = exitCodes.get(name) ?? {};
  exitCodes.set(name, seen);
  seen[code] = (seen[code] ?? 0) + 1;
  return { code, out, err };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const STACK = /^\s+at |\bat .*\.[cm]?[jt]s:\d+|node:internal|(Type|Range|Syntax|Reference|Zod)Error|Error:/m;

/**
 * With --json, a failure is one line of JSON on stderr, `{"error":{"code":…,"message":…}}` (and
 * `fix`), whatever else was given: checked for its shape and for control characters on the raw line.
 */
function expectJsonError(r: Run): void {
  expect(r.out).toBe('');
  expect(r.err.endsWith('\n')).toBe(true);
  const line = r.err.slice(0, -1);
  expect(line).not.toContain('\n');
  expect(line).not.toMatch(CONTROL);
  expect(line.length).toBeLessThanOrEqual(1_000);
  const parsed = JSON.parse(line) as { error: Record<string, unknown> };
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(parsed.error.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  expect(typeof parsed.error.message).toBe('string');
  expect((parsed.error.message as string).length).toBeGreaterThan(5);
  for (const key of Object.keys(parsed.error)) expect(['code', 'message', 'fix']).toContain(key);
}

/** The rules every run must keep, whatever it was given. */
function expectSane(r: Run, stdinSecret?: string, json = false): void {
  expect([0, 1, 2]).toContain(r.code);
  if (r.code === 0) expect(r.err).toBe('');
  else if (json) expectJsonError(r);
  else if (r.code === 2 && r.err === '') {
    // No command at all: the list of commands is the answer (on stdout, like git with no arguments).
    expect(r.out).toMatch(/^Usage: ses-assistant <command>/);
  } else {
    expect(r.err.trim().length).toBeGreaterThan(0);
    expect(r.err.endsWith('\n')).toBe(true);
    const lines = r.err.replace(/\n$/, '').split('\n');
    // One message line; at most a usage line or the fix after it.
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines[0]!.trim().length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(400);
      expect(line).not.toMatch(CONTROL);
    }
    expect(r.err).not.toMatch(STACK);
  }
  if (stdinSecret && stdinSecret.trim().length >= 8) {
    expect(r.err).not.toContain(stdinSecret.trim());
    expect(r.out).not.toContain(stdinSecret.trim());
  }
}

// ---- what the generators draw from ----

const CONTROL_CHARS = [
  '\u0000',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b[31m',
  '\u001b]0;owned\u0007',
  '\u007f',
  '\u009b',
  '\u2028',
];
const classics = fc.constantFrom(
  '',
  ' ',
  '-',
  '--',
  '---',
  '--=',
  '-h',
  '--help=no',
  '=',
  'x'.repeat(100_000),
  '--' + 'y'.repeat(50_000),
  'é'.repeat(5_000),
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '日本語.テスト',
  'مثال.إختبار',
  '\u202eevil',
  '\ufeffexample.com',
  'exa\u0000mple.com',
  '💌@example.com',
  '../../etc/passwd',
  '$(touch /tmp/pwned)',
  '`id`',
  '%s%n%x',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  ...CONTROL_CHARS,
);
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...CONTROL_CHARS).map((c) => `a${c}b`),
);
const regions = fc.constantFrom(
  'us-east-1',
  'eu-west-1',
  'us-gov-west-1',
  'US-EAST-1',
  'mars-north-9',
  'us-east-100',
);
const domains = fc.oneof(
  fc.domain(),
  fc.constantFrom('good.test', 'example.com.', 'a..b', '-x.com', 'localhost'),
);

/** Tokens for a command: its own flags (alone, with a value, inline), values it expects, and junk. */
function tokens(flags: string[], values: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  const flag = fc.constantFrom(...flags.map((f) => `--${f}`), '--json', '--unknown', '--help', '-x');
  const valueOrJunk = fc.oneof(...values, anyText, classics);
  return fc.oneof(
    { weight: 3, arbitrary: flag },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...flags), valueOrJunk).map(([f, v]) => `--${f}=${v}`) },
    { weight: 4, arbitrary: valueOrJunk },
  );
}

const argvFor = (flags: string[], values: fc.Arbitrary<string>[]) =>
  fc.array(tokens(flags, values), { maxLength: 8 });

const secrets = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9+/]{40}$/),
  fc.stringMatching(/^[A-Za-z0-9+/]{30,50}$/),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom('', '\n', '   ', 'x'.repeat(200_000), 'AKIAIOSFODNN7EXAMPLE', `B${'a'.repeat(43)}`),
  fc.stringMatching(/^[A-Za-z0-9+/]{40}$/).map((s) => `\n  ${s}\r\n`),
);

// ---- the properties ----

describe('the CLI with generated arguments and standard input (in-process, fast-check)', () => {
  it(`smtp-password: ${RUNS} generated argument lists and stdin secrets`, async () => {
    await fc.assert(
      fc.asyncProperty(argvFor(['region'], [regions]), secrets, async (args, stdin) => {
        const r = await run(['smtp-password', ...args], stdin);
        expectSane(r, stdin, args.includes('--json'));
      }),
      { numRuns: RUNS },
    );
  });

  it('smtp-password: with a valid region, every stdin either gives a password (exit 0) or a plain refusal', async () => {
    await fc.assert(
      fc.asyncProperty(secrets, async (stdin) => {
        const r = await run(['smtp-password', '--region', 'eu-west-1'], stdin);
        expectSane(r, stdin);
        if (r.code === 0) expect(r.out).toMatch(/^B[A-Za-z0-9+/]{43}\n$/);
      }),
      { numRuns: RUNS },
    );
  });

  it(`policy: ${RUNS} generated argument lists`, async () => {
    const addresses = fc.oneof(fc.emailAddress(), fc.constantFrom('a@b', '@x.com', 'a@@b.com', 'a b@c.com'));
    await fc.assert(
      fc.asyncProperty(
        argvFor(['from-address', 'no-self-rotation'], [addresses]),
        anyText,
        async (args, stdin) => {
          const r = await run(['policy', ...args], stdin);
          expectSane(r, undefined, args.includes('--json'));
          if (r.code === 0 && !args.includes('--help')) expect(() => JSON.parse(r.out)).not.toThrow();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`dns-check: ${RUNS} generated argument lists, never asking DNS beyond 127.0.0.1`, async () => {
    const tokensArb = fc.array(fc.stringMatching(/^[a-z0-9]{32}$/), { maxLength: 4 }).map((t) => t.join(','));
    const hostPorts = fc.constantFrom(
      '8.8.8.8',
      '1.1.1.1:53',
      '[2001:4860::8888]:53',
      'dns.google',
      '127.0.0.1',
    );
    const flags = ['region', 'dkim-tokens', 'mail-from', 'nameserver', 'resolver', 'json'];
    const values = [regions, domains, tokensArb, hostPorts, fc.constantFrom('bounce', 'mail.good.test')];
    // Two runs in three start from a usable command line (domain, region, maybe tokens and a foreign
    // nameserver) and add junk, so generated input also reaches the DNS stage, not only the checks.
    const usable = fc
      .tuple(
        domains,
        regions,
        fc.option(tokensArb, { nil: undefined }),
        fc.option(hostPorts, { nil: undefined }),
        fc.array(tokens(flags, values), { maxLength: 2 }),
      )
      .map(([domain, region, dkim, ns, extra]) => [
        domain,
        '--region',
        region,
        ...(dkim ? ['--dkim-tokens', dkim] : []),
        ...(ns ? ['--nameserver', ns, '--resolver', ns] : []),
        ...extra,
      ]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 1, arbitrary: argvFor(flags, values) }, { weight: 2, arbitrary: usable }),
        async (args) => {
          // `--json` first: should the generated list end in a flag that wants a value, it takes
          // this switch, and the two loopback flags after it are read as flags (last one wins).
          const r = await run([
            'dns-check',
            ...args,
            '--json',
            '--nameserver',
            closedDns,
            '--resolver',
            closedDns,
          ]);
          expectSane(r, undefined, true);
        },
      ),
      { numRuns: RUNS },
    );
    expect(offLoopback).toEqual([]);
    // The generators are not all rejected at the door: many runs got as far as asking DNS.
    expect(dnsAskers.count).toBeGreaterThan(20);
  }, 120_000);

  it(`the command name itself: ${RUNS} generated first arguments`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anyText, classics),
        fc.array(anyText, { maxLength: 3 }),
        async (name, rest) => {
          // A generated name that is a real command is the other tests' business.
          fc.pre(!['smtp-password', 'policy', 'dns-check', 'dns-handoff'].includes(name));
          const r = await run([name, ...rest]);
          expectSane(r, undefined, name !== '' && [name, ...rest].includes('--json'));
          // What stood where a command belongs is never repeated: it may be a pasted secret. (Unless
          // it happens to be part of the fixed message itself, as " policy" would be.)
          if (r.code !== 0 && name.trim().length >= 6) {
            const baseline = await run(['unknown-command', ...rest]);
            if (!baseline.err.includes(name)) expect(r.err).not.toContain(name);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the classics, one by one, for every command', async () => {
    const classicsList: string[][] = [
      [],
      [''],
      ['--'],
      ['--unknown-flag'],
      ['--region'],
      ['--region', ''],
      ['--region', 'us-east-1', '--region', 'eu-west-1'],
      ['--region=us-east-1', '--region'],
      ['--from-address'],
      ['--from-address', 'x'.repeat(100_000)],
      ['--mail-from', '\u001b[31mred'],
      ['x'.repeat(1_000_000)],
      ['\u0000\u0007\u001b]0;title\u0007'],
      ['日本語.テスト', '--region', 'ap-northeast-1'],
      ['--help', '--help'],
    ];
    for (const command of ['smtp-password', 'policy', 'dns-check', 'dns-handoff']) {
      for (const args of classicsList) {
        // The DNS commands always get a closed loopback port last: they never ask real DNS.
        const argv = command.startsWith('dns-')
          ? [command, ...args, '--json', '--nameserver', closedDns, '--resolver', closedDns]
          : [command, ...args];
        expectSane(
          await run(argv, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1'),
          'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1',
          argv.includes('--json'),
        );
      }
    }
    expect(offLoopback).toEqual([]);
  });

  it('dns-check takes the last of a repeated flag, so the appended loopback servers always win', async () => {
    const r = await run([
      'dns-check',
      'good.test',
      '--region',
      'us-east-1',
      '--nameserver',
      '8.8.8.8:53',
      '--resolver',
      '1.1.1.1',
      '--json',
      '--nameserver',
      closedDns,
      '--resolver',
      closedDns,
    ]);
    // Refused at once by the closed port: a plain failure (as JSON: --json was given), and nothing
    // asked beyond loopback.
    expect(r.code).toBe(1);
    expectJsonError(r);
    expect(JSON.parse(r.err).error).toMatchObject({
      code: 'DNS_NO_ANSWER',
      message: expect.stringMatching(/^Your domain’s nameservers did not answer\./),
    });
    expect(offLoopback).toEqual([]);
  });

  it('no promise was left rejected by any run', async () => {
    // Node reports an unhandled rejection once the microtask queue drains: one macrotask is enough.
    await new Promise((r) => setImmediate(r));
    expect(unhandled).toEqual([]);
  });
});

describe('the real binary (node bin/ses-assistant.mjs), for the classics', () => {
  const cases: [string, string[], string, number][] = [
    ['no command', [], '', 2],
    ['an unknown command with control characters', ['\u001b[2Jwipe'], '', 2],
    [
      'a flag without its value',
      ['smtp-password', '--region'],
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1',
      2,
    ],
    [
      'the secret as an argument',
      ['smtp-password', '--region', 'us-east-1', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
      '',
      2,
    ],
    [
      'a console password on stdin',
      ['smtp-password', '--region', 'us-east-1'],
      'Hunter2-my-console-password!',
      1,
    ],
    ['a huge address', ['policy', '--from-address', `${'a'.repeat(100_000)}@example.com`], '', 1],
    ['unicode and an unknown flag', ['dns-check', '日本語.テスト', '--región', 'x'], '', 2],
  ];
  it.each(cases)(
    '%s: the expected exit code, plain stderr, no stack trace',
    (_label, args, stdin, expected) => {
      const child = spawnSync(process.execPath, ['bin/ses-assistant.mjs', ...args], {
        input: stdin,
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      expect(child.error).toBeUndefined();
      expect(child.status).toBe(expected);
      expectSane({ code: child.status!, out: child.stdout, err: child.stderr }, stdin);
      expect(child.stderr).not.toMatch(STACK);
    },
    30_000,
  );
});
