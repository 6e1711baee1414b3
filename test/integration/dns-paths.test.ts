/**
 * One reading of what applies today, on every path: the DNS screen's plan, the live check, Route 53,
 * Cloudflare, the hand-off and the CLI get the same records for the same domain and zone, and none
 * of them proposes anything weaker than what applied before. The table crosses the domain shapes
 * people bring (apex, subdomain in its parent's zone, delegated subdomain, international name) with
 * the DMARC they already have (none, their own, a strict parent, a parent that cannot be read) and
 * the SPF record at their apex (none, 9, 10 or 11 lookups), each world a domain of its own, served
 * at once by real peers: nsd (the domain's own servers, and a recursive view), moto (SES and Route
 * 53) and the Cloudflare peer. The expected outcome of each world is written down here, not taken
 * from the app.
 */
import { domainToASCII } from 'node:url';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import type { CliIo } from '../../cli/command';
import type { CloudflarePreview } from '../../electron/features/cloudflare';
import type { Route53Preview } from '../../electron/features/dns/route53';
import type { DnsPlanView, DnsReport } from '../../electron/features/dns/types';
import type { HandOffView } from '../../electron/features/handoff/types';
import type { Result } from '../../electron/ipc/contract';
import { startCloudflarePeer, type CloudflarePeer, type ZoneSeed } from '../peers/cloudflare';
import { startMoto, type Moto } from '../peers/moto';
import { startNsd, type Nsd, type ZoneText } from '../peers/nsd';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, DUMMY_ADMIN, verifyDomain } from '../support/aws';
import { INCLUDED_SPF_ZONES } from '../support/dns-zones';

const REGION = 'us-east-1';
const SHAPES = ['apex', 'subdomain', 'delegated', 'unicode'] as const;
const DMARCS = ['none', 'own', 'strict-parent', 'parent-unreadable'] as const;
const SPFS = ['none', 9, 10, 11] as const;
const OWN_DMARC = (domain: string) => `v=DMARC1; p=quarantine; rua=mailto:dmarc@${domain}`;
const STRICT_PARENT = 'v=DMARC1; p=reject; sp=reject';

interface World {
  label: string;
  shape: (typeof SHAPES)[number];
  dmarc: (typeof DMARCS)[number];
  spf: (typeof SPFS)[number];
  /** The domain as DNS knows it (ASCII). */
  domain: string;
  /** The zone that holds the domain's records. */
  zone: string;
  /** The organisation's zone above a subdomain, when the domain has one. */
  parent: string | null;
}

function worlds(): World[] {
  const out: World[] = [];
  for (const shape of SHAPES)
    for (const dmarc of DMARCS)
      for (const spf of SPFS) {
        const org = `w${out.length}.test`;
        const domain =
          shape === 'apex' ? org : shape === 'unicode' ? domainToASCII(`bücher.${org}`) : `mail.${org}`;
        const zone = shape === 'delegated' ? domain : org;
        out.push({
          label: `${shape} × ${dmarc} DMARC × ${spf} SPF`,
          shape,
          dmarc,
          spf,
          domain,
          zone,
          parent: shape === 'apex' ? null : org,
        });
      }
  return out;
}

const rel = (name: string, zone: string) => (name === zone ? '@' : name.slice(0, -(zone.length + 1)));

/** An apex SPF record needing `n` lookups: a: terms at names that exist (no void lookups). */
const spfWith = (n: number) =>
  `v=spf1 ${Array.from({ length: n }, (_, i) => `a:h${i}.spfhosts.test`).join(' ')} ~all`;

/** The records of the domain's own zone, as (name, type, value) with TXT unquoted. */
function ownRecords(w: World): { name: string; type: string; value: string }[] {
  const records: { name: string; type: string; value: string }[] = [];
  if (w.dmarc === 'own')
    records.push({ name: `_dmarc.${w.domain}`, type: 'TXT', value: OWN_DMARC(w.domain) });
  if (w.spf !== 'none') records.push({ name: w.domain, type: 'TXT', value: spfWith(w.spf) });
  const parentInZone = w.parent && w.parent === w.zone;
  if (parentInZone && (w.dmarc === 'strict-parent' || w.dmarc === 'parent-unreadable'))
    records.push({ name: `_dmarc.${w.parent}`, type: 'TXT', value: STRICT_PARENT });
  records.push({ name: `www.${w.zone}`, type: 'A', value: '192.0.2.80' });
  return records;
}

function zoneText(origin: string, records: { name: string; type: string; value: string }[]): ZoneText {
  const lines = records.map(
    (r) => `${rel(r.name, origin)} IN ${r.type} ${r.type === 'TXT' ? `"${r.value}"` : r.value}`,
  );
  return { origin, records: lines.join('\n') };
}

