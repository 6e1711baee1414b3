/**
 * A loopback stand-in for the parts of Cloudflare's API v4 the assistant uses: GET
 * /user/tokens/verify, and for account-owned tokens GET /accounts and GET
 * /accounts/{account_id}/tokens/verify; GET /zones (name filter, pagination), and a zone's DNS
 * records (GET list with pagination, POST, PATCH, DELETE), answering in Cloudflare's documented envelope
 * ({ success, errors: [{ code, message }], messages, result, result_info }) with its documented
 * error codes. Tokens decide which zones a caller sees and whether it may edit DNS, as Cloudflare's
 * permission groups do. An account-owned token is unknown to the user path (401, code 1000, "Invalid
 * API Token") and verified on its account's path, whose body has the same shape ({ id, status }). Fault switches make a token expired or without DNS edit, answer 429 with a
 * Retry-After, answer 5xx, or hold a zone in "pending".
 *
 * When given an nsd, the peer publishes the records it holds into that zone and reloads it after
 * every change, so the live DNS check sees what was written: a proxied CNAME is served as
 * Cloudflare's proxy addresses, as Cloudflare itself answers.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Nsd, ZoneText } from './nsd';

export interface PeerRecord {
  id: string;
  type: string;
  name: string;
  content: string;
  proxied: boolean;
  ttl: number;
  priority?: number;
}

export interface PeerZone {
  id: string;
  name: string;
  status: 'active' | 'pending';
  accountId: string;
  nameservers: string[];
  records: PeerRecord[];
}

export interface PeerToken {
  value: string;
  id: string;
  /** Zone ids the token opens; 'all' for every zone of its account. */
  zones: string[] | 'all';
  accountId: string;
  dnsEdit: boolean;
  /** Made under My Profile (a user token) or under an account (Manage Account → Account API Tokens). */
  owner: 'user' | 'account';
}

export interface Faults {
  /** verify answers status "expired" and every other call 401 with code 1000. */
  expired: boolean;
  /** DNS writes answer 403 with code 10000 (the token lacks Zone → DNS → Edit). */
  noDnsEdit: boolean;
  /** The next `count` requests answer 429 with this Retry-After (seconds). */
  rateLimit: { count: number; retryAfter: number } | null;
  /** The next `count` requests answer 503. */
  serverErrors: number;
}

export interface CloudflarePeer {
  apiBase: string;
  zones: PeerZone[];
  tokens: PeerToken[];
  faults: Faults;
  /** Every request, as "METHOD /path?query" (never its Authorization header). */
  requests: string[];
  /** Makes a token that opens the given zones (all of its account when not given). */
  addToken(options?: Partial<Omit<PeerToken, 'value' | 'id'>>): string;
  zone(name: string): PeerZone;
  /** Writes the zone into nsd (when nsd serves it) and waits until nsd serves this version. */
  publish(name: string): Promise<void>;
  stop(): Promise<void>;
}

const PROXY_A = '104.16.1.1';
const PROXY_AAAA = '2606:4700::6810:101';

const hex = () => randomBytes(16).toString('hex');

function envelope(result: unknown, extra: Record<string, unknown> = {}) {
  return { success: true, errors: [], messages: [], result, ...extra };
}

function failure(code: number, message: string) {
  return { success: false, errors: [{ code, message }], messages: [], result: null };
}

/** The zone as nsd serves it: names relative to the origin, TXT quoted, proxied names as A/AAAA. */
export function zoneText(zone: PeerZone): ZoneText {
  const rel = (name: string) => (name === zone.name ? '@' : name.slice(0, -(zone.name.length + 1)));
  const lines = zone.records.flatMap((r) => {
    const name = rel(r.name);
    if (r.proxied) return [`${name} IN A ${PROXY_A}`, `${name} IN AAAA ${PROXY_AAAA}`];
    if (r.type === 'TXT') {
      const text = r.content.startsWith('"') ? r.content : `"${r.content.replace(/(["\\])/g, '\\$1')}"`;
      return [`${name} IN TXT ${text}`];
    }
    if (r.type === 'MX') return [`${name} IN MX ${r.priority ?? 10} ${r.content}.`];
    if (r.type === 'CNAME') return [`${name} IN CNAME ${r.content}.`];
    return [`${name} IN ${r.type} ${r.content}`];
  });
  return { origin: zone.name, nameservers: zone.nameservers, records: lines.join('\n') };
}

