/**
 * `ses-assistant dns-handoff <domain> --region <region> --dkim-tokens t1,t2,t3`: the message for
 * whoever manages the domain's DNS, as the DNS screen's hand-off panel makes it. Text by default,
 * a self-contained web page with --html, the documented JSON shape with --json (README, "DNS
 * hand-off"). DNS that cannot be read still gives a message, planned without it.
 */
import { domainName, mailFromName } from '../../electron/ipc/schemas';
import { mailFromFor } from '../../electron/features/dns/index';
import { dkimDomainFor } from '../../electron/core/facts/regions';
import { handOffFor } from '../../electron/features/handoff/prepare';
import { toHtml } from '../../electron/features/handoff/html';
import { fitsMailto } from '../../electron/features/handoff/mailto';
import type { HandOff } from '../../electron/features/handoff/types';
import { toAssistantError } from '../../electron/core/errors';
import { failure, parseArgs, REGION_LIST, regionProblem, wantsJson, type Command } from '../command';

const USAGE =
  'ses-assistant dns-handoff <domain> --region <region> --dkim-tokens t1,t2,t3 [--mail-from <domain>] [--nameserver <host:port>] [--resolver <host:port>] [--html] [--json]';

const HOST_PORT = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]|[0-9a-f:]+|[a-z0-9.-]+)(:\d{1,5})?$/i;

/** The hand-off in the documented, stable JSON shape; `html` only with --html. */
export function handOffJson(h: HandOff, withHtml: boolean) {
  return {
    domain: h.domain,
    unicodeDomain: h.unicodeDomain,
    zone: h.zone,
    region: h.region,
    host: h.host,
    records: h.records.map((r) => ({
      purpose: r.purpose,
      type: r.type,
      name: r.name,
      relativeName: r.relativeName,
      nameToType: r.nameToType,
      value: r.value,
      ttl: r.ttl,
      inPlace: r.inPlace,
    })),
    nameservers: h.nameservers,
    digLines: h.digLines,
    allInPlace: h.allInPlace,
    subject: h.subject,
    text: h.text,
    mail: fitsMailto(h),
    ...(withHtml ? { html: toHtml(h) } : {}),
  };
}

export const dnsHandoffCommand: Command = {
  name: 'dns-handoff',
  summary: 'Print the message to send whoever manages a domain’s DNS',
  usage: USAGE,
  help: `Regions: ${REGION_LIST}.\nThe DKIM tokens are the three SES shows for the domain (the first part of each DKIM record).`,
  async run(args, io) {
    const json = wantsJson(args);
    const { flags, positional, unknown } = parseArgs(args, {
      values: ['region', 'dkim-tokens', 'mail-from', 'nameserver', 'resolver'],
      switches: ['json', 'html'],
    });
    const usage = (why: string, code = 'USAGE') =>
      failure(io, { json, command: 'dns-handoff', exit: 2 }, { code, message: why, usage: USAGE });
    if (unknown.length) return usage(unknown.join('; '));
    if (positional.length !== 1) return usage('give exactly one domain.');
    const domain = domainName.safeParse(positional[0]);
    if (!domain.success) return usage(domain.error.issues[0]!.message);
    const badRegion = regionProblem(flags.region, 'dns-handoff');
    if (badRegion) return usage(badRegion, 'REGION_UNKNOWN');
    const region = flags.region as string;
    const tokens =
      typeof flags['dkim-tokens'] === 'string'
        ? flags['dkim-tokens']
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
        : [];
    if (tokens.length === 0 || tokens.some((t) => !/^[a-z0-9]{1,63}$/i.test(t)))
      return usage('--dkim-tokens: give the tokens SES shows for the domain, separated by commas.');
    let mailFrom = mailFromFor(domain.data);
    if (typeof flags['mail-from'] === 'string') {
      const parsed = mailFromName.safeParse(flags['mail-from']);
      if (!parsed.success) return usage(`--mail-from: ${parsed.error.issues[0]!.message}`);
      mailFrom = mailFromFor(domain.data, parsed.data);
      if (!mailFrom.endsWith(`.${domain.data}`))
        return usage('--mail-from must be a subdomain of the domain.');
    }
    for (const flag of ['nameserver', 'resolver'] as const)
      if (typeof flags[flag] === 'string' && !HOST_PORT.test(flags[flag]))
        return usage(`--${flag}: give host or host:port.`);
    const nameserver = typeof flags.nameserver === 'string' ? flags.nameserver : undefined;
    const resolver = typeof flags.resolver === 'string' ? flags.resolver : nameserver;

    try {
      const handOff = await handOffFor(
        {
          domain: domain.data,
          region,
          dkimTokens: tokens,
          dkimDomain: dkimDomainFor(region),
          mailFromDomain: mailFrom,
        },
        { authoritative: nameserver ? [nameserver] : undefined, resolver: resolver ? [resolver] : undefined },
      );
      if (flags.json) io.out(JSON.stringify(handOffJson(handOff, flags.html === true), null, 2) + '\n');
      else io.out(flags.html ? toHtml(handOff) : `Subject: ${handOff.subject}\n\n${handOff.text}`);
      return 0;
    } catch (err) {
      const e = toAssistantError(err, { doing: 'preparing the DNS hand-off' });
      if (json)
        return failure(
          io,
          { json, exit: 1 },
          { code: e.code, message: `${e.title}. ${e.explanation}`, fix: e.fix },
        );
      io.err(`${e.title}\n${e.explanation}\nWhat to do: ${e.fix}\n`);
      return 1;
    }
  },
};
