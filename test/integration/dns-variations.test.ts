/**
 * The DNS guidance for the cases people bring, against a real nsd: a subdomain identity inside its
 * organisation's zone, DMARC policies already there (inherited, out of order, unreadable), an apex
 * SPF record near the lookup limit, a regional DKIM domain, an international name, a MAIL FROM left
 * over from another region, and DNS that cannot be reached. Each case runs through the checker and
 * the plan; the DKIM, subdomain, DMARC and offline cases also through the CLI binary, and the DKIM
 * domain SES reports (SigningHostedZone) through the real router with the SES v2 peer.
 */
import { spawn } from 'node:child_process';
import { SESClient, VerifyDomainDkimCommand, VerifyDomainIdentityCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDomain, planFor, readToday } from '../../electron/features/dns/index';
import type { DnsPlanView, DnsReport } from '../../electron/features/dns/types';
import { domainName } from '../../electron/ipc/schemas';
import { freePort } from '../peers/free-port';
import { startMoto, type Moto } from '../peers/moto';
import { startNsd, type Nsd } from '../peers/nsd';
import { startSesv2AccountPeer, type Sesv2AccountPeer } from '../peers/sesv2-account';
import { buildTestApp } from '../support/assistant';
import { createUserWithKey, DUMMY_ADMIN } from '../support/aws';
import { INCLUDED_SPF_ZONES } from '../support/dns-zones';

const TOKENS = ['tok1', 'tok2', 'tok3'];
const dkim = (sub: string, target: string) =>
  TOKENS.map((t) => `${t}._domainkey${sub} IN CNAME ${t}.${target}.`).join('\n');
const mailFrom = (sub: string, region: string) =>
  `bounce${sub} IN MX 10 feedback-smtp.${region}.amazonses.com.\nbounce${sub} IN TXT "v=spf1 include:amazonses.com ~all"`;
/** An apex SPF record with `n` lookups, at names that exist (example.net below). */
const spfWith = (n: number) =>
  `@ IN TXT "v=spf1 ${Array.from({ length: n }, (_, i) => (i % 2 ? `mx:m${i}.example.net` : `a:h${i}.example.net`)).join(' ')} ~all"`;

let nsd: Nsd;
let closedDns: string;

beforeAll(async () => {
  nsd = await startNsd([
    // A subdomain identity (mail.shop.test) in its organisation's zone, covered by its DMARC policy.
    {
      origin: 'shop.test',
      records: [
        '_dmarc IN TXT "v=DMARC1; p=quarantine; sp=reject; rua=mailto:dmarc@shop.test"',
        dkim('.mail', 'dkim.amazonses.com'),
        mailFrom('.mail', 'us-east-1'),
      ].join('\n'),
    },
    { origin: 'order.test', records: '_dmarc IN TXT "v=DMARC1; rua=mailto:d@order.test; p=reject"' },
    { origin: 'broken.test', records: '_dmarc IN TXT "v=DMARC1; p=block"' },
    { origin: 'spf10.test', records: spfWith(10) },
    { origin: 'spf9.test', records: spfWith(9) },
    // eu-central-2 signs under its own DKIM domain.
    {
      origin: 'zurich.test',
      records: [dkim('', 'dkim.eu-central-2.amazonses.com'), mailFrom('', 'eu-central-2')].join('\n'),
    },
    {
      origin: 'xn--bcher-kva.test',
      records: [dkim('', 'dkim.amazonses.com'), mailFrom('', 'us-east-1')].join('\n'),
    },
    // The MAIL FROM MX still names the region the person sent from before.
    { origin: 'moved.test', records: mailFrom('', 'eu-west-1') },
    // The names the apex SPF records above ask about, so they count as lookups and none is void.
    {
      origin: 'example.net',
      records: Array.from(
        { length: 12 },
        (_, i) => `h${i} IN A 198.51.100.${i + 1}\nm${i} IN MX 10 h${i}`,
      ).join('\n'),
    },
    ...INCLUDED_SPF_ZONES,
    // Three names that do not exist: receivers give up at the third (RFC 7208, 4.6.4).
    { origin: 'spfvoid.test', records: '@ IN TXT "v=spf1 a:v1.nxtest a:v2.nxtest a:v3.nxtest ~all"' },
    // A one-label zone, so that a name under it is answered "does not exist" (NXDOMAIN).
    { origin: 'nxtest', records: 'here IN TXT "x"' },
  ]);
  closedDns = `127.0.0.1:${await freePort()}`;
});

afterAll(async () => {
  await nsd?.stop();
});

const at = () => ({ authoritative: [nsd.server], resolver: [nsd.server], timeoutMs: 1_500 });
const input = (domain: string, region = 'us-east-1') => ({ domain, region, dkimTokens: TOKENS });
const byPurpose = (report: DnsReport) => report.records.map((r) => `${r.purpose}:${r.status}`);

async function plan(domain: string, region = 'us-east-1') {
  const mailFromDomain = `bounce.${domain}`;
  return planFor(input(domain, region), await readToday(domain, mailFromDomain, at()));
}

