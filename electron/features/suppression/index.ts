/** What other areas may use of suppression: how the ledger removes what it created. */
import type { Removers } from '../ledger/types';

export const SUPPRESSION_REMOVERS: Removers = { kinds: {}, first: [] };
