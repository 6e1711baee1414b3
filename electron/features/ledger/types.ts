/** Something the app created in AWS. */
export interface LedgerItem {
  kind: string;
  id: string;
  region?: string;
  label?: string;
  meta?: Record<string, string>;
  createdAt: string;
}

export interface RemovalReport {
  removed: LedgerItem[];
  ledger: LedgerItem[];
  notes: string[];
}
