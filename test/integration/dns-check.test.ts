import { spawn } from 'node:child_process';
import {
  GetIdentityMailFromDomainAttributesCommand,
  SESClient,
  VerifyDomainDkimCommand,
  VerifyDomainIdentityCommand,
} from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/ipc/contract';
import { reportJson } from '../../cli/commands/dns-check';
import { checkDomain } from '../../electron/features/dns/index';
import { createAsker } from '../../electron/features/dns/lookup';
import type { DnsPlanView, DnsReport } from '../../electron/features/dns/types';
import type { IdentityView } from '../../electron/features/identities';
import { startMoto, type Moto } from '../peers/moto';
import { startNsd, type Nsd } from '../peers/nsd';
import { startDelayProxy, type DelayProxy } from '../peers/udp-delay';
import { freePort } from '../peers/free-port';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, DUMMY_ADMIN } from '../support/aws';
import { checkerZones, REGION, staleZones, INCLUDED_SPF_ZONES } from '../support/dns-zones';

let moto: Moto;
let nsd: Nsd;
let stale: Nsd;
let tokens: string[];
let app: TestApp;
const DOMAINS = checkerZones(['x']).map((z) => z.origin);

const ses = () =>
  new SESClient({ region: REGION, endpoint: moto.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });

/** Verifies a domain in moto (SES v1) as the console does, and returns its DKIM tokens. */
async function verify(domain: string): Promise<string[]> {
  await ses().send(new VerifyDomainIdentityCommand({ Domain: domain }));
  return (await ses().send(new VerifyDomainDkimCommand({ Domain: domain }))).DkimTokens!;
}

