import { describe, expect, it } from 'vitest';
import {
  cloudflareApi,
  CloudflareApiError,
  retryAfterSeconds,
} from '../../../electron/features/cloudflare/api';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** A fetch that answers from a script, and remembers what it was asked. */
function scripted(answers: Answer[]) {
  const asked: { url: string; init?: RequestInit }[] = [];
  const fetchFn = (async (url: string, init?: RequestInit) => {
    asked.push({ url, init });
    const next = answers.shift() ?? { status: 500 };
    return new Response(next.body === undefined ? null : JSON.stringify(next.body), {
      status: next.status,
      headers: next.headers,
    });
  }) as unknown as typeof fetch;
  return { asked, fetchFn };
}

const ok = (result: unknown, extra: Record<string, unknown> = {}) => ({
  status: 200,
  body: { success: true, errors: [], messages: [], result, ...extra },
});
const bad = (status: number, code: number) => ({
  status,
  body: { success: false, errors: [{ code, message: 'x' }], messages: [], result: null },
});

function api(answers: Answer[]) {
  const { asked, fetchFn } = scripted(answers);
  const slept: number[] = [];
  const client = cloudflareApi({
    base: 'http://cf.example/client/v4',
    token: 'secret-token-value',
    fetch: fetchFn,
    sleep: async (ms) => void slept.push(ms),
  });
  return { client, asked, slept };
}

describe('the Cloudflare client', () => {
  it('sends the token only in the Authorization header', async () => {
    const { client, asked } = api([ok({ id: 't1', status: 'active' })]);
    expect(await client.verifyToken()).toMatchObject({ id: 't1', status: 'active' });
    expect(asked[0]!.url).toBe('http://cf.example/client/v4/user/tokens/verify');
    expect(new Headers(asked[0]!.init!.headers).get('authorization')).toBe('Bearer secret-token-value');
  });

  it('reads every page of a list', async () => {
    const rec = (i: number) => ({ id: `r${i}`, type: 'A', name: `h${i}.example.com`, content: '192.0.2.1' });
    const { client, asked } = api([
      ok([rec(1), rec(2)], { result_info: { page: 1, per_page: 2, total_pages: 2, total_count: 3 } }),
      ok([rec(3)], { result_info: { page: 2, per_page: 2, total_pages: 2, total_count: 3 } }),
    ]);
    expect((await client.records('z1')).map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(asked.map((a) => new URL(a.url).searchParams.get('page'))).toEqual(['1', '2']);
  });

  it('keeps only zones with exactly the name asked', async () => {
    const { client } = api([
      ok([
        { id: 'a', name: 'example.com', status: 'active' },
        { id: 'b', name: 'notexample.com', status: 'active' },
      ]),
    ]);
    expect((await client.zonesNamed('example.com')).map((z) => z.id)).toEqual(['a']);
  });

  it('waits as long as Retry-After says when it is short, then tries again', async () => {
    const { client, slept } = api([
      { ...bad(429, 971), headers: { 'retry-after': '3' } },
      ok({ id: 't', status: 'active' }),
    ]);
    await client.verifyToken();
    expect(slept).toEqual([3000]);
  });

  it('reports a long Retry-After instead of waiting it out', async () => {
    const { client, slept } = api([{ ...bad(429, 971), headers: { 'retry-after': '300' } }]);
    const err = await client.verifyToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudflareApiError);
    expect(err).toMatchObject({ status: 429, retryAfterS: 300, codes: [971] });
    expect(slept).toEqual([]);
  });

  it('retries server errors a few times with growing pauses, then gives up', async () => {
    const { client, slept, asked } = api([bad(502, 0), bad(503, 0), bad(500, 0), bad(503, 0)]);
    const err = await client.verifyToken().catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 503 });
    expect(asked).toHaveLength(4);
    expect(slept).toEqual([300, 1000, 2500]);
  });

  it('recovers when a server error passes', async () => {
    const { client } = api([bad(503, 0), ok({ id: 't', status: 'active' })]);
    expect((await client.verifyToken()).status).toBe('active');
  });

  it('passes on the envelope’s error codes', async () => {
    const { client } = api([bad(403, 10000)]);
    await expect(client.createRecord('z', { type: 'TXT', name: 'a', content: 'b' })).rejects.toMatchObject({
      status: 403,
      codes: [10000],
    });
  });

  it('refuses an answer that is not Cloudflare’s envelope', async () => {
    const { client } = api([{ status: 200, body: { hello: 'world' } }]);
    await expect(client.verifyToken()).rejects.toBeInstanceOf(CloudflareApiError);
  });

  it('counts a record already gone as deleted', async () => {
    const { client } = api([bad(404, 81044)]);
    expect(await client.deleteRecord('z', 'r')).toBe(false);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterSeconds('12')).toBe(12);
    expect(retryAfterSeconds(new Date(60_000).toUTCString(), 0)).toBe(60);
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('soon')).toBeNull();
  });
});
