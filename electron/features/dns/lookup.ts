/**
 * Asking DNS servers, with bounded waits. One asker talks to a fixed set of servers (the domain's
 * own nameservers, a test server) or to the system's resolver; answers are remembered for the
 * length of one check, so a name asked twice costs one round trip.
 */
import { promises as dns } from 'node:dns';

export type QueryType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'NS' | 'TXT' | 'SOA';

export interface Answer {
  /** Values as text: a CNAME target, "10 host" for MX, a TXT record's strings joined. */
  values: string[];
  /** Set when the server did not give a usable answer (nothing found is not an error). */
  error?: 'timeout' | 'refused' | 'failed';
  /** The server answered that the name does not exist at all (NXDOMAIN), not just this type. */
  nxdomain?: true;
}

export interface DnsAsker {
  /** "system" or the servers asked, as host:port. */
  readonly servers: string[] | 'system';
  ask(name: string, type: QueryType): Promise<Answer>;
}

export const DEFAULT_TIMEOUT_MS = 2_500;

function format(type: QueryType, records: unknown[]): string[] {
  switch (type) {
    case 'MX':
      return (records as { priority: number; exchange: string }[]).map((r) => `${r.priority} ${r.exchange}`);
    case 'TXT':
      return (records as string[][]).map((chunks) => chunks.join(''));
    case 'SOA': {
      // Only whether an SOA sits at the name matters (it marks a zone's apex): keep its primary server.
      const soa = records as unknown as { nsname: string };
      return [soa.nsname];
    }
    default:
      return (records as string[]).map(String);
  }
}

function errorKind(code: string | undefined): Answer['error'] | null {
  if (code === 'ENODATA' || code === 'ENOTFOUND' || code === 'NOTFOUND') return null;
  if (code === 'ETIMEOUT' || code === 'ETIMEDOUT') return 'timeout';
  if (code === 'EREFUSED' || code === 'ECONNREFUSED') return 'refused';
  return 'failed';
}

/** An asker for the given servers (`host:port` or `host`), or the system's resolver when null. */
export function createAsker(servers: string[] | null, timeoutMs = DEFAULT_TIMEOUT_MS): DnsAsker {
  // Two tries within the budget, so one lost UDP packet does not read as a missing record; c-ares
  // doubles the wait on the retry, hence a third of the budget for the first try.
  const resolver = new dns.Resolver({ timeout: Math.max(50, Math.floor(timeoutMs / 3)), tries: 2 });
  if (servers) resolver.setServers(servers);
  const memo = new Map<string, Promise<Answer>>();

  async function query(name: string, type: QueryType): Promise<Answer> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Answer>((resolve) => {
      timer = setTimeout(() => resolve({ values: [], error: 'timeout' }), timeoutMs + 100);
    });
    const asked = resolver
      .resolve(name, type)
      .then((records): Answer => ({ values: format(type, records as unknown[]) }))
      .catch((err: NodeJS.ErrnoException): Answer => {
        const kind = errorKind(err.code);
        if (kind) return { values: [], error: kind };
        return err.code === 'ENOTFOUND' ? { values: [], nxdomain: true } : { values: [] };
      });
    try {
      return await Promise.race([asked, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    servers: servers ?? 'system',
    ask(name, type) {
      const key = `${type} ${name.toLowerCase()}`;
      let answer = memo.get(key);
      if (!answer) {
        answer = query(name, type);
        memo.set(key, answer);
      }
      return answer;
    },
  };
}

/** Every parent of a name with at least two labels, longest first: a.b.example.com → …, example.com. */
export function suffixes(domain: string): string[] {
  const labels = domain.split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/** The NS records of the zone that holds `domain` (the closest enclosing name that has some). */
export async function zoneNameservers(asker: DnsAsker, domain: string): Promise<string[]> {
  return (await findNameservers(asker, domain)).names;
}

/**
 * The zone's NS names, and how the search ended when there are none: `not-found` only when DNS
 * answered that no such name exists; `unreachable` when no server gave an answer at all (offline,
 * refused, timed out, SERVFAIL), which says nothing about the domain.
 */
export async function findNameservers(
  asker: DnsAsker,
  domain: string,
): Promise<{ names: string[]; outcome: 'found' | 'not-found' | 'unreachable' }> {
  const answers = await Promise.all(suffixes(domain).map((name) => asker.ask(name, 'NS')));
  const found = answers.find((a) => a.values.length > 0);
  if (found) return { names: found.values.map((v) => v.toLowerCase()), outcome: 'found' };
  if (answers.some((a) => a.nxdomain)) return { names: [], outcome: 'not-found' };
  return { names: [], outcome: answers.every((a) => a.error) ? 'unreachable' : 'not-found' };
}

/**
 * The zone that holds `domain`: the closest enclosing name with an SOA record of its own. For
 * mail.shop.example in the zone shop.example that is shop.example, so the short names a person types
 * at the DNS host are relative to it. Falls back to the domain itself when no server answers.
 */
export async function zoneApex(asker: DnsAsker, domain: string): Promise<string> {
  const names = suffixes(domain);
  const answers = await Promise.all(names.map((name) => asker.ask(name, 'SOA')));
  const i = answers.findIndex((a) => a.values.length > 0);
  return i >= 0 ? names[i]! : domain;
}
