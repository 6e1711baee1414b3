/**
 * A small client for the parts of Cloudflare's API v4 the assistant uses: token verify (a user's
 * token, or an account-owned one on its account's path), the accounts and zones a token sees, and a
 * zone's DNS records (list, create, patch, delete). Plain `fetch` with every response
 * checked by zod, rather than the official `cloudflare` package: six endpoints do not need a
 * generated client of several megabytes in the main-process bundle, and the envelope's error codes
 * are what the assistant turns into plain words anyway.
 *
 * Invariants: the token goes only into the Authorization header (never a log line, URL or error);
 * a 429 is retried after the Retry-After Cloudflare gives when that is short, and reported with it
 * otherwise; a 5xx or a dropped connection is retried a few times with a growing pause.
 */
import { z } from 'zod';
import { CLOUDFLARE } from '../../core/facts/cloudflare';
import { sleep as wait } from '../../core/sleep';

const apiError = z.object({ code: z.number(), message: z.string() }).passthrough();

const envelope = z.object({
  success: z.boolean(),
  errors: z.array(apiError).default([]),
  messages: z.array(z.unknown()).default([]),
  result: z.unknown(),
  result_info: z
    .object({
      page: z.number().optional(),
      per_page: z.number().optional(),
      count: z.number().optional(),
      total_count: z.number().optional(),
      total_pages: z.number().optional(),
    })
    .nullish(),
});

const tokenStatus = z.object({
  id: z.string(),
  status: z.string(),
  expires_on: z.string().nullish(),
});

const account = z.object({ id: z.string(), name: z.string().optional() }).passthrough();

const zone = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    account: z.object({ id: z.string(), name: z.string().optional() }).partial().optional(),
  })
  .passthrough();

const record = z
  .object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    content: z.string(),
    proxied: z.boolean().optional(),
    proxiable: z.boolean().optional(),
    ttl: z.number().optional(),
    priority: z.number().optional(),
  })
  .passthrough();

export type CloudflareZone = z.infer<typeof zone>;
export type CloudflareRecord = z.infer<typeof record>;
export type TokenStatus = z.infer<typeof tokenStatus>;

/** What a record write sends: the fields the assistant sets, nothing else. */
export interface RecordBody {
  type?: string;
  name?: string;
  content: string;
  ttl?: number;
  proxied?: boolean;
  priority?: number;
  comment?: string;
}

/** A failed call, with what Cloudflare said: errors.ts turns it into words for a person. */
export class CloudflareApiError extends Error {
  constructor(
    /** The HTTP status; 0 when Cloudflare could not be reached. */
    readonly status: number,
    readonly codes: number[],
    /** Seconds Cloudflare asked to wait (429), when it said. */
    readonly retryAfterS: number | null = null,
  ) {
    super(`Cloudflare API ${status} ${codes.join(',')}`);
    this.name = 'CloudflareApiError';
  }
}

export interface ApiOptions {
  base?: string;
  token: string;
  fetch?: typeof fetch;
  /** How a pause is taken; tests pass one that records it. */
  sleep?: (ms: number) => Promise<void>;
  /** The longest Retry-After waited for in place; a longer one is reported to the person. */
  maxWaitS?: number;
  /** Pauses before each retry of a 5xx or a dropped connection. */
  backoffMs?: number[];
}

export interface CloudflareApi {
  /** A token made under My Profile; Cloudflare answers code 1000 for an account-owned one. */
  verifyToken(): Promise<TokenStatus>;
  /** An account-owned token, on the path of the account that owns it. */
  verifyAccountToken(accountId: string): Promise<TokenStatus>;
  /** The ids of the accounts the token can see. */
  accountIds(): Promise<string[]>;
  /** Zones with exactly this name that the token can see. */
  zonesNamed(name: string): Promise<CloudflareZone[]>;
  /** The names of every zone the token can see (to hold it to one zone). */
  zoneNames(): Promise<string[]>;
  records(zoneId: string): Promise<CloudflareRecord[]>;
  createRecord(zoneId: string, body: RecordBody): Promise<CloudflareRecord>;
  patchRecord(zoneId: string, recordId: string, body: RecordBody): Promise<CloudflareRecord>;
  /** False when the record was already gone. */
  deleteRecord(zoneId: string, recordId: string): Promise<boolean>;
}

const MAX_PAGES = 50;

