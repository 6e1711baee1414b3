/**
 * `ses-assistant dns-handoff <domain> --region <region> --dkim-tokens t1,t2,t3`: the message for
 * whoever manages the domain's DNS, as the DNS screen's hand-off panel makes it. Text by default,
 * a self-contained web page with --html, the documented JSON shape with --json (README, "DNS
 * hand-off"). DNS that cannot be read still gives a message, planned without it.
 */
import { mailFromFor } from '../../electron/features/dns/index';
import { dkimDomainFor } from '../../electron/core/facts/regions';
import { handOffFor } from '../../electron/features/handoff/prepare';
import { toHtml } from '../../electron/features/handoff/html';
import { fitsMailto } from '../../electron/features/handoff/mailto';
import type { HandOff } from '../../electron/features/handoff/types';
import { toAssistantError } from '../../electron/core/errors';
import { failure, REGION_LIST, wantsJson, type Command } from '../command';
import { isProblem, parseDnsArgs } from './dns-args';

const USAGE =
  'ses-assistant dns-handoff <domain> --region <region> --dkim-tokens t1,t2,t3 [--mail-from <domain>] [--nameserver <host:port>] [--resolver <host:port>] [--html] [--json]';

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
    const parsed = parseDnsArgs(args, 'dns-handoff', { switches: ['json', 'html'], tokensRequired: true });
    if (isProblem(parsed))
      return failure(
        io,
        { json, command: 'dns-handoff', exit: 2 },
        { code: parsed.code, message: parsed.why, usage: USAGE },
      );
    const { domain, region, tokens, nameserver, resolver, flags } = parsed;
    // The hand-off always names a MAIL FROM domain: the one given, or the assistant's default.
    const mailFrom = parsed.mailFrom ?? mailFromFor(domain);

    try {
      const handOff = await handOffFor(
        {
          domain,
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
