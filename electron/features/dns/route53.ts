/**
 * Writing the SES records into Route 53 for the person, when their domain's zone is a Route 53
 * hosted zone the admin session can see. The sending user has no Route 53 rights on purpose.
 * Invariants: nothing is written without a preview and an explicit confirmation; only records that
 * are missing or wrong are written (UPSERT); other values that share a name (another TXT record)
 * are kept; everything written is recorded in the ledger.
 */
import type { Route53Client, ResourceRecordSet } from '@aws-sdk/client-route-53';
import type { AwsClients } from '../../core/aws-clients';
import type { ServiceContext } from '../../core/context';
import type { ExistingRecords } from './record-plan';
import { dnsOptions } from './options';
import { previewDigest } from './preview-digest';
import { planFor, readToday } from './today';
import type { DnsPlan, PlannedRecord, PlanNote } from './types';
import { fail, toAssistantError } from '../../core/errors';
import { recordCreated, type LedgerEntry } from '../../core/ledger';
import { domainSesFacts } from '../identities';

export interface HostedZone {
  id: string;
  name: string;
}

/** One record set to write: what Route 53 holds now and what it will hold. */
export interface Route53Change {
  purpose: PlannedRecord['purpose'];
  type: PlannedRecord['type'];
  name: string;
  /** `create`: nothing there yet; `fix`: something else is there and will be replaced. */
  action: 'create' | 'fix';
  /** The value SES needs. */
  value: string;
  /** What the record set holds today (empty when missing). */
  current: string[];
  /** Everything the record set will hold (other TXT values at the name are kept). */
  values: string[];
}

export interface Route53Preview {
  domain: string;
  region: string;
  /** Null when no public hosted zone for the domain is visible to the admin session. */
  zone: HostedZone | null;
  changes: Route53Change[];
  /** Records already right: what they are for, where, and the value they hold. */
  inPlace: { purpose: PlannedRecord['purpose']; type: string; name: string; value: string }[];
  notes: PlanNote[];
  /** The fingerprint of `changes` and `notes`: publishing needs it, and writes only what it names. */
  digest: string;
}

export interface Route53PublishResult extends Route53Preview {
  /**
   * True when the zone, DNS or SES changed since the preview that was confirmed: nothing was
   * written, and this result is the new preview to confirm.
   */
  stale: boolean;
  written: Route53Change[];
  /** Route 53's change id and status (PENDING until its servers all have it, usually under a minute). */
  changeId: string | null;
  changeStatus: string | null;
}

const TTL = 300;
const ADMIN_WHY = 'Writing DNS records in your Route 53 hosted zone needs admin rights.';
const sdk = () => import('@aws-sdk/client-route-53');

const bare = (name: string) => name.toLowerCase().replace(/\.$/, '');

/** Route 53 holds a TXT value as quoted strings of at most 255 characters each. */
export function toTxtRecord(value: string): string {
  const chunks = value.match(/[\s\S]{1,255}/g) ?? [''];
  return chunks.map((c) => `"${c.replace(/(["\\])/g, '\\$1')}"`).join(' ');
}

export function fromTxtRecord(record: string): string {
  const parts = [...record.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
  return parts.length ? parts.join('') : record;
}

function readValues(set: ResourceRecordSet): string[] {
  const raw = (set.ResourceRecords ?? []).map((r) => r.Value ?? '');
  if (set.Type === 'TXT') return raw.map(fromTxtRecord);
  if (set.Type === 'CNAME') return raw.map(bare);
  if (set.Type === 'MX') return raw.map((v) => v.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' '));
  return raw;
}

const same = (a: string, b: string, type: string) =>
  type === 'TXT' ? a.trim() === b.trim() : bare(a) === bare(b);

