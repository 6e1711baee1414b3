import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AssistantError } from '../../electron/ipc/contract';
import type {
  CloudflarePreview,
  CloudflareStatus,
  CloudflareWriteResult,
} from '../../electron/features/cloudflare';
import type { DnsReport } from '../../electron/features/dns';
import type { RemovalReport } from '../../electron/features/ledger/types';
import { startCloudflarePeer, type CloudflarePeer, type PeerRecord } from '../peers/cloudflare';
import { startMoto, type Moto } from '../peers/moto';
import { startNsd, type Nsd } from '../peers/nsd';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, verifyDomain, type TestKey } from '../support/aws';
import { INCLUDED_SPF_ZONES } from '../support/dns-zones';

const DOMAIN = 'cf.test';
const REGION = 'us-east-1';
const CLOUDFLARE_NS = ['ada.ns.cloudflare.com.', 'bob.ns.cloudflare.com.'];

let moto: Moto;
let nsd: Nsd;
let key: TestKey;
let tokens: string[];
let peer: CloudflarePeer;
let app: TestApp;

/** The zone as a person has it before the assistant: a website, a Google verification, an SPF record, a DMARC policy. */
function startingRecords(): Omit<PeerRecord, 'id'>[] {
  return [
    { type: 'A', name: `www.${DOMAIN}`, content: '192.0.2.10', proxied: true, ttl: 1 },
    { type: 'TXT', name: DOMAIN, content: 'google-site-verification=abc123', proxied: false, ttl: 1 },
    { type: 'TXT', name: DOMAIN, content: 'v=spf1 include:_spf.google.com ~all', proxied: false, ttl: 1 },
    { type: 'TXT', name: `_dmarc.${DOMAIN}`, content: 'v=DMARC1; p=quarantine', proxied: false, ttl: 1 },
    // One DKIM record already there but proxied (orange cloud): SES cannot see it.
    {
      type: 'CNAME',
      name: `${tokens[0]}._domainkey.${DOMAIN}`,
      content: `${tokens[0]}.dkim.amazonses.com`,
      proxied: true,
      ttl: 1,
    },
    // Enough records that the list takes two pages.
    ...Array.from({ length: 120 }, (_, i) => ({
      type: 'A',
      name: `host${i}.${DOMAIN}`,
      content: `192.0.2.${i + 1}`,
      proxied: false,
      ttl: 1,
    })),
  ];
}

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await app.router.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.title}`);
  return result.value as T;
}
/** A write as the panel makes it: the preview it shows first, then the write of exactly that. */
async function confirmed(input: { domain: string; spf?: string; mailFrom?: string; [k: string]: unknown }) {
  const { domain, spf, mailFrom } = input;
  const shown = await app.router.invoke('cloudflare.preview', { domain, spf, mailFrom });
  return shown.ok ? { ...input, digest: (shown.value as CloudflarePreview).digest } : input;
}

async function failure(channel: string, input: unknown): Promise<AssistantError> {
  const result = await app.router.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

beforeAll(async () => {
  moto = await startMoto();
  tokens = await verifyDomain(moto.endpoint, DOMAIN, REGION);
  nsd = await startNsd([{ origin: DOMAIN, nameservers: CLOUDFLARE_NS, records: '' }, ...INCLUDED_SPF_ZONES]);
  key = await createUserWithKey(moto.endpoint, 'cloudflare-it');
}, 60_000);

afterAll(async () => {
  await peer?.stop();
  await Promise.all([moto?.stop(), nsd?.stop()]);
});

// Each test starts from the person's own zone, a fresh app and no token.
beforeEach(async () => {
  await peer?.stop();
  peer = await startCloudflarePeer({
    nsd,
    zones: [
      { name: DOMAIN, nameservers: CLOUDFLARE_NS, records: startingRecords() },
      { name: 'other.test', nameservers: CLOUDFLARE_NS },
    ],
  });
  app = await buildTestApp({
    endpoint: moto.endpoint,
    peers: { dns: { authoritative: nsd.server, timeoutMs: 5000 }, cloudflare: { apiBase: peer.apiBase } },
  });
  await call('connection.connect', {
    source: 'keys',
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    region: REGION,
  });
});

const zoneToken = () => peer.addToken({ zones: [peer.zone(DOMAIN).id] });

describe('the token', () => {
  it('is verified, kept in the keychain only, and never returned', async () => {
    const token = zoneToken();
    const status = await call<CloudflareStatus>('cloudflare.connect', {
      domain: DOMAIN,
      token: `  ${token}\n`,
    });
    expect(status).toMatchObject({
      domain: DOMAIN,
      tokenSaved: true,
      zone: { name: DOMAIN, status: 'active' },
      otherZones: 0,
    });
    expect(JSON.stringify(status)).not.toContain(token);
    expect(JSON.stringify(app.settings.get())).not.toContain(token);
    expect(await app.secretStore.get(`cloudflare:${DOMAIN}`)).toBe(token);
    expect(peer.requests).toContain('GET /client/v4/user/tokens/verify');
  });

  it('refuses a token that can change other domains too, naming them, and keeps nothing', async () => {
    peer.zones.push({ ...peer.zone('other.test'), id: 'zone-shop', name: 'shop.test', records: [] });
    const token = peer.addToken();
    const error = await failure('cloudflare.connect', { domain: DOMAIN, token });
    expect(error.code).toBe('CLOUDFLARE_TOKEN_OTHER_ZONES');
    expect(error.names).toEqual(['other.test', 'shop.test']);
    expect(error.explanation).toContain('other.test and shop.test');
    expect(error.explanation + error.fix + error.title).not.toContain(token);
    expect(await app.secretStore.get(`cloudflare:${DOMAIN}`)).toBeNull();
    expect(app.settings.get().features.cloudflare ?? {}).not.toHaveProperty(['domains', DOMAIN]);
  });

  it('keeps such a token only when the person confirms exactly the domains it was refused for', async () => {
    const token = peer.addToken();
    const named = (await failure('cloudflare.connect', { domain: DOMAIN, token })).names;
    expect(named).toEqual(['other.test']);

    // A confirmation of something else (less, or a domain not shown) is refused again, naming them.
    for (const allowOtherZones of [[], ['shop.test']]) {
      const again = await failure('cloudflare.connect', { domain: DOMAIN, token, allowOtherZones });
      expect([again.code, again.names]).toEqual(['CLOUDFLARE_TOKEN_OTHER_ZONES', ['other.test']]);
    }
    // The token gained a domain after the confirmation was shown: what was confirmed is not enough.
    peer.zones.push({ ...peer.zone('other.test'), id: 'zone-late', name: 'late.test', records: [] });
    const later = await failure('cloudflare.connect', { domain: DOMAIN, token, allowOtherZones: named });
    expect(later.names).toEqual(['late.test', 'other.test']);
    expect(await app.secretStore.get(`cloudflare:${DOMAIN}`)).toBeNull();

    const status = await call<CloudflareStatus>('cloudflare.connect', {
      domain: DOMAIN,
      token,
      allowOtherZones: ['OTHER.test', 'late.test'],
    });
    expect(status).toMatchObject({
      tokenSaved: true,
      otherZones: 2,
      otherZoneNames: ['late.test', 'other.test'],
    });
    expect(await app.secretStore.get(`cloudflare:${DOMAIN}`)).toBe(token);
  });

  it('accepts an account-owned token limited to the domain, verified on its account’s path', async () => {
    const token = peer.addToken({ owner: 'account', zones: [peer.zone(DOMAIN).id] });
    const status = await call<CloudflareStatus>('cloudflare.connect', { domain: DOMAIN, token });
    expect(status).toMatchObject({ tokenSaved: true, zone: { name: DOMAIN }, otherZones: 0 });
    expect(peer.requests).toEqual(
      expect.arrayContaining([
        'GET /client/v4/user/tokens/verify',
        expect.stringMatching(/^GET \/client\/v4\/accounts\?/),
        'GET /client/v4/accounts/acc-1/tokens/verify',
      ]),
    );
    expect(await app.secretStore.get(`cloudflare:${DOMAIN}`)).toBe(token);
    // It writes like a user token.
    const written = await call<CloudflareWriteResult>(
      'cloudflare.write',
      await confirmed({ domain: DOMAIN, confirm: true }),
    );
    expect(written.written.length).toBeGreaterThan(0);
  });

  it('holds an account-owned token to the same one-domain rule, and refuses one that has expired', async () => {
    const wide = peer.addToken({ owner: 'account' });
    const error = await failure('cloudflare.connect', { domain: DOMAIN, token: wide });
    expect([error.code, error.names]).toEqual(['CLOUDFLARE_TOKEN_OTHER_ZONES', ['other.test']]);
    expect(await app.secretStore.get(`cloudflare:${DOMAIN}`)).toBeNull();
    await call('cloudflare.connect', { domain: DOMAIN, token: wide, allowOtherZones: ['other.test'] });

    // Expired, it cannot even list its account, so no path knows it: refused as not accepted.
    peer.faults.expired = true;
    const expired = peer.addToken({ owner: 'account', zones: [peer.zone(DOMAIN).id] });
    const refused = await failure('cloudflare.connect', { domain: DOMAIN, token: expired });
    expect(refused.code).toBe('CLOUDFLARE_TOKEN_INVALID');
    expect(refused.explanation).toContain('expired');
  });

  it('refuses a token Cloudflare does not know, and keeps nothing', async () => {
    const error = await failure('cloudflare.connect', { domain: DOMAIN, token: 'x'.repeat(40) });
    expect(error.code).toBe('CLOUDFLARE_TOKEN_INVALID');
    expect(await app.secretStore.get(`cloudflare:${DOMAIN}`)).toBeNull();
    expect(error.explanation + error.fix).not.toContain('x'.repeat(40));
  });

  it('refuses an expired token', async () => {
    const token = zoneToken();
    peer.faults.expired = true;
    expect((await failure('cloudflare.connect', { domain: DOMAIN, token })).code).toBe(
      'CLOUDFLARE_TOKEN_EXPIRED',
    );
  });

  it('says when the domain is not in the token’s account', async () => {
    const token = peer.addToken({ accountId: 'someone-else' });
    const error = await failure('cloudflare.connect', { domain: DOMAIN, token });
    expect(error.code).toBe('CLOUDFLARE_ZONE_NOT_FOUND');
    expect(error.fix).toContain('Zone Resources');
  });

  it('can be forgotten', async () => {
    await call('cloudflare.connect', { domain: DOMAIN, token: zoneToken() });
    const status = await call<CloudflareStatus>('cloudflare.forget', { domain: DOMAIN });
    expect(status.tokenSaved).toBe(false);
    expect(await app.secretStore.get(`cloudflare:${DOMAIN}`)).toBeNull();
    expect((await failure('cloudflare.preview', { domain: DOMAIN })).code).toBe('CLOUDFLARE_TOKEN_NEEDED');
  });

  it('opens Cloudflare’s token page pre-filled with exactly the two permissions', async () => {
    const opened = await call<{ opened: boolean }>('cloudflare.openTokenPage', { domain: DOMAIN });
    expect(opened.opened).toBe(true);
  });
});

describe('writing the records', () => {
  it('previews, writes only what is missing or wrong, and the live check then finds all in place', async () => {
    await call('cloudflare.connect', { domain: DOMAIN, token: zoneToken() });
    const before = peer.zone(DOMAIN).records.length;
    const preview = await call<CloudflarePreview>('cloudflare.preview', { domain: DOMAIN });
    const by = (purpose: string, name?: string) =>
      preview.changes.find((c) => c.purpose === purpose && (!name || c.name === name));
    expect(by('dkim', `${tokens[0]}._domainkey.${DOMAIN}`)).toMatchObject({
      action: 'change',
      proxied: true,
      unproxy: true,
    });
    expect(by('dkim', `${tokens[1]}._domainkey.${DOMAIN}`)?.action).toBe('add');
    expect(by('dmarc')?.action).toBe('in-place');
    expect(by('mail-from-mx')?.action).toBe('add');
    expect(by('mail-from-spf')?.action).toBe('add');
    expect(preview.leftAlone.map((l) => l.content)).toEqual(
      expect.arrayContaining(['google-site-verification=abc123', 'v=spf1 include:_spf.google.com ~all']),
    );
    expect(preview.otherRecords).toBe(121);
    expect(preview.spf).toMatchObject({ canMerge: true, chosen: 'keep' });
    // The preview changed nothing; the list was read across two pages.
    expect(peer.zone(DOMAIN).records).toHaveLength(before);
    expect(peer.requests.some((r) => r.includes('dns_records?page=2'))).toBe(true);

    // Without agreeing to switch the proxied record to DNS only, it is left as it is.
    const first = await call<CloudflareWriteResult>(
      'cloudflare.write',
      await confirmed({ domain: DOMAIN, confirm: true }),
    );
    expect(first.written).toHaveLength(4);
    expect(first.skipped.map((s) => s.name)).toEqual([`${tokens[0]}._domainkey.${DOMAIN}`]);
    const second = await call<CloudflareWriteResult>(
      'cloudflare.write',
      await confirmed({
        domain: DOMAIN,
        confirm: true,
        unproxy: true,
      }),
    );
    expect(second.written.map((w) => w.name)).toEqual([`${tokens[0]}._domainkey.${DOMAIN}`]);

    const zone = peer.zone(DOMAIN).records;
    for (const t of tokens)
      expect(zone.find((r) => r.name === `${t}._domainkey.${DOMAIN}`)).toMatchObject({
        type: 'CNAME',
        proxied: false,
      });
    expect(zone.filter((r) => r.name === DOMAIN && r.content.startsWith('v=spf1'))).toHaveLength(1);
    expect(zone.filter((r) => r.name === `_dmarc.${DOMAIN}`)).toHaveLength(1);
    expect(zone.find((r) => r.name === `www.${DOMAIN}`)).toMatchObject({ proxied: true });
    const ledger = app.settings.get().ledger.filter((e) => e.kind === 'cloudflare-record');
    expect(ledger).toHaveLength(5);
    expect(ledger[0]!.meta).toMatchObject({ zoneId: peer.zone(DOMAIN).id, zone: DOMAIN });

    const report = await call<DnsReport>('dns.check', { domain: DOMAIN });
    expect(report.records.map((r) => [r.purpose, r.status])).toEqual(
      report.records.map((r) => [r.purpose, 'ok']),
    );
    expect(report.dnsHost?.id).toBe('cloudflare');

    const again = await call<CloudflarePreview>('cloudflare.preview', { domain: DOMAIN });
    expect(again.changes.every((c) => c.action === 'in-place')).toBe(true);
  });

  it('adds no DMARC record for a subdomain while DNS cannot tell whether the parent’s policy covers it', async () => {
    const sub = `mail.${DOMAIN}`;
    await verifyDomain(moto.endpoint, sub, REGION);
    // DNS asked at a closed loopback port: nothing answers.
    const offline = await buildTestApp({
      endpoint: moto.endpoint,
      peers: {
        dns: { authoritative: '127.0.0.1:9', resolver: '127.0.0.1:9', timeoutMs: 500 },
        cloudflare: { apiBase: peer.apiBase },
      },
    });
    const connect = await offline.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      region: REGION,
    });
    expect(connect.ok).toBe(true);
    expect((await offline.router.invoke('cloudflare.connect', { domain: sub, token: zoneToken() })).ok).toBe(
      true,
    );
    const result = await offline.router.invoke('cloudflare.preview', { domain: sub });
    if (!result.ok) throw new Error(result.error.code);
    const preview = result.value as CloudflarePreview;
    expect(preview.changes.some((c) => c.purpose === 'dmarc')).toBe(false);
    expect(preview.notes.map((n) => n.code)).toContain('DMARC_NOT_READ');
    // The records SES needs are still offered.
    expect(preview.changes.filter((c) => c.purpose === 'dkim')).toHaveLength(3);
  });

  it('merges amazonses.com into the existing SPF record only when chosen, never adding a second one', async () => {
    await call('cloudflare.connect', { domain: DOMAIN, token: zoneToken() });
    const merged = await call<CloudflareWriteResult>(
      'cloudflare.write',
      await confirmed({
        domain: DOMAIN,
        confirm: true,
        spf: 'merge',
      }),
    );
    expect(merged.written.find((w) => w.purpose === 'apex-spf')).toMatchObject({ action: 'change' });
    const spf = peer.zone(DOMAIN).records.filter((r) => r.name === DOMAIN && r.content.startsWith('v=spf1'));
    expect(spf.map((r) => r.content)).toEqual(['v=spf1 include:_spf.google.com include:amazonses.com ~all']);
  });

  it('is taken back from the ledger with the Cloudflare token, one record or all, without AWS admin keys', async () => {
    await call('cloudflare.connect', { domain: DOMAIN, token: zoneToken() });
    await call(
      'cloudflare.write',
      await confirmed({ domain: DOMAIN, confirm: true, unproxy: true, spf: 'merge' }),
    );
    const entries = app.settings.get().ledger.filter((e) => e.kind === 'cloudflare-record');
    const mx = entries.find((e) => e.meta?.type === 'MX')!;
    await call('ledger.remove', { kind: mx.kind, id: mx.id });
    expect(peer.zone(DOMAIN).records.some((r) => r.type === 'MX')).toBe(false);

    await call('ledger.removeAll', { confirm: true });
    const zone = peer.zone(DOMAIN).records;
    expect(app.settings.get().ledger.filter((e) => e.kind === 'cloudflare-record')).toEqual([]);
    // Added records are gone; changed ones hold again what they held before.
    expect(zone).toHaveLength(startingRecords().length);
    expect(zone.find((r) => r.name === `${tokens[0]}._domainkey.${DOMAIN}`)).toMatchObject({ proxied: true });
    expect(zone.find((r) => r.name === DOMAIN && r.content.startsWith('v=spf1'))?.content).toBe(
      'v=spf1 include:_spf.google.com ~all',
    );
  });

  it('forgets the zone’s token once the last of its records is removed through the ledger', async () => {
    const token = zoneToken();
    await call('cloudflare.connect', { domain: DOMAIN, token });
    await call('cloudflare.write', await confirmed({ domain: DOMAIN, confirm: true }));
    const entries = app.settings.get().ledger.filter((e) => e.kind === 'cloudflare-record');
    const [first, ...rest] = entries;

    // Records are left: the token stays, it is needed to take them back.
    const one = await call<RemovalReport>('ledger.remove', { kind: first!.kind, id: first!.id });
    expect(one.notes).toEqual([]);
    expect(await app.secretStore.get(`cloudflare:${DOMAIN}`)).toBe(token);

    for (const entry of rest.slice(0, -1)) await call('ledger.remove', { kind: entry.kind, id: entry.id });
    const last = await call<RemovalReport>('ledger.remove', { kind: rest.at(-1)!.kind, id: rest.at(-1)!.id });
    expect(await app.secretStore.get(`cloudflare:${DOMAIN}`)).toBeNull();
    expect(last.notes).toEqual([
      `The Cloudflare token for ${DOMAIN} was forgotten: none of the records the assistant wrote there are left.`,
    ]);
    expect(await call<CloudflareStatus>('cloudflare.status', { domain: DOMAIN })).toMatchObject({
      tokenSaved: false,
      zone: null,
    });
  });

  it('needs the token to remove, and says so before removing anything', async () => {
    await call('cloudflare.connect', { domain: DOMAIN, token: zoneToken() });
    await call('cloudflare.write', await confirmed({ domain: DOMAIN, confirm: true }));
    await app.secretStore.delete(`cloudflare:${DOMAIN}`);
    expect((await failure('ledger.removeAll', { confirm: true })).code).toBe('CLOUDFLARE_TOKEN_NEEDED');
    expect(app.settings.get().ledger.filter((e) => e.kind === 'cloudflare-record')).toHaveLength(4);
  });

  it('writes nothing when the zone changed after the preview, and answers with the new preview', async () => {
    await call('cloudflare.connect', { domain: DOMAIN, token: zoneToken() });
    const shown = await call<CloudflarePreview>('cloudflare.preview', { domain: DOMAIN });
    expect(shown.changes.find((c) => c.purpose === 'dmarc')?.action).toBe('in-place');
    // Between the preview and the click, someone makes the DMARC policy stricter at Cloudflare.
    const dmarc = peer.zone(DOMAIN).records.find((r) => r.name === `_dmarc.${DOMAIN}`)!;
    dmarc.content = 'v=DMARC1; p=reject';
    const before = JSON.stringify(peer.zone(DOMAIN).records);
    const result = await call<CloudflareWriteResult>('cloudflare.write', {
      domain: DOMAIN,
      confirm: true,
      digest: shown.digest,
    });
    expect(result).toMatchObject({ stale: true, written: [] });
    expect(JSON.stringify(peer.zone(DOMAIN).records)).toBe(before);
    expect(peer.requests.some((r) => /^(POST|PATCH|DELETE) /.test(r))).toBe(false);
    // The answer is the preview as the zone is now: the stricter policy is kept as it is.
    expect(result.digest).not.toBe(shown.digest);
    expect(result.changes.find((c) => c.purpose === 'dmarc')).toMatchObject({
      action: 'in-place',
      value: 'v=DMARC1; p=reject',
    });
  });

  it('writes nothing without a confirmation', async () => {
    await call('cloudflare.connect', { domain: DOMAIN, token: zoneToken() });
    const before = JSON.stringify(peer.zone(DOMAIN).records);
    expect((await failure('cloudflare.write', { domain: DOMAIN })).code).toBe('INVALID_INPUT');
    expect(JSON.stringify(peer.zone(DOMAIN).records)).toBe(before);
  });
});

describe('Cloudflare’s failures, in words', () => {
  it('a token without DNS edit', async () => {
    await call('cloudflare.connect', {
      domain: DOMAIN,
      token: peer.addToken({ zones: [peer.zone(DOMAIN).id], dnsEdit: false }),
    });
    expect((await failure('cloudflare.write', await confirmed({ domain: DOMAIN, confirm: true }))).code).toBe(
      'CLOUDFLARE_NO_DNS_EDIT',
    );
  });

  it('a domain not active at Cloudflare yet', async () => {
    await call('cloudflare.connect', { domain: DOMAIN, token: zoneToken() });
    peer.zone(DOMAIN).status = 'pending';
    expect((await failure('cloudflare.preview', { domain: DOMAIN })).code).toBe('CLOUDFLARE_ZONE_PENDING');
  });

  it('a short rate limit is waited out as Retry-After says; a long one is reported', async () => {
    await call('cloudflare.connect', { domain: DOMAIN, token: zoneToken() });
    peer.faults.rateLimit = { count: 1, retryAfter: 1 };
    const started = Date.now();
    await call('cloudflare.preview', { domain: DOMAIN });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    peer.faults.rateLimit = { count: 1, retryAfter: 300 };
    const error = await failure('cloudflare.preview', { domain: DOMAIN });
    expect(error.code).toBe('CLOUDFLARE_RATE_LIMITED');
    expect(error.fix).toContain('5 minutes');
  });

  it('server errors are retried, and reported once they go on', async () => {
    await call('cloudflare.connect', { domain: DOMAIN, token: zoneToken() });
    peer.faults.serverErrors = 2;
    await call('cloudflare.preview', { domain: DOMAIN });
    peer.faults.serverErrors = 100;
    expect((await failure('cloudflare.preview', { domain: DOMAIN })).code).toBe('CLOUDFLARE_DOWN');
  });
});
