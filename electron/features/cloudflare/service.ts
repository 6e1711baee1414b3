/**
 * Writing the SES records into the domain's Cloudflare zone with a token the person made for it.
 * Invariants: the token is verified before it is kept, kept only in the keychain, and never
 * returned; a token that reaches zones besides the domain's is kept only when the person confirmed
 * those zones by name; nothing is written without a preview and an explicit confirmation; only
 * missing or wrong records are written, DKIM CNAMEs always "DNS only"; every record written goes in
 * the ledger with its Cloudflare id, and what it held before when it was changed, so it can be taken
 * back; once the last of a zone's records is taken back, the zone's token is forgotten.
 */
import type { ServiceContext } from '../../core/context';
import { fail } from '../../core/errors';
import { CLOUDFLARE, tokenPageUrl } from '../../core/facts/cloudflare';
import { recordCreated, type LedgerEntry } from '../../core/ledger';
import { dnsOptions, mailFromFor, planFor, previewDigest, readToday } from '../dns';
import { domainSesFacts } from '../identities';
import {
  cloudflareApi,
  CloudflareApiError,
  type CloudflareApi,
  type CloudflareZone,
  type RecordBody,
  type TokenStatus,
} from './api';
import { bare, diffZone, existingFromZone } from './changes';
import {
  asked,
  cloudflareError,
  TOKEN_INVALID,
  TOKEN_NEEDED,
  tokenNotActive,
  tokenReachesOtherZones,
  zoneNotFound,
  zonePending,
} from './errors';
import { cloudflareState, loadToken, tokenAccount } from './state';
import type {
  CloudflareChange,
  CloudflarePreview,
  CloudflareStatus,
  CloudflareWriteResult,
  SpfChoice,
} from './types';

export const RECORD_KIND = 'cloudflare-record';

export function apiFor(ctx: ServiceContext, token: string): CloudflareApi {
  return cloudflareApi({ base: ctx.peers.cloudflare?.apiBase, token });
}

export function status(ctx: ServiceContext, domain: string, tokenSaved: boolean): CloudflareStatus {
  const known = cloudflareState(ctx).get().domains[bare(domain)];
  return {
    domain: bare(domain),
    tokenSaved,
    zone: known?.zone ?? null,
    otherZones: known?.otherZones ?? 0,
    otherZoneNames: known?.otherZoneNames ?? [],
  };
}

export async function currentStatus(ctx: ServiceContext, domain: string): Promise<CloudflareStatus> {
  const known = cloudflareState(ctx).get().domains[bare(domain)];
  const token = known ? await loadToken(ctx, known.zone.name) : null;
  return status(ctx, domain, token !== null);
}

export function openTokenPage(ctx: ServiceContext, domain: string): { opened: boolean } {
  return { opened: ctx.openExternal.open(tokenPageUrl(bare(domain))) };
}

/** The zone holding the domain: its own, or the closest parent's, among those the token sees. */
async function findZone(api: CloudflareApi, domain: string): Promise<CloudflareZone | null> {
  const labels = bare(domain).split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const [zone] = await asked(api.zonesNamed(labels.slice(i).join('.')), domain, 'looking for your domain');
    if (zone) return zone;
  }
  return null;
}

/**
 * Verifies a token made under My Profile, or else one owned by an account: /user/tokens/verify
 * answers code 1000 for an account-owned token, which is then verified on the path of each account
 * it can list until one says it is its own. A token neither path knows is refused as invalid.
 */
async function verify(api: CloudflareApi, domain: string): Promise<TokenStatus> {
  const doing = 'checking the token';
  try {
    return await api.verifyToken();
  } catch (err) {
    if (!(err instanceof CloudflareApiError && err.codes.includes(CLOUDFLARE.codes.userTokenUnknown)))
      fail(cloudflareError(err, domain, doing));
  }
  for (const id of await asked(api.accountIds(), domain, doing)) {
    try {
      return await api.verifyAccountToken(id);
    } catch (err) {
      // Refused on this account's path: not its token, so the next account is asked.
      if (!(err instanceof CloudflareApiError && err.status >= 400 && err.status < 500))
        fail(cloudflareError(err, domain, doing));
    }
  }
  return fail(TOKEN_INVALID);
}

const sameNames = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name, i) => name === b[i]);

const sortedNames = (names: readonly string[]) =>
  [...new Set(names.map((n) => bare(n)))].sort((x, y) => x.localeCompare(y));

/**
 * Verifies the token, finds the domain's zone with it, and only then keeps it in the keychain. A
 * token that can change other zones is refused, naming them, unless `allowOtherZones` names exactly
 * those: what the person confirmed is what the kept token may reach.
 */