/** The public hosted zone that holds the domain: its own, or the closest parent's. */
export async function findZone(route53: Route53Client, domain: string): Promise<HostedZone | null> {
  const { ListHostedZonesByNameCommand } = await sdk();
  const labels = bare(domain).split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const candidate = labels.slice(i).join('.');
    const out = await route53.send(
      new ListHostedZonesByNameCommand({ DNSName: `${candidate}.`, MaxItems: 5 }),
    );
    const zone = (out.HostedZones ?? []).find(
      (z) => bare(z.Name ?? '') === candidate && !z.Config?.PrivateZone,
    );
    if (zone?.Id) return { id: zone.Id.replace(/^\/hostedzone\//, ''), name: candidate };
  }
  return null;
}

/** Every record set of the zone, keyed "name TYPE" (up to 5,000; enough for any domain sending mail). */
async function recordSets(route53: Route53Client, zoneId: string): Promise<Map<string, ResourceRecordSet>> {
  const { ListResourceRecordSetsCommand } = await sdk();
  const sets = new Map<string, ResourceRecordSet>();
  let start: { name?: string; type?: string } = {};
  for (let page = 0; page < 17; page++) {
    const out = await route53.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: start.name,
        StartRecordType: start.type as never,
      }),
    );
    for (const set of out.ResourceRecordSets ?? []) sets.set(`${bare(set.Name ?? '')} ${set.Type}`, set);
    if (!out.IsTruncated) break;
    start = { name: out.NextRecordName, type: out.NextRecordType };
  }
  return sets;
}

function existingFrom(
  sets: Map<string, ResourceRecordSet>,
  domain: string,
  mailFrom: string,
): Pick<ExistingRecords, 'dmarc' | 'apexTxt' | 'mailFromCname'> {
  const txt = (name: string) => {
    const set = sets.get(`${name} TXT`);
    return set ? readValues(set) : [];
  };
  const cname = sets.get(`${mailFrom} CNAME`);
  return {
    dmarc: txt(`_dmarc.${domain}`),
    apexTxt: txt(domain),
    mailFromCname: cname ? (readValues(cname)[0] ?? '') : null,
  };
}

/** TXT values at a name that are not of the record's own kind stay (another service's TXT). */
function keepOthers(record: PlannedRecord, current: string[]): string[] {
  if (record.type !== 'TXT') return [];
  const ours = record.purpose === 'dmarc' ? /^v=dmarc1/i : /^v=spf1/i;
  return current.filter((v) => !ours.test(v.trim()));
}

/** Compares the plan with what the zone holds: pure, for unit tests. */
export function diffPlan(
  plan: DnsPlan,
  sets: Map<string, ResourceRecordSet>,
): Pick<Route53Preview, 'changes' | 'inPlace'> {
  const changes: Route53Change[] = [];
  const inPlace: Route53Preview['inPlace'] = [];
  for (const record of plan.records) {
    const set = sets.get(`${bare(record.name)} ${record.type}`);
    const current = set ? readValues(set) : [];
    const others = keepOthers(record, current);
    const ownNow = current.filter((v) => !others.includes(v));
    if (ownNow.length === 1 && same(ownNow[0]!, record.value, record.type)) {
      inPlace.push({ purpose: record.purpose, type: record.type, name: record.name, value: record.value });
      continue;
    }
    changes.push({
      purpose: record.purpose,
      type: record.type,
      name: record.name,
      action: current.length ? 'fix' : 'create',
      value: record.value,
      current,
      values: [...others, record.value],
    });
  }
  return { changes, inPlace };
}

/** The DKIM tokens and MAIL FROM domain SES holds for the domain (read with the sending user). */
async function sesFacts(clients: AwsClients, domain: string) {
  const facts = await domainSesFacts(clients, domain);
  return {
    dkimTokens: facts.dkimTokens,
    dkimDomain: facts.dkimDomain,
    mailFromDomain: facts.configuredMailFrom ?? `bounce.${domain}`,
  };
}

async function prepare(ctx: ServiceContext, domain: string) {
  // Asked first: without admin access there is nothing to preview.
  const credentials = ctx.admin.credentials(ADMIN_WHY);
  const region = ctx.settings.get().region;
  const route53 = await ctx.awsClients(region, credentials).route53();
  const facts = await sesFacts(await ctx.clientsFor(undefined, region), domain);
  const doing = { doing: 'reading your Route 53 hosted zones' };
  const zone = await findZone(route53, domain).catch((err: unknown) => fail(toAssistantError(err, doing)));
  const base = { domain, region, zone };
  if (!zone) {
    const notes = [
      {
        code: 'NO_HOSTED_ZONE',
        message: `${domain} is not in a Route 53 hosted zone of this AWS account, so the records must be added where its DNS is managed.`,
      },
    ];
    return { route53, preview: withDigest({ ...base, changes: [], inPlace: [], notes }) };
  }
  const sets = await recordSets(route53, zone.id).catch((err: unknown) => fail(toAssistantError(err, doing)));
  // The zone's own records come from Route 53; what applies from above it (a parent's DMARC policy,
  // the SPF lookups) is read through DNS, as on every other path.
  const held = existingFrom(sets, domain, bare(facts.mailFromDomain));
  const today = await readToday(domain, facts.mailFromDomain, dnsOptions(ctx), held, ctx.log);
  const plan = planFor({ domain, region, ...facts, zone: zone.name }, today);
  return { route53, preview: withDigest({ ...base, ...diffPlan(plan, sets), notes: plan.notes }) };
}

