import type { LedgerEntry } from '../../core/ledger';

/** Something the app created in AWS, as the "What this app created" screen lists it. */
export type LedgerItem = LedgerEntry;

export interface RemovalReport {
  removed: LedgerItem[];
  ledger: LedgerItem[];
  notes: string[];
}