export async function connect(
  ctx: ServiceContext,
  domain: string,
  token: string,
  allowOtherZones?: string[],
): Promise<CloudflareStatus> {
  const name = bare(domain);
  const api = apiFor(ctx, token);
  const verified = await verify(api, name);
  if (verified.status !== 'active') fail(tokenNotActive(verified.status));
  const zone = await findZone(api, name);
  if (!zone) fail(zoneNotFound(name));
  const seen = await asked(api.zoneNames(), name, 'checking which domains the token opens');
  const others = sortedNames(seen.filter((z) => bare(z) !== bare(zone.name)));
  if (others.length && !sameNames(others, sortedNames(allowOtherZones ?? [])))
    fail(tokenReachesOtherZones(name, others));
  await ctx.secretStore().set(tokenAccount(zone.name), token);
  await cloudflareState(ctx).update((s) => ({
    domains: {
      ...s.domains,
      [name]: {
        zone: { id: zone.id, name: zone.name, status: zone.status },
        otherZones: others.length,
        otherZoneNames: others,
      },
    },
  }));
  ctx.log.info('cloudflare: token kept', {
    domain: name,
    zoneStatus: zone.status,
    otherZones: others.length,
  });
  return status(ctx, name, true);
}

/** Forgets the token of the domain's zone (the records written stay, and stay in the ledger). */
export async function forget(ctx: ServiceContext, domain: string): Promise<CloudflareStatus> {
  const name = bare(domain);
  const known = cloudflareState(ctx).get().domains[name];
  if (known) await ctx.secretStore().delete(tokenAccount(known.zone.name));
  await cloudflareState(ctx).update((s) => {
    const { [name]: _gone, ...rest } = s.domains;
    return { domains: rest };
  });
  return status(ctx, name, false);
}

async function connection(ctx: ServiceContext, domain: string) {
  const known = cloudflareState(ctx).get().domains[domain];
  const token = known ? await loadToken(ctx, known.zone.name) : null;
  if (!known || !token) fail(TOKEN_NEEDED);
  return { api: apiFor(ctx, token), known };
}

async function prepare(ctx: ServiceContext, domainInput: string, spf: SpfChoice, mailFromInput?: string) {
  const domain = bare(domainInput);
  const { api, known } = await connection(ctx, domain);
  // The zone is read again: its status may have changed since the token was given.
  const zone = (await findZone(api, domain)) ?? fail(zoneNotFound(domain));
  if (zone.id !== known.zone.id) fail(zoneNotFound(domain));
  if (zone.status !== 'active') fail(zonePending(domain));
  const region = ctx.settings.get().region;
  const facts = await domainSesFacts(await ctx.clientsFor(undefined, region), domain);
  const mailFromDomain = mailFromFor(domain, mailFromInput ?? facts.configuredMailFrom);
  const records = await asked(api.records(zone.id), domain, 'reading your DNS records at Cloudflare');
  // The zone's own records come from Cloudflare's list; what applies from above it (a parent's
  // DMARC policy, the SPF lookups) is read through DNS, as on every other path. Unread, it is
  // unknown, and the plan then adds no DMARC record that could replace a parent's policy.
  const held = existingFromZone(records, domain, mailFromDomain);
  const today = await readToday(domain, mailFromDomain, dnsOptions(ctx), held, ctx.log);
  const plan = planFor(
    {
      domain,
      region,
      dkimTokens: facts.dkimTokens,
      dkimDomain: facts.dkimDomain,
      mailFromDomain,
      zone: zone.name,
    },
    today,
  );
  const diffed = diffZone(plan, records, { choice: spf, lookups: today.existing.mergedSpfLookups ?? null });
  const shown = {
    domain,
    zone: { id: zone.id, name: zone.name, status: zone.status },
    ...diffed,
    notes: plan.notes,
  };
  const preview: CloudflarePreview = { ...shown, digest: digestOf(shown) };
  return { api, preview };
}

/** The fingerprint of what a preview would write: its zone, changes, SPF choice and notes. */
function digestOf(p: Omit<CloudflarePreview, 'digest'>): string {
  return previewDigest({ zone: p.zone.id, changes: p.changes, spf: p.spf?.chosen ?? null, notes: p.notes });
}

export async function preview(
  ctx: ServiceContext,
  domain: string,
  spf: SpfChoice,
  mailFrom?: string,
): Promise<CloudflarePreview> {
  return (await prepare(ctx, domain, spf, mailFrom)).preview;
}

function bodyOf(change: CloudflareChange): RecordBody {
  if (change.type === 'MX') {
    const [priority, host] = change.value.split(/\s+/);
    return { content: host ?? '', priority: Number(priority) };
  }
  // Proxying a DKIM CNAME hides it from SES, so it is always "DNS only"; TXT and MX cannot be proxied.
  return change.type === 'CNAME' ? { content: change.value, proxied: false } : { content: change.value };
}