async function connectedApp(peers: { authoritative?: string; resolver?: string }): Promise<TestApp> {
  const built = await buildTestApp({ endpoint: moto.endpoint, peers: { dns: peers } });
  const key = await createUserWithKey(moto.endpoint, `dns-${Math.random().toString(36).slice(2, 8)}`);
  const result = await built.router.invoke('connection.connect', {
    source: 'keys',
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    region: REGION,
  });
  expect(result.ok).toBe(true);
  return built;
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.title}`);
  return result.value as T;
}

const check = async (domain: string, on = app) =>
  value<DnsReport>(await on.router.invoke('dns.check', { domain, region: REGION }));

beforeAll(async () => {
  moto = await startMoto();
  const all = await Promise.all(DOMAINS.map(verify));
  tokens = all[0]!;
  nsd = await startNsd([...checkerZones(tokens), ...INCLUDED_SPF_ZONES]);
  stale = await startNsd(staleZones(tokens));
  app = await connectedApp({ authoritative: nsd.server });
});

afterAll(async () => {
  await Promise.all([moto?.stop(), nsd?.stop(), stale?.stop()]);
});

function codes(report: DnsReport) {
  return {
    records: Object.fromEntries(
      report.records.map((r) => [
        `${r.purpose}:${r.name}`,
        `${r.status} ${r.problems.map((p) => p.code).join(',')}`.trim(),
      ]),
    ),
    domain: report.problems.map((p) => p.code),
  };
}

describe('the live DNS check against a real nameserver (nsd)', () => {
  it('finds a correct domain in order, and names its DNS host from the NS records', async () => {
    const report = await check('good.test');
    expect(report.records).toHaveLength(6);
    expect(report.records.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(report.problems).toEqual([]);
    expect(report.dnsHost).toEqual({ id: 'route53', name: 'Amazon Route 53' });
    expect(report.records[0]!.expected).toBe(`${tokens[0]}.dkim.amazonses.com`);
  });

  it.each([
    ['doubled.test', 'dkim', 'wrong', 'DOUBLED_DOMAIN'],
    ['proxied.test', 'dkim', 'wrong', 'DKIM_NOT_CNAME'],
    ['clash.test', 'mail-from', 'wrong', 'MAIL_FROM_CNAME_CLASH'],
    ['no-dmarc.test', 'dmarc', 'missing', 'DMARC_MISSING'],
    ['bad-dmarc.test', 'dmarc', 'wrong', 'DMARC_MALFORMED'],
    ['dotted.test', 'mail-from-spf', 'wrong', 'STRAY_TRAILING_DOT'],
    ['quoted.test', 'dmarc', 'wrong', 'STRAY_QUOTES'],
  ])('%s: the %s record is %s with %s, and only it', async (domain, purpose, status, code) => {
    const report = await check(domain);
    const hit = report.records.filter((r) => r.purpose.startsWith(purpose));
    expect(hit.length).toBeGreaterThan(0);
    for (const r of hit) {
      expect(r.status).toBe(status);
      expect(r.problems.map((p) => p.code)).toEqual([code]);
      expect(r.problems[0]!.fix.length).toBeGreaterThan(10);
    }
    for (const r of report.records.filter((x) => !x.purpose.startsWith(purpose)))
      expect([r.name, r.status]).toEqual([r.name, 'ok']);
    expect(report.problems).toEqual([]);
  });

  it('shows what was found: the doubled name’s value, and the proxy’s addresses', async () => {
    const doubled = (await check('doubled.test')).records[0]!;
    expect(doubled.found).toEqual([`${tokens[0]}.dkim.amazonses.com`]);
    expect(doubled.problems[0]!.message).toContain(`${tokens[0]}._domainkey.doubled.test.doubled.test`);
    expect(doubled.problems[0]!.fix).toContain(`GoDaddy`);
    const proxied = await check('proxied.test');
    expect(proxied.records[0]!.found.sort()).toEqual(['104.16.1.1', '2606:4700::1']);
    expect(proxied.records[0]!.problems[0]!.fix).toMatch(/grey.*DNS only/);
  });

  it.each([
    ['spf-twice.test', 'SPF_MULTIPLE'],
    ['spf-heavy.test', 'SPF_TOO_MANY_LOOKUPS'],
  ])('%s: the apex SPF problem %s is named, though SES needs no apex record', async (domain, code) => {
    const report = await check(domain);
    expect(report.problems.map((p) => p.code)).toEqual([code]);
    expect(report.records.every((r) => r.status === 'ok')).toBe(true);
    if (code === 'SPF_TOO_MANY_LOOKUPS') expect(report.problems[0]!.message).toContain('16 DNS lookups');
  });

  it('tells propagation from a wrong record: the resolver still has an old copy without DMARC', async () => {
    const lagging = await connectedApp({ authoritative: nsd.server, resolver: stale.server });
    const report = await check('good.test', lagging);
    expect(codes(report).records).toEqual({
      [`dkim:${tokens[0]}._domainkey.good.test`]: 'ok',
      [`dkim:${tokens[1]}._domainkey.good.test`]: 'ok',
      [`dkim:${tokens[2]}._domainkey.good.test`]: 'ok',
      'dmarc:_dmarc.good.test': 'propagating',
      'mail-from-mx:bounce.good.test': 'ok',
      'mail-from-spf:bounce.good.test': 'ok',
    });
    // Asked the other way round, the record is missing where it counts: at the domain's own nameserver.
    const reversed = await connectedApp({ authoritative: stale.server, resolver: nsd.server });
    expect((await check('good.test', reversed)).records[3]!.status).toBe('missing');
  });

  it('discovers the domain’s own nameservers through the resolver when none is given', async () => {
    const report = await checkDomain(
      { domain: 'disco.test', region: REGION, dkimTokens: tokens },
      { resolver: [nsd.server], nameserverPort: nsd.port },
    );
    expect(report.nameservers).toEqual(['ns1.disco.test']);
    expect(report.records.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    // nsd serves no zone above nowhere.test and refuses: that says nothing about the domain.
    await expect(
      checkDomain({ domain: 'nowhere.test', region: REGION, dkimTokens: tokens }, { resolver: [nsd.server] }),
    ).rejects.toMatchObject({ assistantError: { code: 'DNS_UNREACHABLE' } });
  });

  it('tells an unanswered DMARC question from a missing record: DMARC not read, nothing proposed', async () => {
    const lossy = await startDelayProxy(nsd.port, 0, ['_dmarc.good.test']);
    try {
      const report = await checkDomain(
        { domain: 'good.test', region: REGION, dkimTokens: tokens },
        { authoritative: [lossy.server], resolver: [nsd.server], timeoutMs: 300 },
      );
      // Unanswered is not absent: no DMARC record is expected (one would replace whatever applies),
      // and the check says it could not read DMARC instead of calling it missing.
      expect(report.records.some((r) => r.purpose === 'dmarc')).toBe(false);
      expect(report.notes.map((n) => n.code)).toEqual(['DMARC_NOT_READ']);
      expect(report.records.filter((r) => r.status === 'ok')).toHaveLength(5);
      // One lost question costs the check its timeout once, not once per record.
      console.log(
        `DNS check timing: one question never answered, 300 ms timeout: full check ${report.elapsedMs} ms`,
      );
      expect(report.elapsedMs).toBeLessThan(1_000);
    } finally {
      await lossy.stop();
    }
  });

  it('tells an unanswered record question (NO_ANSWER) from a missing record', async () => {
    const lost = `${tokens[1]}._domainkey.good.test`;
    const lossy = await startDelayProxy(nsd.port, 0, [lost]);
    try {
      const report = await checkDomain(
        { domain: 'good.test', region: REGION, dkimTokens: tokens },
        { authoritative: [lossy.server], resolver: [nsd.server], timeoutMs: 300 },
      );
      const dkim = report.records.find((r) => r.name === lost)!;
      expect([dkim.status, dkim.problems.map((p) => p.code)]).toEqual(['missing', ['NO_ANSWER']]);
      expect(report.records.filter((r) => r.status === 'ok')).toHaveLength(5);
    } finally {
      await lossy.stop();
    }
  });

  it('says plainly when the nameserver does not answer at all', async () => {
    const silent = await connectedApp({ authoritative: `127.0.0.1:${await freePort()}` });
    const result = await silent.router.invoke('dns.check', { domain: 'good.test', region: REGION });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('DNS_NO_ANSWER');
  });
});

describe('the DNS channels', () => {
  it('plans from SES’s DKIM tokens, keeps the existing DMARC policy and words tips for the host', async () => {
    const plan = value<DnsPlanView>(await app.router.invoke('dns.plan', { domain: 'good.test' }));
    expect(plan.records.filter((r) => r.purpose === 'dkim').map((r) => r.value)).toEqual(
      tokens.map((t) => `${t}.dkim.amazonses.com`),
    );
    expect(plan.notes.map((n) => n.code)).toContain('DMARC_KEPT');
    expect(plan.host.id).toBe('route53');
    expect(plan.dnsRead).toBe(true);
    expect(plan.apexSpfOption?.merged).toBe('v=spf1 include:_spf.google.com include:amazonses.com ~all');
  });

  it('refuses a MAIL FROM subdomain that already holds a CNAME', async () => {
    const plan = value<DnsPlanView>(await app.router.invoke('dns.plan', { domain: 'clash.test' }));
    expect(plan.records.some((r) => r.purpose.startsWith('mail-from'))).toBe(false);
    expect(plan.notes.map((n) => n.code)).toContain('MAIL_FROM_CNAME_CLASH');
  });

  it('says when SES does not use the MAIL FROM domain yet (a domain verified in the console), and sets it when asked', async () => {
    const domain = 'console-verified.test';
    await verify(domain); // as the console does: no custom MAIL FROM
    const notes = async (mailFrom?: string) =>
      value<DnsPlanView>(
        await app.router.invoke('dns.plan', { domain, ...(mailFrom ? { mailFrom } : {}) }),
      ).notes.filter((n) => n.code === 'MAIL_FROM_NOT_IN_SES' || n.code === 'MAIL_FROM_OTHER_IN_SES');
    const said = (await notes())[0]?.message;
    expect(said).toContain(`SES does not use bounce.${domain} for ${domain} yet`);
    // Plain words on whether it is needed (no: DKIM lines mail up) and what it changes.
    expect(said).toMatch(/^Optional: /);
    expect(said).toContain(`DKIM already lines it up with ${domain}`);
    expect(said).toContain('bounces come back to your own domain');

    // Refused with nothing changed: a domain SES does not have, and a MAIL FROM outside the domain.
    const unknown = await app.router.invoke('identities.setMailFrom', { domain: 'not-verified.test' });
    expect(!unknown.ok && unknown.error.code).toBe('DNS_DOMAIN_NOT_VERIFIED');
    const outside = await app.router.invoke('identities.setMailFrom', {
      domain,
      mailFromSubdomain: 'bounce.other.org',
    });
    expect(!outside.ok && outside.error.code).toBe('INVALID_INPUT');
    const inSes = async (identity: string) =>
      (await ses().send(new GetIdentityMailFromDomainAttributesCommand({ Identities: [identity] })))
        .MailFromDomainAttributes?.[identity];
    expect((await inSes(domain))?.MailFromDomain).toBeUndefined();
    expect((await inSes('not-verified.test'))?.MailFromDomain).toBeUndefined();

    const set = value<IdentityView>(await app.router.invoke('identities.setMailFrom', { domain }));
    expect(set.mailFrom?.domain).toBe(`bounce.${domain}`);
    expect(await inSes(domain)).toMatchObject({
      MailFromDomain: `bounce.${domain}`,
      BehaviorOnMXFailure: 'UseDefaultValue',
    });
    expect(await notes()).toEqual([]);
    // A MAIL FROM the person types that SES does not use is named beside the one it does use.
    expect((await notes(`mail.${domain}`))[0]?.message).toContain(
      `SES uses bounce.${domain} as the MAIL FROM domain for ${domain}, not mail.${domain}`,
    );
  });

  it('asks to verify the domain first when SES has no DKIM tokens for it', async () => {
    const result = await app.router.invoke('dns.plan', { domain: 'not-verified.test' });
    expect(!result.ok && result.error.code).toBe('DNS_DOMAIN_NOT_VERIFIED');
    const bad = await app.router.invoke('dns.check', { domain: 'good.test', mailFrom: 'bounce.other.org' });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });

  it('exports the plan as BIND and CSV', async () => {
    const bind = value<{ text: string }>(
      await app.router.invoke('dns.export', { domain: 'good.test', format: 'bind' }),
    );
    expect(bind.text).toContain(
      `${tokens[0]}._domainkey.good.test.\t3600\tIN\tCNAME\t${tokens[0]}.dkim.amazonses.com.`,
    );
    const csv = value<{ text: string }>(
      await app.router.invoke('dns.export', { domain: 'good.test', format: 'csv' }),
    );
    expect(csv.text.split('\r\n')[0]).toBe('type,name,short_name,value,purpose,required');
  });
});

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ses-assistant.mjs', ...args], { env: { ...process.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the dns-check command agrees with the screen’s channel', () => {
  it.each(DOMAINS)('%s', async (domain) => {
    const [cli, channel] = await Promise.all([
      runCli([
        'dns-check',
        domain,
        '--region',
        REGION,
        '--dkim-tokens',
        tokens.join(','),
        '--json',
        '--nameserver',
        nsd.server,
      ]),
      check(domain),
    ]);
    expect(cli.stderr).toBe('');
    const json = JSON.parse(cli.stdout);
    expect(json).toEqual(reportJson(channel));
    const clean = channel.problems.length === 0 && channel.records.every((r) => r.status === 'ok');
    expect(cli.code).toBe(clean ? 0 : 1);
  });

  it('reads --mail-from bounce as bounce.<domain>, prints a readable report, and rejects bad usage', async () => {
    const human = await runCli([
      'dns-check',
      'no-dmarc.test',
      '--region',
      REGION,
      '--mail-from',
      'bounce',
      '--nameserver',
      nsd.server,
    ]);
    expect(human.stdout).toContain('✗ missing');
    expect(human.stdout).toContain('DMARC_MISSING');
    expect(human.stdout).toContain('bounce.no-dmarc.test');
    expect(human.stdout).toContain('DNS hosted at IONOS');
    const usage = await runCli(['dns-check', 'good.test']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--region');
  });
});

describe('how long a check takes', () => {
  let slow: DelayProxy;
  const DELAY = 150;
  beforeAll(async () => {
    slow = await startDelayProxy(nsd.port, DELAY);
  });
  afterAll(async () => slow?.stop());

  it('costs about one slow lookup, not the sum of all of them', async () => {
    const started = performance.now();
    await createAsker([slow.server]).ask(`${tokens[0]}._domainkey.good.test`, 'CNAME');
    const single = performance.now() - started;
    const before = slow.queries;
    const report = await checkDomain(
      { domain: 'spf-heavy.test', region: REGION, dkimTokens: tokens },
      { authoritative: [slow.server], resolver: [slow.server] },
    );
    const questions = slow.queries - before;
    expect(report.records.every((r) => r.status === 'ok')).toBe(true);
    expect(report.problems.map((p) => p.code)).toEqual(['SPF_TOO_MANY_LOOKUPS']);
    // Asked one after another these questions would take questions × DELAY; in parallel the
    // critical path is four answers deep: the apex SPF record, its includes, the names their a and
    // mx terms ask about (receivers ask them too, and count those that find nothing), and the MX
    // hosts' addresses.
    console.log(
      `DNS check timing: single lookup ${single.toFixed(0)} ms; full check ${report.elapsedMs} ms for ${questions} questions (${questions * DELAY} ms if asked one by one; ${DELAY} ms delay per answer)`,
    );
    expect(questions).toBeGreaterThan(20);
    expect(single).toBeGreaterThanOrEqual(DELAY);
    expect(report.elapsedMs).toBeLessThan(single * 5);
  });
});
