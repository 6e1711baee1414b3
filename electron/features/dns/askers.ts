/**
 * The two ways a DNS question is asked: at the domain's own (authoritative) nameservers, which tell
 * what the person published, and through the recursive view, which tells what the rest of the
 * internet sees and answers for names outside the domain's zone (its parents, SPF includes).
 */
import { fail } from '../../core/errors';
import { createAsker, DEFAULT_TIMEOUT_MS, findNameservers, zoneNameservers, type DnsAsker } from './lookup';

export interface CheckOptions {
  /** Ask these servers (host:port) instead of discovering the domain's nameservers. */
  authoritative?: string[];
  /** The recursive view; the system's resolver when not given. */
  resolver?: string[];
  timeoutMs?: number;
  clock?: () => Date;
  /** The port discovered nameservers are asked on: 53, except for tests that serve a zone elsewhere. */
  nameserverPort?: number;
}

/** The domain's own nameservers: from the override, or found through the recursive resolver. */
async function authoritativeAsker(
  domain: string,
  view: DnsAsker,
  options: CheckOptions,
  timeoutMs: number,
): Promise<{ asker: DnsAsker; nsNames: Promise<string[]>; servers: string[] }> {
  if (options.authoritative?.length) {
    const asker = createAsker(options.authoritative, timeoutMs);
    return { asker, nsNames: zoneNameservers(asker, domain), servers: options.authoritative };
  }
  const { names: nsNames, outcome } = await findNameservers(view, domain);
  if (outcome === 'unreachable')
    fail({
      code: 'DNS_UNREACHABLE',
      title: 'DNS could not be reached',
      explanation: `No DNS server answered the question about ${domain}, so nothing can be said about its records yet. This is about the connection, not your domain.`,
      fix: 'Check that this computer is online (and that a VPN or firewall lets DNS through), then check again.',
      retryable: true,
    });
  if (nsNames.length === 0)
    fail({
      code: 'DNS_DOMAIN_NOT_FOUND',
      title: 'This domain was not found in DNS',
      explanation: `No nameservers answer for ${domain}. It may be misspelled, not registered yet, or its registration may have lapsed.`,
      fix: 'Check the spelling of the domain. If you just bought it, wait an hour and check again.',
      retryable: true,
    });
  const addresses = await Promise.all(
    nsNames.map(async (ns) => [...(await view.ask(ns, 'A')).values, ...(await view.ask(ns, 'AAAA')).values]),
  );
  const port = options.nameserverPort;
  const servers = addresses
    .flat()
    .map((a) => (port ? (a.includes(':') ? `[${a}]:${port}` : `${a}:${port}`) : a));
  if (servers.length === 0)
    fail({
      code: 'DNS_NAMESERVERS_UNREACHABLE',
      title: 'Your domain’s nameservers could not be found',
      explanation: `The domain names its nameservers (${nsNames.join(', ')}), but their addresses could not be looked up.`,
      fix: 'Check your internet connection and try again.',
      retryable: true,
    });
  return { asker: createAsker(servers, timeoutMs), nsNames: Promise.resolve(nsNames), servers };
}

export interface Askers {
  /** The domain's own nameservers. */
  auth: DnsAsker;
  /** The recursive view. */
  view: DnsAsker;
  /** The zone's NS names. */
  nsNames: Promise<string[]>;
  /** The servers `auth` asks (host or host:port). */
  servers: string[];
}

/** Opens both askers for a domain; fails in words when its nameservers cannot be found or reached. */
export async function openAskers(domain: string, options: CheckOptions): Promise<Askers> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const view = createAsker(options.resolver?.length ? options.resolver : null, timeoutMs);
  const { asker, nsNames, servers } = await authoritativeAsker(domain, view, options, timeoutMs);
  return { auth: asker, view, nsNames, servers };
}