/** Writes the missing and wrong records, each recorded in the ledger as soon as it is written. */
export async function write(
  ctx: ServiceContext,
  domain: string,
  options: { spf: SpfChoice; unproxy: boolean; mailFrom?: string; digest: string },
): Promise<CloudflareWriteResult> {
  const { api, preview: before } = await prepare(ctx, domain, options.spf, options.mailFrom);
  // What the person confirmed is what is written: if the zone, DNS or SES changed since that
  // preview, nothing is written and the new preview comes back to be confirmed.
  if (before.digest !== options.digest) {
    ctx.log.info('cloudflare: preview changed before writing, nothing written', { domain: before.domain });
    return { ...before, stale: true, written: [], skipped: [] };
  }
  const todo = before.changes.filter((c) => c.action !== 'in-place');
  const skipped = todo.filter((c) => c.unproxy && !options.unproxy);
  const written: CloudflareChange[] = [];
  const zone = before.zone;
  for (const change of todo.filter((c) => !skipped.includes(c))) {
    const doing = `writing the ${change.type} record ${change.name}`;
    const saved =
      change.action === 'add' || !change.recordId
        ? await asked(
            api.createRecord(zone.id, {
              type: change.type,
              name: change.name,
              ttl: 1,
              comment: 'Added by SES Setup Assistant for Amazon SES',
              ...bodyOf(change),
            }),
            before.domain,
            doing,
          )
        : await asked(api.patchRecord(zone.id, change.recordId, bodyOf(change)), before.domain, doing);
    await recordCreated(ctx, {
      kind: RECORD_KIND,
      id: saved.id,
      // The ledger screen shows the kind ("DNS record at Cloudflare") and then the rest of the label.
      label: `DNS record at Cloudflare ${change.type} ${change.name}`,
      meta: {
        zoneId: zone.id,
        zone: zone.name,
        type: change.type,
        name: change.name,
        content: saved.content,
        action: change.action === 'add' ? 'created' : 'changed',
        ...(change.action === 'change'
          ? { previous: change.current ?? '', previousProxied: String(change.proxied === true) }
          : {}),
      },
    });
    written.push({ ...change, recordId: saved.id });
  }
  ctx.log.info('cloudflare: records written', {
    domain: before.domain,
    count: written.length,
    skipped: skipped.length,
  });
  const after = {
    ...before,
    changes: before.changes.map((c) =>
      written.some((w) => w.name === c.name && w.purpose === c.purpose)
        ? { ...c, action: 'in-place' as const }
        : c,
    ),
  };
  return { ...after, digest: digestOf(after), stale: false, written, skipped };
}

/**
 * The ledger's remover for 'cloudflare-record', with the zone's token (not AWS admin keys): a record
 * the assistant added is deleted; one it changed gets back what it held before. A record someone has
 * changed since is left as it is, and one already gone counts as removed.
 */
export async function removeRecord(
  ctx: ServiceContext,
  entry: { id: string; meta?: Record<string, string> },
): Promise<void> {
  const meta = entry.meta ?? {};
  const zoneName = meta.zone ?? '';
  const token = zoneName ? await loadToken(ctx, zoneName) : null;
  if (!token || !meta.zoneId) fail(TOKEN_NEEDED);
  const api = apiFor(ctx, token);
  const doing = `removing the ${meta.type ?? ''} record ${meta.name ?? ''}`;
  const records = await asked(api.records(meta.zoneId), zoneName, doing);
  const current = records.find((r) => r.id === entry.id);
  if (!current) return;
  const ours = bare(current.content) === bare(meta.content ?? '') || current.content === meta.content;
  if (!ours) return;
  if (meta.action === 'changed') {
    const previous = meta.previous ?? '';
    const body: RecordBody =
      current.type === 'MX'
        ? { content: previous.split(/\s+/).pop() ?? '', priority: Number(previous.split(/\s+/)[0]) }
        : {
            content: previous,
            ...(current.type === 'CNAME' ? { proxied: meta.previousProxied === 'true' } : {}),
          };
    await asked(api.patchRecord(meta.zoneId, entry.id, body), zoneName, doing);
    return;
  }
  await asked(api.deleteRecord(meta.zoneId, entry.id), zoneName, doing);
}

/**
 * After a removal through the ledger: the token of a zone none of whose records are left in the
 * ledger is no longer needed, so it is deleted from the keychain, with what is known of the zone.
 * Returns a sentence for each token forgotten.
 */
export async function forgetUnusedTokens(ctx: ServiceContext, removed: LedgerEntry[]): Promise<string[]> {
  const left = new Set(
    ctx.settings
      .get()
      .ledger.filter((e) => e.kind === RECORD_KIND)
      .map((e) => e.meta?.zone),
  );
  const emptied = new Set(
    removed
      .filter((e) => e.kind === RECORD_KIND && e.meta?.zone && !left.has(e.meta.zone))
      .map((e) => e.meta!.zone!),
  );
  const notes: string[] = [];
  for (const zone of emptied) {
    if (!(await ctx.secretStore().delete(tokenAccount(zone)))) continue;
    await cloudflareState(ctx).update((s) => ({
      domains: Object.fromEntries(Object.entries(s.domains).filter(([, d]) => d.zone.name !== zone)),
    }));
    ctx.log.info('cloudflare: token forgotten, no records left', { zone });
    notes.push(
      `The Cloudflare token for ${zone} was forgotten: none of the records the assistant wrote there are left.`,
    );
  }
  return notes;
}

/** Checked before any removal: every zone's token is at hand. */
export async function assertTokens(
  ctx: ServiceContext,
  entries: { meta?: Record<string, string> }[],
): Promise<void> {
  for (const entry of entries) {
    const zone = entry.meta?.zone;
    if (!zone || !(await loadToken(ctx, zone))) fail(TOKEN_NEEDED);
  }
}