describe('a subdomain identity inside its organisation’s zone', () => {
  it('names records relative to the zone that holds them, and says which zone that is', async () => {
    const p = await plan('mail.shop.test');
    expect(p.zone).toBe('shop.test');
    expect(p.records.map((r) => r.relativeName)).toEqual([
      'tok1._domainkey.mail',
      'tok2._domainkey.mail',
      'tok3._domainkey.mail',
      'bounce.mail',
      'bounce.mail',
    ]);
  });

  it('counts the organisation’s DMARC policy as present, proposing nothing weaker', async () => {
    const p = await plan('mail.shop.test');
    expect(p.records.some((r) => r.purpose === 'dmarc')).toBe(false);
    expect(p.notes.find((n) => n.code === 'DMARC_INHERITED')?.message).toContain(
      'p=reject for its subdomains',
    );
    const report = await checkDomain(input('mail.shop.test'), at());
    expect(byPurpose(report)).toEqual([
      'dkim:ok',
      'dkim:ok',
      'dkim:ok',
      'mail-from-mx:ok',
      'mail-from-spf:ok',
    ]);
    expect(report.notes.map((n) => n.code)).toEqual(['DMARC_INHERITED']);
  });
});

describe('a DMARC record already there is never weakened', () => {
  it('reorders tags out of order, keeping p=reject and rua', async () => {
    const p = await plan('order.test');
    expect(p.records.find((r) => r.purpose === 'dmarc')!.value).toBe(
      'v=DMARC1; p=reject; rua=mailto:d@order.test',
    );
    const report = await checkDomain(input('order.test'), at());
    const dmarc = report.records.find((r) => r.purpose === 'dmarc')!;
    expect(dmarc.expected).toBe('v=DMARC1; p=reject; rua=mailto:d@order.test');
    expect(dmarc.problems.map((x) => x.code)).toEqual(['DMARC_MALFORMED']);
  });

  it('leaves a record it cannot read as it is, and reports it', async () => {
    const p = await plan('broken.test');
    expect(p.records.find((r) => r.purpose === 'dmarc')!.value).toBe('v=DMARC1; p=block');
    expect(p.notes.map((n) => n.code)).toContain('DMARC_UNREADABLE');
  });
});

describe('an apex SPF record that receivers already reject', () => {
  it('is named (SPF_PERMERROR, with why) and gets no offer to add to it', async () => {
    const p = await plan('spfvoid.test');
    expect(p.apexSpfOption).toBeNull();
    expect(p.notes.find((n) => n.code === 'SPF_BROKEN')?.message).toContain(
      'do not exist (the last one: v3.nxtest)',
    );
    const report = await checkDomain(input('spfvoid.test'), at());
    expect(report.problems.map((x) => x.code)).toEqual(['SPF_PERMERROR']);
  });
});

describe('the optional apex SPF merge stays within 10 lookups', () => {
  it('is offered at 9 lookups (10 with amazonses.com), and not at 10', async () => {
    const nine = await plan('spf9.test');
    expect(nine.apexSpfOption?.merged).toContain('include:amazonses.com');
    const ten = await plan('spf10.test');
    expect(ten.apexSpfOption).toBeNull();
    expect(ten.notes.find((n) => n.code === 'SPF_MERGE_OVER_LIMIT')?.message).toContain('11 DNS lookups');
  });
});

describe('DKIM under a regional domain', () => {
  it('expects dkim.eu-central-2.amazonses.com in eu-central-2 and finds the records right', async () => {
    const report = await checkDomain(input('zurich.test', 'eu-central-2'), at());
    expect(report.records.filter((r) => r.purpose === 'dkim').map((r) => [r.expected, r.status])).toEqual(
      TOKENS.map((t) => [`${t}.dkim.eu-central-2.amazonses.com`, 'ok']),
    );
    // The same records judged for a region that signs under dkim.amazonses.com are wrong.
    const elsewhere = await checkDomain(input('zurich.test', 'us-east-1'), at());
    expect(elsewhere.records.filter((r) => r.purpose === 'dkim').every((r) => r.status === 'wrong')).toBe(
      true,
    );
  });
});

describe('an international domain', () => {
  it('is accepted as typed, checked in its DNS form, and shown in both', async () => {
    const ascii = domainName.parse('Bücher.test');
    expect(ascii).toBe('xn--bcher-kva.test');
    const report = await checkDomain(input(ascii), at());
    expect(report.records.filter((r) => r.purpose !== 'dmarc').every((r) => r.status === 'ok')).toBe(true);
    expect((await plan(ascii)).unicodeDomain).toBe('bücher.test');
  });
});

describe('a MAIL FROM record left from another region', () => {
  it('says which region it points at instead of a bare “wrong”', async () => {
    const report = await checkDomain(input('moved.test'), at());
    const mx = report.records.find((r) => r.purpose === 'mail-from-mx')!;
    expect(mx.status).toBe('wrong');
    expect(mx.problems[0]).toMatchObject({ code: 'OTHER_REGION' });
    expect(mx.problems[0]!.message).toContain('eu-west-1');
  });
});

