import type { AwsClients } from '../../core/aws-clients';
import type { ServiceContext } from '../../core/context';
import type { LedgerEntry } from '../../core/ledger';

/** Something the app created in AWS, as the "What this app created" screen lists it. */
export type LedgerItem = LedgerEntry;

export interface RemovalReport {
  removed: LedgerItem[];
  ledger: LedgerItem[];
  notes: string[];
}

/** How one kind of ledger entry is removed, with the admin session's clients. */
export type Remover = (admin: AwsClients, entry: LedgerEntry) => Promise<void>;

/** An area's removers, and which of its kinds go before the rest (a queue before its topic). */
export interface Removers {
  kinds: Record<string, Remover>;
  first: string[];
}

/**
 * Kinds removed with credentials of their own instead of the AWS admin session (records at
 * Cloudflare, with the zone's token). `check` runs before anything is removed and fails, in words,
 * when a credential is missing; `afterRemoval` forgets the credentials nothing is left to use, and
 * says so in sentences for the screen.
 */
export interface TokenRemovers {
  kinds: Record<string, (ctx: ServiceContext, entry: LedgerEntry) => Promise<void>>;
  check(ctx: ServiceContext, entries: LedgerEntry[]): Promise<void>;
  afterRemoval(ctx: ServiceContext, removed: LedgerEntry[]): Promise<string[]>;
}
