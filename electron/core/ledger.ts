/**
 * The ledger: every AWS resource the app creates is recorded in settings, so the person can see it
 * on "What this app created" and remove it, one by one or all at once. Each area that creates
 * resources records them here and provides how to remove its kinds.
 *
 * With it goes the rule on accounts: things of one AWS account are made, changed and removed only
 * with admin keys of that same account (assertSameAccount, connectionAdmin).
 */
import type { CredentialSource } from './aws-clients';
import type { ServiceContext } from './context';
import { fail } from './errors';

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
  /**
   * The AWS account it was made in. Missing only on entries saved by older versions: those are
   * treated as made in the account of the connection (see accountOfEntry).
   */
  accountId?: string;
  createdAt: string;
}

/**
 * The account whose session is creating things now: the admin session if one is open, else the
 * active connection. An area that knows better passes accountId in the entry itself.
 */
export function currentAccountId(ctx: ServiceContext): string | undefined {
  const admin = ctx.admin.summary()?.accountId;
  if (admin) return admin;
  const { profiles, activeProfileId } = ctx.settings.get();
  return profiles.find((p) => p.id === activeProfileId)?.accountId ?? profiles[0]?.accountId;
}

/**
 * The account an entry belongs to. Entries without an account ID (older settings) are only taken as
 * the connection's account, recorded at connect time: kept simple and safe, they are removed only by
 * a session in that same account, and never when there is no connection to tell.
 */
export function accountOfEntry(
  ctx: ServiceContext,
  entry: Pick<LedgerEntry, 'accountId'>,
): string | undefined {
  if (entry.accountId) return entry.accountId;
  const { profiles, activeProfileId } = ctx.settings.get();
  return profiles.find((p) => p.id === activeProfileId)?.accountId ?? profiles[0]?.accountId;
}

/**
 * Refuses work on things of one account with a session of another, in plain words. `what` names
 * them as the subject of "belong to AWS account …".
 */
export function assertSameAccount(
  what: string,
  expected: string | undefined,
  session: string | undefined,
  sessionWords = 'the admin keys open',
): void {
  if (expected && session && expected === session) return;
  fail({
    code: 'OTHER_ACCOUNT',
    title: 'These keys open a different AWS account',
    explanation: `${what} ${expected ? `belong to AWS account ${expected}` : 'belong to an AWS account the assistant cannot tell'}; ${sessionWords} ${session ? `account ${session}` : 'an account the assistant cannot tell'}. Nothing was changed.`,
    fix: expected
      ? `Give admin keys of account ${expected} and try again.`
      : 'Connect the sending user again so the assistant knows its account, then try again.',
    retryable: false,
  });
}

/** The AWS account of the active connection (the sending user), when known. */
const connectionAccount = (ctx: Pick<ServiceContext, 'settings'>) => {
  const { profiles, activeProfileId } = ctx.settings.get();
  return profiles.find((p) => p.id === activeProfileId)?.accountId;
};

/**
 * Whether the open admin session may be used on the connection's account: it is open and opens that
 * very account. Reads that can fall back on the sending user's key ask this first.
 */
export function adminOfConnectionAccount(ctx: Pick<ServiceContext, 'admin' | 'settings'>): boolean {
  const session = ctx.admin.summary()?.accountId;
  return Boolean(session) && session === connectionAccount(ctx);
}

/**
 * The admin credentials for a change in the connection's own account (its sending user, its
 * senders, their topics and queue). Asked first, so a missing session says ADMIN_NEEDED; then admin
 * keys of another account are refused (OTHER_ACCOUNT) before anything is made anywhere: a topic or
 * queue made in that account would be out of the sending user's reach, and SES would be pointed at
 * it. Every handler that changes the connection's account with admin access goes through here.
 */
export function connectionAdmin(
  ctx: Pick<ServiceContext, 'admin' | 'profile'>,
  why: string,
  what: string,
): CredentialSource {
  const credentials = ctx.admin.credentials(why);
  assertSameAccount(what, ctx.profile().accountId, ctx.admin.summary()?.accountId);
  return credentials;
}

export async function recordCreated(
  ctx: ServiceContext,
  entry: Omit<LedgerEntry, 'createdAt'>,
): Promise<void> {
  const accountId = entry.accountId ?? currentAccountId(ctx);
  const created: LedgerEntry = {
    ...entry,
    ...(accountId ? { accountId } : {}),
    createdAt: ctx.clock().toISOString(),
  };
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
