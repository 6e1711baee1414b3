/**
 * Walking ListSuppressedDestinations page by page, bounded. SES has no search by part of an
 * address, so a search reads pages until it has enough matches or has looked through the limit,
 * and says when it stopped early rather than pretend the list ended.
 */
import type { SuppressedAddress } from './types';
import { matches } from './reasons';

export interface Page {
  addresses: SuppressedAddress[];
  nextToken: string | null;
}

export type FetchPage = (nextToken: string | undefined) => Promise<Page>;

export interface SearchLimits {
  /** Stop after this many addresses were looked at. */
  maxLooked: number;
  /** Stop once this many matched. */
  maxMatches: number;
}

export const SEARCH_LIMITS: SearchLimits = { maxLooked: 10_000, maxMatches: 200 };

export interface SearchResult {
  matches: SuppressedAddress[];
  looked: number;
  /** True when more of the list was left unread. */
  stoppedEarly: boolean;
}

export async function searchPages(
  fetchPage: FetchPage,
  query: string,
  limits: SearchLimits = SEARCH_LIMITS,
): Promise<SearchResult> {
  const found: SuppressedAddress[] = [];
  let looked = 0;
  let token: string | undefined;
  const seenTokens = new Set<string>();
  for (;;) {
    const page = await fetchPage(token);
    for (const a of page.addresses) {
      looked++;
      if (matches(a.address, query)) found.push(a);
      if (found.length >= limits.maxMatches) return { matches: found, looked, stoppedEarly: true };
    }
    // A token seen before would loop forever: treat it as the end.
    if (!page.nextToken || seenTokens.has(page.nextToken))
      return { matches: found, looked, stoppedEarly: false };
    if (looked >= limits.maxLooked) return { matches: found, looked, stoppedEarly: true };
    seenTokens.add(page.nextToken);
    token = page.nextToken;
  }
}