/** Retry-After is seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export function cloudflareApi(options: ApiOptions): CloudflareApi {
  const base = (options.base ?? CLOUDFLARE.apiBase).replace(/\/$/, '');
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? wait;
  const maxWaitS = options.maxWaitS ?? 20;
  const backoff = options.backoffMs ?? [300, 1000, 2500];

  async function call(method: string, path: string, body?: unknown): Promise<z.infer<typeof envelope>> {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${options.token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(20_000),
        });
      } catch {
        if (attempt < backoff.length) {
          await sleep(backoff[attempt]!);
          continue;
        }
        throw new CloudflareApiError(0, []);
      }
      if (response.status === 429) {
        const wait = retryAfterSeconds(response.headers.get('retry-after'));
        // Cloudflare blocks the token for the rest of its window: wait only when it says it is short.
        if (wait !== null && wait <= maxWaitS && attempt < backoff.length) {
          await response.body?.cancel();
          await sleep(wait * 1000);
          continue;
        }
        throw new CloudflareApiError(429, await codesOf(response), wait);
      }
      if (response.status >= 500) {
        if (attempt < backoff.length) {
          await response.body?.cancel();
          await sleep(backoff[attempt]!);
          continue;
        }
        throw new CloudflareApiError(response.status, await codesOf(response));
      }
      const parsed = envelope.safeParse(await response.json().catch(() => null));
      if (!parsed.success) throw new CloudflareApiError(response.status || 502, []);
      if (!response.ok || !parsed.data.success)
        throw new CloudflareApiError(
          response.status,
          parsed.data.errors.map((e) => e.code),
        );
      return parsed.data;
    }
  }

  async function codesOf(response: Response): Promise<number[]> {
    const parsed = envelope.safeParse(await response.json().catch(() => null));
    return parsed.success ? parsed.data.errors.map((e) => e.code) : [];
  }

  function result<T extends z.ZodType>(schema: T, data: z.infer<typeof envelope>): z.infer<T> {
    const parsed = schema.safeParse(data.result);
    if (!parsed.success) throw new CloudflareApiError(502, []);
    return parsed.data;
  }

  /** Every page of a list, up to MAX_PAGES. */
  async function all<T extends z.ZodType>(path: string, schema: T, perPage: number): Promise<z.infer<T>[]> {
    const items: z.infer<T>[] = [];
    const join = path.includes('?') ? '&' : '?';
    for (let page = 1; page <= MAX_PAGES; page++) {
      const data = await call('GET', `${path}${join}page=${page}&per_page=${perPage}`);
      const list = result(z.array(schema), data);
      items.push(...list);
      const pages = data.result_info?.total_pages;
      if (pages === undefined ? list.length < perPage : page >= pages) break;
    }
    return items;
  }

  const zonePath = (zoneId: string) => `/zones/${encodeURIComponent(zoneId)}/dns_records`;

  return {
    verifyToken: async () => result(tokenStatus, await call('GET', '/user/tokens/verify')),
    verifyAccountToken: async (accountId) =>
      result(tokenStatus, await call('GET', `/accounts/${encodeURIComponent(accountId)}/tokens/verify`)),
    accountIds: async () => (await all('/accounts', account, CLOUDFLARE.accountsPerPage)).map((a) => a.id),
    zonesNamed: async (name) =>
      (await all(`/zones?name=${encodeURIComponent(name)}`, zone, CLOUDFLARE.zonesPerPage)).filter(
        (z) => z.name.toLowerCase() === name.toLowerCase(),
      ),
    zoneNames: async () => (await all('/zones', zone, CLOUDFLARE.zonesPerPage)).map((z) => z.name),
    records: (zoneId) => all(zonePath(zoneId), record, CLOUDFLARE.recordsPerPage),
    createRecord: async (zoneId, body) => result(record, await call('POST', zonePath(zoneId), body)),
    patchRecord: async (zoneId, recordId, body) =>
      result(record, await call('PATCH', `${zonePath(zoneId)}/${encodeURIComponent(recordId)}`, body)),
    deleteRecord: async (zoneId, recordId) => {
      try {
        await call('DELETE', `${zonePath(zoneId)}/${encodeURIComponent(recordId)}`);
        return true;
      } catch (err) {
        if (
          err instanceof CloudflareApiError &&
          (err.status === 404 || err.codes.includes(CLOUDFLARE.codes.recordNotFound))
        )
          return false;
        throw err;
      }
    },
  };
}