/**
 * The domains' own servers serve each domain's zone and nothing above a delegated one (so they
 * refuse its parent, as a delegated zone's servers do). The recursive view serves everything a
 * resolver would find, except the parents that "cannot be read".
 */
function servedZones(all: World[]): { auth: ZoneText[]; view: ZoneText[] } {
  const auth = all.map((w) => zoneText(w.zone, ownRecords(w)));
  const view: ZoneText[] = [
    {
      origin: 'spfhosts.test',
      records: Array.from({ length: 12 }, (_, i) => `h${i} IN A 198.51.100.${i + 1}`).join('\n'),
    },
    ...INCLUDED_SPF_ZONES,
  ];
  for (const w of all) {
    const hidden = w.dmarc === 'parent-unreadable' && w.parent !== null;
    if (w.shape === 'delegated') {
      view.push(zoneText(w.zone, ownRecords(w)));
      if (!hidden)
        view.push(
          zoneText(
            w.parent!,
            w.dmarc === 'strict-parent'
              ? [{ name: `_dmarc.${w.parent}`, type: 'TXT', value: STRICT_PARENT }]
              : [],
          ),
        );
    } else if (!hidden) view.push(zoneText(w.zone, ownRecords(w)));
  }
  return { auth, view };
}

/** What every path must agree on: the records, and what was decided about DMARC. */
interface Signature {
  records: string[];
  dmarc: string | null;
}

const sig = (
  records: { purpose: string; type: string; name: string; value: string }[],
  notes?: { code: string }[],
): Signature => ({
  records: records.map((r) => `${r.purpose} ${r.type} ${r.name} ${r.value}`).sort(),
  dmarc: notes ? (notes.map((n) => n.code).find((c) => c.startsWith('DMARC_')) ?? null) : null,
});

/** The outcome each world must have, written from the rules, not from the app. */
function expected(
  w: World,
  tokens: string[],
): { dmarcRecord: string | null; dmarcNote: string; spfOffered: boolean } {
  const above = w.shape !== 'apex';
  const dmarc =
    w.dmarc === 'own'
      ? { dmarcRecord: OWN_DMARC(w.domain), dmarcNote: 'DMARC_KEPT' }
      : w.dmarc === 'strict-parent' && above
        ? { dmarcRecord: null, dmarcNote: 'DMARC_INHERITED' }
        : w.dmarc === 'parent-unreadable' && above
          ? { dmarcRecord: null, dmarcNote: 'DMARC_NOT_READ' }
          : { dmarcRecord: 'v=DMARC1; p=none', dmarcNote: 'DMARC_NEW' };
  void tokens;
  return { ...dmarc, spfOffered: w.spf === 'none' || w.spf === 9 };
}

let moto: Moto;
let auth: Nsd;
let view: Nsd;
let cloudflare: CloudflarePeer;
let app: TestApp;
let tokens: string[];
const ALL = worlds();