/** A zone to start with: its name and nameservers, and what it holds already. */
export interface ZoneSeed {
  name: string;
  nameservers: string[];
  id?: string;
  accountId?: string;
  status?: PeerZone['status'];
  records?: Omit<PeerRecord, 'id'>[];
}

export async function startCloudflarePeer(options: {
  zones: ZoneSeed[];
  /** Publishes every change of a zone that nsd serves. */
  nsd?: Nsd;
}): Promise<CloudflarePeer> {
  const zones: PeerZone[] = options.zones.map((z) => ({
    id: z.id ?? hex(),
    name: z.name,
    status: z.status ?? 'active',
    accountId: z.accountId ?? 'acc-1',
    nameservers: z.nameservers,
    records: (z.records ?? []).map((r) => ({ ...r, id: hex() })),
  }));
  const tokens: PeerToken[] = [];
  const faults: Faults = { expired: false, noDnsEdit: false, rateLimit: null, serverErrors: 0 };
  const requests: string[] = [];

  async function publish(name: string) {
    const zone = zones.find((z) => z.name === name);
    if (!zone || !options.nsd?.origins.includes(name)) return;
    await options.nsd.writeZone(zoneText(zone));
  }

  const visible = (token: PeerToken) =>
    zones.filter(
      (z) => z.accountId === token.accountId && (token.zones === 'all' || token.zones.includes(z.id)),
    );

  async function handle(
    req: http.IncomingMessage,
    body: string,
  ): Promise<[number, unknown, Record<string, string>?]> {
    const url = new URL(req.url ?? '/', 'http://x');
    if (faults.rateLimit && faults.rateLimit.count > 0) {
      faults.rateLimit.count--;
      return [
        429,
        failure(971, 'Please wait and consider throttling your request speed'),
        { 'retry-after': String(faults.rateLimit.retryAfter) },
      ];
    }
    if (faults.serverErrors > 0) {
      faults.serverErrors--;
      return [503, failure(10000, 'Service temporarily unavailable')];
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = tokens.find((t) => t.value === bearer);
    if (!bearer) return [400, failure(6003, 'Invalid request headers')];
    if (!token) return [401, failure(1000, 'Invalid API Token')];
    const path = url.pathname.replace(/^\/client\/v4/, '');

    const verified = () =>
      envelope(
        { id: token.id, status: faults.expired ? 'expired' : 'active' },
        { messages: [{ code: 10000, message: 'This API Token is valid and active' }] },
      );
    if (path === '/user/tokens/verify' && req.method === 'GET') {
      return token.owner === 'user' ? [200, verified()] : [401, failure(1000, 'Invalid API Token')];
    }
    const accountVerify = /^\/accounts\/([^/]+)\/tokens\/verify$/.exec(path);
    if (accountVerify && req.method === 'GET') {
      return token.owner === 'account' && accountVerify[1] === token.accountId
        ? [200, verified()]
        : [401, failure(1000, 'Invalid API Token')];
    }
    if (faults.expired) return [401, failure(1000, 'Invalid API Token')];

    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const perPage = Math.max(1, Number(url.searchParams.get('per_page') ?? 20));
    const paged = (items: unknown[]) => {
      const total = items.length;
      return envelope(items.slice((page - 1) * perPage, page * perPage), {
        result_info: {
          page,
          per_page: perPage,
          count: Math.min(perPage, Math.max(0, total - (page - 1) * perPage)),
          total_count: total,
          total_pages: Math.max(1, Math.ceil(total / perPage)),
        },
      });
    };

    if (path === '/accounts' && req.method === 'GET') {
      const account = {
        id: token.accountId,
        name: `Account ${token.accountId}`,
        type: 'standard',
        settings: { enforce_twofactor: false },
        created_on: '2026-01-01T00:00:00.000000Z',
      };
      return [200, paged([account])];
    }

    if (path === '/zones' && req.method === 'GET') {
      const name = url.searchParams.get('name');
      const list = visible(token)
        .filter((z) => !name || z.name === name)
        .map((z) => ({
          id: z.id,
          name: z.name,
          status: z.status,
          account: { id: z.accountId, name: 'Account' },
        }));
      return [200, paged(list)];
    }

    const m = /^\/zones\/([^/]+)\/dns_records(?:\/([^/]+))?$/.exec(path);
    if (!m) return [404, failure(7000, 'No route for that URI')];
    const zone = visible(token).find((z) => z.id === m[1]);
    if (!zone) return [403, failure(10000, 'Authentication error')];
    const recordId = m[2];
    const shown = (r: PeerRecord) => ({
      ...r,
      proxiable: r.type !== 'TXT' && r.type !== 'MX',
      zone_id: zone.id,
    });

    if (req.method === 'GET' && !recordId) return [200, paged(zone.records.map(shown))];
    if (req.method !== 'GET' && (faults.noDnsEdit || !token.dnsEdit))
      return [403, failure(10000, 'Authentication error')];

    const input = body ? (JSON.parse(body) as Partial<PeerRecord>) : {};
    if (req.method === 'POST' && !recordId) {
      if (!input.type || !input.name || !input.content)
        return [400, failure(9005, 'Content for record is invalid')];
      const name = input.name.toLowerCase().replace(/\.$/, '');
      if (zone.records.some((r) => r.name === name && r.type === input.type && r.content === input.content))
        return [400, failure(81058, 'An identical record already exists.')];
      if (zone.records.some((r) => r.name === name && (r.type === 'CNAME') !== (input.type === 'CNAME')))
        return [400, failure(81053, 'An A, AAAA, or CNAME record with that host already exists.')];
      const record: PeerRecord = {
        id: hex(),
        type: input.type,
        name,
        content: input.content,
        proxied: input.proxied ?? false,
        ttl: input.ttl ?? 1,
        ...(input.type === 'MX' ? { priority: input.priority ?? 10 } : {}),
      };
      zone.records.push(record);
      await publish(zone.name);
      return [200, envelope(shown(record))];
    }
    const record = zone.records.find((r) => r.id === recordId);
    if (!record) return [404, failure(81044, 'Record does not exist.')];
    if (req.method === 'PATCH') {
      Object.assign(
        record,
        Object.fromEntries(
          Object.entries(input).filter(([k]) => ['content', 'proxied', 'ttl', 'priority'].includes(k)),
        ),
      );
      await publish(zone.name);
      return [200, envelope(shown(record))];
    }
    if (req.method === 'DELETE') {
      zone.records = zone.records.filter((r) => r !== record);
      await publish(zone.name);
      return [200, envelope({ id: record.id })];
    }
    return [405, failure(7001, 'Method not allowed for this resource')];
  }

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url}`);
      handle(req, body)
        .then(([status, payload, headers]) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(payload));
        })
        .catch((err: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify(failure(10000, String(err))));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  for (const z of zones) await publish(z.name);
  return {
    apiBase: `http://127.0.0.1:${port}/client/v4`,
    zones,
    tokens,
    faults,
    requests,
    addToken: (o = {}) => {
      const value = randomBytes(30).toString('base64url').slice(0, 40);
      tokens.push({
        value,
        id: hex(),
        zones: o.zones ?? 'all',
        accountId: o.accountId ?? 'acc-1',
        dnsEdit: o.dnsEdit ?? true,
        owner: o.owner ?? 'user',
      });
      return value;
    },
    zone: (name) => {
      const found = zones.find((z) => z.name === name);
      if (!found) throw new Error(`the peer has no zone ${name}`);
      return found;
    },
    publish,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
