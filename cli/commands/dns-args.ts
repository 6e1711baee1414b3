/**
 * The arguments the DNS commands (dns-check, dns-handoff) share: one domain, --region,
 * --dkim-tokens, --mail-from, --nameserver and --resolver, checked the same way for both.
 */
import { domainName, mailFromName } from '../../electron/ipc/schemas';
import { mailFromFor } from '../../electron/features/dns/index';
import { parseArgs, regionProblem } from '../command';

const HOST_PORT = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]|[0-9a-f:]+|[a-z0-9.-]+)(:\d{1,5})?$/i;

export interface DnsArgs {
  domain: string;
  region: string;
  tokens: string[];
  /** The MAIL FROM domain given with --mail-from, in full; undefined when not given. */
  mailFrom: string | undefined;
  nameserver: string | undefined;
  resolver: string | undefined;
  flags: Record<string, string | boolean>;
}

/** A usage problem, in words, and its error code. */
export interface DnsArgsProblem {
  why: string;
  code: 'USAGE' | 'REGION_UNKNOWN';
}

export function parseDnsArgs(
  args: string[],
  command: string,
  options: { switches: string[]; tokensRequired: boolean },
): DnsArgs | DnsArgsProblem {
  const { flags, positional, unknown } = parseArgs(args, {
    values: ['region', 'dkim-tokens', 'mail-from', 'nameserver', 'resolver'],
    switches: options.switches,
  });
  const usage = (why: string, code: DnsArgsProblem['code'] = 'USAGE'): DnsArgsProblem => ({ why, code });
  if (unknown.length) return usage(unknown.join('; '));
  if (positional.length !== 1) return usage('give exactly one domain.');
  const domain = domainName.safeParse(positional[0]);
  if (!domain.success) return usage(domain.error.issues[0]!.message);
  const badRegion = regionProblem(flags.region, command);
  if (badRegion) return usage(badRegion, 'REGION_UNKNOWN');
  const tokens =
    typeof flags['dkim-tokens'] === 'string'
      ? flags['dkim-tokens']
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
      : [];
  if ((options.tokensRequired && tokens.length === 0) || tokens.some((t) => !/^[a-z0-9]{1,63}$/i.test(t)))
    return usage(
      options.tokensRequired
        ? '--dkim-tokens: give the tokens SES shows for the domain, separated by commas.'
        : '--dkim-tokens: give the tokens SES shows, separated by commas.',
    );
  let mailFrom: string | undefined;
  if (typeof flags['mail-from'] === 'string') {
    const parsed = mailFromName.safeParse(flags['mail-from']);
    if (!parsed.success) return usage(`--mail-from: ${parsed.error.issues[0]!.message}`);
    mailFrom = mailFromFor(domain.data, parsed.data);
    if (!mailFrom.endsWith(`.${domain.data}`)) return usage('--mail-from must be a subdomain of the domain.');
  }
  for (const flag of ['nameserver', 'resolver'] as const)
    if (typeof flags[flag] === 'string' && !HOST_PORT.test(flags[flag]))
      return usage(`--${flag}: give host or host:port.`);
  const nameserver = typeof flags.nameserver === 'string' ? flags.nameserver : undefined;
  const resolver = typeof flags.resolver === 'string' ? flags.resolver : nameserver;
  return {
    domain: domain.data,
    region: flags.region as string,
    tokens,
    mailFrom,
    nameserver,
    resolver,
    flags,
  };
}

export const isProblem = (parsed: DnsArgs | DnsArgsProblem): parsed is DnsArgsProblem => 'why' in parsed;