function withDigest(preview: Omit<Route53Preview, 'digest'>): Route53Preview {
  const { zone, changes, notes } = preview;
  return { ...preview, digest: previewDigest({ zone, changes, notes }) };
}

/** What would be written: the records missing or wrong in the zone. Changes nothing. */
export async function previewRoute53(ctx: ServiceContext, domain: string): Promise<Route53Preview> {
  return (await prepare(ctx, domain)).preview;
}

/**
 * Writes only the missing or wrong records (UPSERT), then records each in the ledger. Only what the
 * confirmed preview showed (`digest`): if the zone, DNS or SES changed since, nothing is written
 * and the new preview comes back (`stale`).
 */
export async function publishRoute53(
  ctx: ServiceContext,
  domain: string,
  digest: string,
): Promise<Route53PublishResult> {
  const { route53, preview } = await prepare(ctx, domain);
  const nothing = { written: [], changeId: null, changeStatus: null };
  if (preview.digest !== digest) {
    ctx.log.info('route53: preview changed before writing, nothing written', { domain });
    return { ...preview, ...nothing, stale: true };
  }
  if (!preview.zone || preview.changes.length === 0) return { ...preview, ...nothing, stale: false };
  const { ChangeResourceRecordSetsCommand } = await sdk();
  const out = await route53
    .send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: preview.zone.id,
        ChangeBatch: {
          Comment: 'SES Setup Assistant: records for Amazon SES',
          Changes: preview.changes.map((c) => ({
            Action: 'UPSERT',
            ResourceRecordSet: {
              Name: c.name,
              Type: c.type,
              TTL: TTL,
              ResourceRecords: c.values.map((v) => ({ Value: c.type === 'TXT' ? toTxtRecord(v) : v })),
            },
          })),
        },
      }),
    )
    .catch((err: unknown) => fail(toAssistantError(err, { doing: 'writing your DNS records in Route 53' })));
  for (const c of preview.changes)
    await recordCreated(ctx, {
      kind: 'route53-record',
      id: `${c.name} ${c.type}`,
      label: `DNS record ${c.type} ${c.name} (Route 53)`,
      meta: { zoneId: preview.zone.id, type: c.type, value: c.value },
    });
  ctx.log.info('route53: records written', { domain, count: preview.changes.length });
  return {
    ...withDigest({
      ...preview,
      changes: [],
      inPlace: [
        ...preview.inPlace,
        ...preview.changes.map(({ purpose, type, name, value }) => ({ purpose, type, name, value })),
      ],
    }),
    written: preview.changes,
    changeId: out.ChangeInfo?.Id ?? null,
    changeStatus: out.ChangeInfo?.Status ?? null,
    stale: false,
  };
}

/**
 * The ledger's remover for 'route53-record': takes out only the value the assistant wrote. Other
 * TXT values at the name stay; a record someone has since changed is left alone.
 */
export async function removeRecord(admin: AwsClients, entry: LedgerEntry): Promise<void> {
  const route53 = await admin.route53();
  const { ListResourceRecordSetsCommand, ChangeResourceRecordSetsCommand } = await sdk();
  const zoneId = entry.meta?.zoneId;
  const type = entry.meta?.type ?? entry.id.split(' ').pop()!;
  const name = entry.id.slice(0, -(type.length + 1));
  const value = entry.meta?.value ?? '';
  if (!zoneId) return;
  const out = await route53.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      StartRecordName: name,
      StartRecordType: type as never,
      MaxItems: 1,
    }),
  );
  const set = out.ResourceRecordSets?.find((s) => bare(s.Name ?? '') === bare(name) && s.Type === type);
  if (!set) return;
  const values = readValues(set);
  if (!values.some((v) => same(v, value, type))) return;
  const rest = (set.ResourceRecords ?? []).filter((_, i) => !same(values[i]!, value, type));
  await route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      ChangeBatch: {
        Changes: [
          rest.length
            ? { Action: 'UPSERT', ResourceRecordSet: { ...set, ResourceRecords: rest } }
            : { Action: 'DELETE', ResourceRecordSet: set },
        ],
      },
    }),
  );
}