describe('offline is not “not found”', () => {
  it('a resolver that never answers is “could not reach DNS”', async () => {
    await expect(
      checkDomain(input('shop.test'), { resolver: [closedDns], timeoutMs: 400 }),
    ).rejects.toMatchObject({ assistantError: { code: 'DNS_UNREACHABLE' } });
  });

  it('a server that refuses is “could not reach DNS”', async () => {
    await expect(
      checkDomain(input('somewhere.example'), { resolver: [nsd.server], timeoutMs: 1_000 }),
    ).rejects.toMatchObject({ assistantError: { code: 'DNS_UNREACHABLE' } });
  });

  it('only a name DNS says does not exist is “not found”', async () => {
    await expect(
      checkDomain(input('nowhere.nxtest'), { resolver: [nsd.server], timeoutMs: 1_000 }),
    ).rejects.toMatchObject({ assistantError: { code: 'DNS_DOMAIN_NOT_FOUND' } });
  });
});

/** The CLI binary, as a person runs it. */
function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/ses-assistant.mjs', ...args], {
      env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

describe('the same cases through ses-assistant dns-check', () => {
  const dnsFlags = () => ['--nameserver', nsd.server, '--resolver', nsd.server, '--json'];
  const statuses = (out: string) =>
    (JSON.parse(out) as { records: { purpose: string; status: string }[] }).records.map(
      (r) => `${r.purpose}:${r.status}`,
    );

  it('checks a regional DKIM domain and a subdomain identity with an inherited DMARC policy', async () => {
    const zurich = await cli([
      'dns-check',
      'zurich.test',
      '--region',
      'eu-central-2',
      '--dkim-tokens',
      TOKENS.join(','),
      ...dnsFlags(),
    ]);
    // It exits 1 since zurich.test has no DMARC record yet; the DKIM records are what is checked here.
    expect(zurich.code).toBe(1);
    expect(statuses(zurich.out).filter((s) => s.startsWith('dkim'))).toEqual([
      'dkim:ok',
      'dkim:ok',
      'dkim:ok',
    ]);
    const sub = await cli([
      'dns-check',
      'mail.shop.test',
      '--region',
      'us-east-1',
      '--dkim-tokens',
      TOKENS.join(','),
      ...dnsFlags(),
    ]);
    expect(statuses(sub.out)).toEqual([
      'dkim:ok',
      'dkim:ok',
      'dkim:ok',
      'mail-from-mx:ok',
      'mail-from-spf:ok',
    ]);
  });

  it('expects the same tags reordered for an out-of-order DMARC record', async () => {
    const r = await cli(['dns-check', 'order.test', '--region', 'us-east-1', ...dnsFlags()]);
    const dmarc = (JSON.parse(r.out) as { records: { purpose: string; expected: string }[] }).records.find(
      (x) => x.purpose === 'dmarc',
    )!;
    expect(dmarc.expected).toBe('v=DMARC1; p=reject; rua=mailto:d@order.test');
  });

  it('says DNS could not be reached when offline, never that the domain does not exist', async () => {
    const r = await cli(['dns-check', 'shop.test', '--region', 'us-east-1', '--resolver', closedDns]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('DNS could not be reached');
    expect(r.err).not.toMatch(/not found|spelling/i);
  });
});

describe('the DKIM domain SES reports wins over the table', () => {
  let moto: Moto;
  let peer: Sesv2AccountPeer;
  beforeAll(async () => {
    [moto, peer] = await Promise.all([startMoto(), startSesv2AccountPeer()]);
  });
  afterAll(async () => {
    await Promise.all([moto?.stop(), peer?.stop()]);
  });

  it('plans <token>.<SigningHostedZone>, and falls back to the region table where SES v2 has no answer', async () => {
    const region = 'eu-central-2';
    const ses = new SESClient({ region, endpoint: moto.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });
    const planFor = async (domain: string) => {
      await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
      const tokens = (await ses.send(new VerifyDomainDkimCommand({ Domain: domain }))).DkimTokens!;
      return tokens;
    };
    const reported = await planFor('reported.test');
    const fallback = await planFor('fallback.test');
    // SES's own answer, deliberately unlike the table's, so the test can tell which one was used.
    peer.identities.set('reported.test', {
      tokens: reported,
      signingHostedZone: 'dkim.ses-reported.example.',
    });
    const app = await buildTestApp({ endpoint: { default: moto.endpoint, sesv2: peer.endpoint } });
    const key = await createUserWithKey(moto.endpoint, `dkim-${Math.random().toString(36).slice(2, 8)}`);
    const connected = await app.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      region,
    });
    expect(connected).toMatchObject({ ok: true });
    const dkimValues = async (domain: string) => {
      const r = await app.router.invoke('dns.plan', { domain, region });
      if (!r.ok) throw new Error(r.error.code);
      return (r.value as DnsPlanView).records.filter((x) => x.purpose === 'dkim').map((x) => x.value);
    };
    expect(await dkimValues('reported.test')).toEqual(reported.map((t) => `${t}.dkim.ses-reported.example`));
    expect(await dkimValues('fallback.test')).toEqual(
      fallback.map((t) => `${t}.dkim.eu-central-2.amazonses.com`),
    );
  });
});
