/**
 * The ledger: every AWS resource the app creates is recorded in settings, so the person can see it
 * on "What this app created" and remove it, one by one or all at once. Each area that creates
 * resources records them here and provides how to remove its kinds.
 */
import type { ServiceContext } from './context';

export interface LedgerEntry {
  /** What it is, e.g. 'iam-user', 'iam-policy', 'iam-access-key', 'ses-identity', 'route53-record', 'sns-topic'. */
  kind: string;
  /** AWS's own identifier: a user name, policy ARN, key id, identity, record "name TYPE", topic ARN. */
  id: string;
  region?: string;
  /** Words for the screen, e.g. "IAM user ses-sender". */
  label?: string;
  /** Extra facts needed to remove it (e.g. the hosted zone of a record, the user of a key). */
  meta?: Record<string, string>;
  createdAt: string;
}

export async function recordCreated(
  ctx: ServiceContext,
  entry: Omit<LedgerEntry, 'createdAt'>,
): Promise<void> {
  const created: LedgerEntry = { ...entry, createdAt: ctx.clock().toISOString() };
  await ctx.settings.update((s) => ({
    ...s,
    ledger: [...s.ledger.filter((e) => !sameEntry(e, entry)), created],
  }));
}

/** One entry is one resource: the same identity verified in two regions is two entries. */
export function sameEntry(
  a: Pick<LedgerEntry, 'kind' | 'id' | 'region'>,
  b: Pick<LedgerEntry, 'kind' | 'id' | 'region'>,
): boolean {
  return a.kind === b.kind && a.id === b.id && (a.region ?? null) === (b.region ?? null);
}

export async function forgetEntry(
  ctx: ServiceContext,
  kind: string,
  id: string,
  region?: string,
): Promise<void> {
  await ctx.settings.update((s) => ({
    ...s,
    ledger: s.ledger.filter((e) => !sameEntry(e, { kind, id, region })),
  }));
}