function value<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.title}`);
  return result.value as T;
}

beforeAll(async () => {
  moto = await startMoto();
  const route53 = new Route53Client({
    region: REGION,
    endpoint: moto.endpoint,
    credentials: DUMMY_ADMIN,
    maxAttempts: 1,
  });
  const served = servedZones(ALL);
  [auth, view] = await Promise.all([startNsd(served.auth), startNsd(served.view)]);
  const seeds: ZoneSeed[] = [];
  for (const w of ALL) {
    tokens = await verifyDomain(moto.endpoint, w.domain, REGION);
    const zone = await route53.send(new CreateHostedZoneCommand({ Name: w.zone, CallerReference: w.zone }));
    await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zone.HostedZone!.Id!,
        ChangeBatch: {
          Changes: ownRecords(w).map((r) => ({
            Action: 'UPSERT' as const,
            ResourceRecordSet: {
              Name: r.name,
              Type: r.type as 'TXT',
              TTL: 60,
              ResourceRecords: [{ Value: r.type === 'TXT' ? `"${r.value}"` : r.value }],
            },
          })),
        },
      }),
    );
    seeds.push({
      name: w.zone,
      nameservers: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'],
      records: ownRecords(w).map((r) => ({
        type: r.type,
        name: r.name,
        content: r.value,
        proxied: false,
        ttl: 1,
      })),
    });
  }
  cloudflare = await startCloudflarePeer({ zones: seeds });
  app = await buildTestApp({
    endpoint: moto.endpoint,
    peers: {
      dns: { authoritative: auth.server, resolver: view.server, timeoutMs: 1_500 },
      cloudflare: { apiBase: cloudflare.apiBase },
    },
  });
  const key = await createUserWithKey(moto.endpoint, 'dns-paths');
  value(
    await app.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      region: REGION,
    }),
    'connect',
  );
  app.assistant.context.admin.open(
    { kind: 'keys', ...DUMMY_ADMIN },
    {
      arn: 'arn:aws:iam::123456789012:user/admin',
      accountId: '123456789012',
      kind: 'long-term',
      since: new Date().toISOString(),
    },
  );
  for (const w of ALL)
    value(
      await app.router.invoke('cloudflare.connect', {
        domain: w.domain,
        token: cloudflare.addToken({ zones: [cloudflare.zone(w.zone).id] }),
      }),
      `cloudflare.connect ${w.domain}`,
    );
}, 180_000);

afterAll(async () => {
  await cloudflare?.stop();
  await Promise.all([moto?.stop(), auth?.stop(), view?.stop()]);
});

async function cliHandOff(
  w: World,
): Promise<{ records: { purpose: string; type: string; name: string; value: string }[] }> {
  let out = '';
  const io: CliIo = { readStdin: async () => '', out: (t) => void (out += t), err: () => undefined, env: {} };
  const args = [
    'dns-handoff',
    w.domain,
    '--region',
    REGION,
    '--dkim-tokens',
    tokens.join(','),
    '--nameserver',
    auth.server,
    '--resolver',
    view.server,
    '--json',
  ];
  expect(await runCli(args, io)).toBe(0);
  return JSON.parse(out);
}

/** Every path's reading of one world. */
async function paths(w: World): Promise<Record<string, Signature>> {
  const ask = async <T>(channel: string, input: unknown) =>
    value<T>(await app.router.invoke(channel, input), `${channel} ${w.domain}`);
  const [plan, report, r53, cf, handoff, cli] = await Promise.all([
    ask<DnsPlanView>('dns.plan', { domain: w.domain }),
    ask<DnsReport>('dns.check', { domain: w.domain }),
    ask<Route53Preview>('route53.preview', { domain: w.domain }),
    ask<CloudflarePreview>('cloudflare.preview', { domain: w.domain }),
    ask<HandOffView>('handoff.prepare', { domain: w.domain }),
    cliHandOff(w),
  ]);
  return {
    screen: sig(plan.records, plan.notes),
    check: sig(
      report.records.map((r) => ({ ...r, value: r.expected })),
      report.notes,
    ),
    route53: sig([...r53.changes, ...r53.inPlace], r53.notes),
    cloudflare: sig(
      cf.changes.filter((c) => c.purpose !== 'apex-spf'),
      cf.notes,
    ),
    handoff: { ...sig(handoff.records), dmarc: sig(plan.records, plan.notes).dmarc },
    cli: { ...sig(cli.records), dmarc: sig(plan.records, plan.notes).dmarc },
    spf: {
      records: [
        `screen ${plan.apexSpfOption !== null && !plan.apexSpfOption.alreadyIncluded}`,
        `cloudflare ${cf.spf?.canMerge === true}`,
      ],
      dmarc: null,
    },
  };
}

describe('every path reads what applies today the same way', () => {
  it(`gives the same plan on all six paths over ${ALL.length} worlds, never weaker than what applied`, async () => {
    const disagreements: string[] = [];
    for (const w of ALL) {
      const got = await paths(w);
      const want = expected(w, tokens);
      const screen = got.screen!;
      for (const [path, s] of Object.entries(got))
        if (path !== 'spf' && JSON.stringify(s) !== JSON.stringify(screen))
          disagreements.push(
            `${w.label} (${w.domain}): ${path} ${JSON.stringify(s)} ≠ screen ${JSON.stringify(screen)}`,
          );
      const dmarc = screen.records.filter((r) => r.startsWith('dmarc '));
      const dmarcWanted = want.dmarcRecord ? [`dmarc TXT _dmarc.${w.domain} ${want.dmarcRecord}`] : [];
      if (JSON.stringify(dmarc) !== JSON.stringify(dmarcWanted) || screen.dmarc !== want.dmarcNote)
        disagreements.push(
          `${w.label}: DMARC ${JSON.stringify(dmarc)} ${screen.dmarc}, wanted ${JSON.stringify(dmarcWanted)} ${want.dmarcNote}`,
        );
      const offered = [`screen ${want.spfOffered}`, `cloudflare ${want.spfOffered}`];
      if (JSON.stringify(got.spf!.records) !== JSON.stringify(offered))
        disagreements.push(
          `${w.label}: SPF merge offered ${JSON.stringify(got.spf!.records)}, wanted ${want.spfOffered}`,
        );
    }
    expect(disagreements).toEqual([]);
  }, 300_000);
});
