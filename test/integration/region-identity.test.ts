import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistantError } from '../../electron/ipc/contract';
import { startMoto, type Moto } from '../peers/moto';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, DUMMY_ADMIN, type TestKey } from '../support/aws';

/**
 * Between the app and moto: requests signed for af-south-1 never get an answer and those for
 * me-south-1 get a 500, so the region list must mark both unknown without failing or waiting long.
 */
async function regionFaultProxy(target: string) {
  const server = http.createServer((req, res) => {
    const scope = /Credential=[^/]+\/\d+\/([a-z0-9-]+)\//.exec(req.headers.authorization ?? '')?.[1];
    if (scope === 'af-south-1') return; // silence
    if (scope === 'me-south-1')
      return void res.writeHead(500).end('<Error><Code>InternalFailure</Code></Error>');
    const upstream = http.request(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

let moto: Moto;
let proxy: Awaited<ReturnType<typeof regionFaultProxy>>;
let app: TestApp;
let key: TestKey;
let route53: Route53Client;

async function call<T = unknown>(channel: string, input: unknown): Promise<T> {
  const result = await app.router.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.title}`);
  return result.value as T;
}
async function failure(channel: string, input: unknown): Promise<AssistantError> {
  const result = await app.router.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

beforeAll(async () => {
  moto = await startMoto();
  proxy = await regionFaultProxy(moto.endpoint);
  key = await createUserWithKey(moto.endpoint, 'ses-sender', { allowAll: true });
  app = await buildTestApp({ endpoint: proxy.endpoint, awsRequestTimeoutMs: 1500 });
  await call('connection.connect', {
    source: 'keys',
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    region: 'us-east-1',
  });
  route53 = new Route53Client({
    region: 'us-east-1',
    endpoint: moto.endpoint,
    credentials: DUMMY_ADMIN,
    maxAttempts: 1,
  });
});

afterAll(async () => {
  await proxy?.stop();
  await moto?.stop();
});

describe('sender identities against moto (SES v1)', () => {
  it('verifies a domain with Easy DKIM and a bounce MAIL FROM, and records it in the ledger', async () => {
    const view = await call<{
      identity: string;
      state: string;
      dkim: { tokens: string[] };
      mailFrom: { domain: string; behaviorOnMxFailure?: string };
    }>('identities.verifyDomain', { domain: 'Example.COM' });
    expect(view.identity).toBe('example.com');
    expect(view.state).toBe('verified');
    expect(view.dkim.tokens).toHaveLength(3);
    expect(view.mailFrom.domain).toBe('bounce.example.com');
    // Set explicitly: a missing MX record makes SES fall back to its own MAIL FROM, not refuse mail.
    expect(view.mailFrom.behaviorOnMxFailure).toBe('UseDefaultValue');
    const entry = app.settings.get().ledger.find((e) => e.kind === 'ses-identity' && e.id === 'example.com');
    expect(entry?.region).toBe('us-east-1');
  });

  it('verifies a single address and lists both with their state', async () => {
    await call('identities.verifyEmail', { address: 'hello@other.org' });
    const list = await call<{ identity: string; kind: string; state: string; advice: { label: string } }[]>(
      'identities.list',
      {},
    );
    expect(list.map((i) => [i.identity, i.kind, i.state])).toEqual([
      ['example.com', 'domain', 'verified'],
      ['hello@other.org', 'address', 'verified'],
    ]);
    expect(list[0]!.advice.label).toBe('Verified');
    expect(app.settings.get().ledger.filter((e) => e.kind === 'ses-identity')).toHaveLength(2);
  });

  it('reports one identity for polling, and says so plainly when the region does not hold it', async () => {
    expect((await call<{ state: string }>('identities.status', { identity: 'example.com' })).state).toBe(
      'verified',
    );
    expect((await failure('identities.status', { identity: 'nobody@nowhere.org' })).code).toBe(
      'IDENTITY_UNKNOWN',
    );
    expect((await failure('identities.verifyDomain', { domain: 'https://example.com/x' })).code).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('the region list and choice', () => {
  it('asks every region at once and marks a silent or failing region unknown, not fatal', async () => {
    const started = performance.now();
    const listing = await call<{
      current: string;
      chosen: boolean;
      regions: { code: string; identities: string[] | null }[];
    }>('regions.list', {});
    const elapsed = performance.now() - started;
    const byCode = new Map(listing.regions.map((r) => [r.code, r.identities]));
    expect(listing.regions).toHaveLength(27);
    expect(listing.current).toBe('us-east-1');
    expect(listing.chosen).toBe(false);
    expect(byCode.get('us-east-1')).toEqual(expect.arrayContaining(['example.com', 'hello@other.org']));
    expect(byCode.get('eu-west-1')).toEqual([]);
    expect(byCode.get('af-south-1')).toBeNull();
    expect(byCode.get('me-south-1')).toBeNull();
    // In parallel: the silent region's 1.5 s request timeout is paid once, not once per region.
    expect(elapsed).toBeLessThan(6_000);
  });

  it('saves a first choice, then refuses a change until it is confirmed', async () => {
    const first = await call<{ region: string; changed: boolean; smtpHost: string }>('regions.choose', {
      region: 'eu-west-1',
    });
    expect(first).toMatchObject({
      region: 'eu-west-1',
      changed: true,
      smtpHost: 'email-smtp.eu-west-1.amazonaws.com',
    });
    const s = app.settings.get();
    expect(s.region).toBe('eu-west-1');
    expect(s.regionChosen).toBe(true);
    expect(s.profiles.find((p) => p.id === s.activeProfileId)?.region).toBe('eu-west-1');
    // eu-west-1 has no identities of this account.
    expect(await call('identities.list', {})).toEqual([]);

    const refused = await failure('regions.choose', { region: 'us-east-1' });
    expect(refused.code).toBe('REGION_CHANGE_NEEDS_CONFIRM');
    expect(refused.explanation).toContain('sandbox');
    expect(app.settings.get().region).toBe('eu-west-1');
    expect((await failure('regions.choose', { region: 'xx-nowhere-9', confirmChange: true })).code).toBe(
      'REGION_UNKNOWN',
    );

    await call('regions.choose', { region: 'us-east-1', confirmChange: true });
    expect(app.settings.get().region).toBe('us-east-1');
    // Choosing the current region again needs no confirmation.
    await call('regions.choose', { region: 'us-east-1' });
  });
});

describe('writing the records into Route 53 with the admin session', () => {
  let zoneId: string;
  const zoneRecords = async () => {
    const out = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }));
    return new Map(
      (out.ResourceRecordSets ?? []).map((s) => [
        `${s.Name!.replace(/\.$/, '')} ${s.Type}`,
        (s.ResourceRecords ?? []).map((r) => r.Value!),
      ]),
    );
  };
  const upsert = (Name: string, Type: 'CNAME' | 'TXT', ...values: string[]) =>
    route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'UPSERT',
              ResourceRecordSet: { Name, Type, TTL: 60, ResourceRecords: values.map((Value) => ({ Value })) },
            },
          ],
        },
      }),
    );

  it('needs admin access: without it, ADMIN_NEEDED in plain words', async () => {
    const error = await failure('route53.preview', { domain: 'example.com' });
    expect(error.code).toBe('ADMIN_NEEDED');
    expect(error.explanation).toContain('Route 53');
    expect(
      (await failure('route53.publish', { domain: 'example.com', confirm: true, digest: 'a'.repeat(64) }))
        .code,
    ).toBe('ADMIN_NEEDED');
    expect((await failure('route53.publish', { domain: 'example.com' })).code).toBe('INVALID_INPUT');
  });

  it('previews what is missing, writes only that, and a second preview finds nothing missing', async () => {
    app.assistant.context.admin.open(
      { kind: 'keys', ...DUMMY_ADMIN },
      {
        arn: 'arn:aws:iam::123456789012:user/admin',
        accountId: '123456789012',
        kind: 'long-term',
        since: new Date().toISOString(),
      },
    );
    const zone = await route53.send(
      new CreateHostedZoneCommand({ Name: 'example.com', CallerReference: 'r4-test' }),
    );
    zoneId = zone.HostedZone!.Id!.replace('/hostedzone/', '');
    const tokens = (
      await call<{ dkim: { tokens: string[] } }>('identities.status', { identity: 'example.com' })
    ).dkim.tokens;
    // Already right, and another service's TXT at the MAIL FROM name that must survive.
    await upsert(`${tokens[0]}._domainkey.example.com`, 'CNAME', `${tokens[0]}.dkim.amazonses.com`);
    await upsert('bounce.example.com', 'TXT', '"google-site-verification=keep-me"');

    const preview = await call<{
      zone: { id: string };
      changes: { name: string; type: string; action: string }[];
      inPlace: unknown[];
      digest: string;
    }>('route53.preview', { domain: 'example.com' });
    expect(preview.zone.id).toBe(zoneId);
    expect(preview.changes.map((c) => `${c.action} ${c.type} ${c.name}`).sort()).toEqual(
      [
        `create CNAME ${tokens[1]}._domainkey.example.com`,
        `create CNAME ${tokens[2]}._domainkey.example.com`,
        'create TXT _dmarc.example.com',
        'create MX bounce.example.com',
        'fix TXT bounce.example.com',
      ].sort(),
    );
    expect(preview.inPlace).toHaveLength(1);

    const published = await call<{ written: unknown[] }>('route53.publish', {
      domain: 'example.com',
      confirm: true,
      digest: preview.digest,
    });
    expect(published.written).toHaveLength(5);
    const records = await zoneRecords();
    expect(records.get(`${tokens[1]}._domainkey.example.com CNAME`)).toEqual([
      `${tokens[1]}.dkim.amazonses.com`,
    ]);
    expect(records.get('bounce.example.com MX')).toEqual(['10 feedback-smtp.us-east-1.amazonses.com']);
    expect(records.get('bounce.example.com TXT')).toEqual([
      '"google-site-verification=keep-me"',
      '"v=spf1 include:amazonses.com ~all"',
    ]);
    expect(records.get('_dmarc.example.com TXT')?.[0]).toBe('"v=DMARC1; p=none"');

    const ledger = app.settings.get().ledger.filter((e) => e.kind === 'route53-record');
    expect(ledger.map((e) => e.id).sort()).toEqual(
      [
        `${tokens[1]}._domainkey.example.com CNAME`,
        `${tokens[2]}._domainkey.example.com CNAME`,
        '_dmarc.example.com TXT',
        'bounce.example.com MX',
        'bounce.example.com TXT',
      ].sort(),
    );
    expect(ledger.every((e) => e.meta?.zoneId === zoneId && e.meta?.type && e.meta?.value)).toBe(true);
    // The record that was already right was not written, so it is not the app's to remove.
    expect(ledger.some((e) => e.id.startsWith(`${tokens[0]}.`))).toBe(false);

    const again = await call<{ changes: unknown[]; inPlace: unknown[] }>('route53.preview', {
      domain: 'example.com',
    });
    expect(again.changes).toEqual([]);
    expect(again.inPlace).toHaveLength(6);
  });

  it('UPSERTs a record someone made wrong, and nothing else', async () => {
    const tokens = (
      await call<{ dkim: { tokens: string[] } }>('identities.status', { identity: 'example.com' })
    ).dkim.tokens;
    const name = `${tokens[2]}._domainkey.example.com`;
    await upsert(name, 'CNAME', `${tokens[2]}.dkim.amazonses.com.example.com`);
    const preview = await call<{
      changes: { name: string; action: string; current: string[] }[];
      digest: string;
    }>('route53.preview', { domain: 'example.com' });
    expect(preview.changes).toEqual([
      expect.objectContaining({
        name,
        action: 'fix',
        current: [`${tokens[2]}.dkim.amazonses.com.example.com`],
      }),
    ]);
    const published = await call<{ written: { name: string }[] }>('route53.publish', {
      domain: 'example.com',
      confirm: true,
      digest: preview.digest,
    });
    expect(published.written.map((w) => w.name)).toEqual([name]);
    expect((await zoneRecords()).get(`${name} CNAME`)).toEqual([`${tokens[2]}.dkim.amazonses.com`]);
  });

  it('writes nothing when the zone changed after the preview, and answers with the new preview', async () => {
    const tokens = (
      await call<{ dkim: { tokens: string[] } }>('identities.status', { identity: 'example.com' })
    ).dkim.tokens;
    const name = `${tokens[1]}._domainkey.example.com`;
    await upsert(name, 'CNAME', 'typo.example.net');
    const shown = await call<{ changes: { name: string }[]; digest: string }>('route53.preview', {
      domain: 'example.com',
    });
    expect(shown.changes.map((c) => c.name)).toEqual([name]);
    // Between the preview and the click, someone sets a strict DMARC policy and fixes the CNAME.
    await upsert('_dmarc.example.com', 'TXT', '"v=DMARC1; p=quarantine; rua=mailto:d@example.com"');
    await upsert(name, 'CNAME', 'another-typo.example.net');
    const before = await zoneRecords();
    const result = await call<{
      stale: boolean;
      written: unknown[];
      changes: { name: string; current: string[] }[];
      digest: string;
    }>('route53.publish', { domain: 'example.com', confirm: true, digest: shown.digest });
    expect(result.stale).toBe(true);
    expect(result.written).toEqual([]);
    expect(await zoneRecords()).toEqual(before);
    // The answer is the preview as things are now: the new CNAME value, and the new policy kept.
    expect(result.changes).toEqual([
      expect.objectContaining({ name, current: ['another-typo.example.net'] }),
    ]);
    expect(result.digest).not.toBe(shown.digest);
    const confirmed = await call<{ stale: boolean; written: unknown[] }>('route53.publish', {
      domain: 'example.com',
      confirm: true,
      digest: result.digest,
    });
    expect(confirmed).toMatchObject({ stale: false, written: [expect.objectContaining({ name })] });
    expect((await zoneRecords()).get('_dmarc.example.com TXT')).toEqual([
      '"v=DMARC1; p=quarantine; rua=mailto:d@example.com"',
    ]);
  });

  it('removes a written record through the ledger, keeping the other TXT value at the name', async () => {
    const report = await call<{ removed: unknown[] }>('ledger.remove', {
      kind: 'route53-record',
      id: 'bounce.example.com TXT',
    });
    expect(report.removed).toHaveLength(1);
    expect((await zoneRecords()).get('bounce.example.com TXT')).toEqual([
      '"google-site-verification=keep-me"',
    ]);
    await call('ledger.remove', { kind: 'route53-record', id: 'bounce.example.com MX' });
    expect((await zoneRecords()).has('bounce.example.com MX')).toBe(false);
  });

  it('says when the domain is in no hosted zone of the account', async () => {
    await call('identities.verifyDomain', { domain: 'elsewhere.net' });
    const preview = await call<{ zone: unknown; changes: unknown[]; notes: { code: string }[] }>(
      'route53.preview',
      {
        domain: 'elsewhere.net',
      },
    );
    expect(preview.zone).toBeNull();
    expect(preview.changes).toEqual([]);
    expect(preview.notes.map((n) => n.code)).toContain('NO_HOSTED_ZONE');
  });
});
