/** What other areas may use of feedback: how the ledger removes what it created. */
import type { Removers } from '../ledger/types';

export const FEEDBACK_REMOVERS: Removers = { kinds: {}, first: [] };
