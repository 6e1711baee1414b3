/**
 * `ses-assistant dns-handoff`: usage errors, and the message in text, HTML and JSON for a domain whose
 * DNS cannot be reached (a closed loopback port: the message is then planned without reading DNS).
 * The run against a real nameserver is in test/integration/handoff.test.ts.
 */
import { startRefusingDns, type SilentDns } from '../../peers/hang-ups';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../cli/command';
import { runCli } from '../../../cli/main';

let closedDns = '';

let refusing: SilentDns | undefined;

// A loopback nameserver that refuses every question at once (a closed port could be taken by
// another test's nameserver meanwhile).
beforeAll(async () => {
  refusing = await startRefusingDns();
  closedDns = refusing.server;
});
afterAll(async () => {
  await refusing?.stop();
});

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = {
    readStdin: async () => '',
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

const offline = () => ['--nameserver', closedDns, '--resolver', closedDns];

describe('ses-assistant dns-handoff, refusing', () => {
  it.each([
    [['dns-handoff', '--region', 'us-east-1', '--dkim-tokens', 'a,b,c'], /exactly one domain/],
    [['dns-handoff', 'example.com', '--dkim-tokens', 'a,b,c'], /--region is required/],
    [['dns-handoff', 'example.com', '--region', 'us-east-1'], /--dkim-tokens/],
    [['dns-handoff', 'example.com', '--region', 'us-east-1', '--dkim-tokens', 'a b;c'], /--dkim-tokens/],
    [['dns-handoff', 'http://x', '--region', 'us-east-1', '--dkim-tokens', 'a'], /without http/],
    [
      ['dns-handoff', 'example.com', '--region', 'us-east-1', '--dkim-tokens', 'a', '--mail-from', '-x-'],
      /--mail-from/,
    ],
    [
      ['dns-handoff', 'example.com', '--region', 'us-east-1', '--dkim-tokens', 'a', '--pdf'],
      /unknown option --pdf/,
    ],
  ])('%j', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/Usage: ses-assistant dns-handoff/);
  });

  it('answers in one line of JSON with --json', async () => {
    const r = await run(['dns-handoff', 'example.com', '--dkim-tokens', 'a', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.err)).toEqual({
      error: { code: 'REGION_UNKNOWN', message: '--region is required.' },
    });
  });

  it('is listed in the help', async () => {
    const r = await run(['--help']);
    expect(r.out).toMatch(/dns-handoff\s+Print the message to send whoever manages a domain’s DNS/);
  });
});

describe('ses-assistant dns-handoff, the message', () => {
  const base = [
    'dns-handoff',
    'bücher.example',
    '--region',
    'eu-central-2',
    '--dkim-tokens',
    'tok1,tok2,tok3',
  ];

  it('prints the text with a subject line, planned without DNS when it cannot be read', async () => {
    const r = await run([...base, ...offline()]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Subject: DNS records to add for bücher\.example/);
    expect(r.out).toContain('bücher.example (written xn--bcher-kva.example in DNS)');
    expect(r.out).toContain('Value: tok1.dkim.eu-central-2.amazonses.com');
    expect(r.out).toContain('dig +short CNAME tok1._domainkey.xn--bcher-kva.example');
  });

  it('prints a self-contained web page with --html', async () => {
    const r = await run([...base, '--html', ...offline()]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!doctype html>/);
    expect(r.out).toContain('<code>tok2.dkim.eu-central-2.amazonses.com</code>');
  });

  it('gives the documented JSON shape with --json (and the page with --html)', async () => {
    const r = await run([...base, '--json', '--html', ...offline()]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'domain',
      'unicodeDomain',
      'zone',
      'region',
      'host',
      'records',
      'nameservers',
      'digLines',
      'allInPlace',
      'subject',
      'text',
      'mail',
      'html',
    ]);
    expect(json).toMatchObject({
      domain: 'xn--bcher-kva.example',
      unicodeDomain: 'bücher.example',
      zone: 'xn--bcher-kva.example',
      region: 'eu-central-2',
      host: { id: 'other', recognised: false, whyNotAutomatic: null },
      nameservers: [],
      allInPlace: null,
      mail: { fits: false, limit: 2000 },
    });
    expect((json.records as unknown[])[0]).toEqual({
      purpose: 'dkim',
      type: 'CNAME',
      name: 'tok1._domainkey.xn--bcher-kva.example',
      relativeName: 'tok1._domainkey',
      nameToType: 'tok1._domainkey',
      value: 'tok1.dkim.eu-central-2.amazonses.com',
      ttl: 3600,
      inPlace: null,
    });
  });
});
