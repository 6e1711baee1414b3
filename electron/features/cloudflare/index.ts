/**
 * What other areas may use of Cloudflare: how the ledger removes the records written at Cloudflare,
 * with the zone's token rather than AWS admin keys, and forgets the token once none are left.
 *
 * Screen: the Cloudflare panel of the DNS records screen (renderer/features/cloudflare/).
 */
import type { TokenRemovers } from '../ledger/types';
import { assertTokens, forgetUnusedTokens, RECORD_KIND, removeRecord } from './service';

export type * from './types';

export const CLOUDFLARE_REMOVERS: TokenRemovers = {
  kinds: { [RECORD_KIND]: removeRecord },
  check: assertTokens,
  afterRemoval: forgetUnusedTokens,
};
