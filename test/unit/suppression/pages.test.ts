import { describe, expect, it } from 'vitest';
import { searchPages, type FetchPage } from '../../../electron/features/suppression/pages';
import type { SuppressedAddress } from '../../../electron/features/suppression/types';

const address = (name: string): SuppressedAddress => ({
  address: name,
  reason: 'BOUNCE',
  lastUpdate: '2026-11-01T00:00:00.000Z',
  why: '',
});

/** A list served in pages of `size`, with tokens "p1", "p2", …, recording the tokens asked for. */
function pagedList(names: string[], size: number) {
  const asked: (string | undefined)[] = [];
  const fetch: FetchPage = async (token) => {
    asked.push(token);
    const start = token ? Number(token.slice(1)) * size : 0;
    const next = start + size < names.length ? `p${start / size + 1}` : null;
    return { addresses: names.slice(start, start + size).map(address), nextToken: next };
  };
  return { fetch, asked };
}

describe('searching through pages', () => {
  const names = Array.from({ length: 25 }, (_, i) => `user${i}@${i % 5 === 0 ? 'pottery' : 'shop'}.example`);

  it('follows every token to the end and finds matches on every page', async () => {
    const { fetch, asked } = pagedList(names, 10);
    const result = await searchPages(fetch, 'pottery');
    expect(asked).toEqual([undefined, 'p1', 'p2']);
    expect(result).toEqual({
      matches: ['user0', 'user5', 'user10', 'user15', 'user20'].map((u) => address(`${u}@pottery.example`)),
      looked: 25,
      stoppedEarly: false,
    });
  });

  it('stops once enough matched, and says so', async () => {
    const { fetch, asked } = pagedList(names, 10);
    const result = await searchPages(fetch, 'shop', { maxLooked: 1000, maxMatches: 3 });
    expect(result.matches).toHaveLength(3);
    expect(result.stoppedEarly).toBe(true);
    expect(asked).toEqual([undefined]);
  });

  it('stops after the number of addresses it may look through, and says so', async () => {
    const { fetch, asked } = pagedList(names, 10);
    const result = await searchPages(fetch, 'nothing', { maxLooked: 20, maxMatches: 10 });
    expect(result).toEqual({ matches: [], looked: 20, stoppedEarly: true });
    expect(asked).toEqual([undefined, 'p1']);
  });

  it('ends rather than loop when SES hands back a token it gave before', async () => {
    let calls = 0;
    const result = await searchPages(async () => {
      calls++;
      return { addresses: [address('a@b.example')], nextToken: 'same' };
    }, 'a@');
    expect(calls).toBe(2);
    expect(result.stoppedEarly).toBe(false);
  });
});
