/**
 * The DNS screen's channels (renderer/features/dns/DnsStep.tsx): the record plan (DKIM tokens and
 * MAIL FROM read from SES), the live check, the plan as a BIND or CSV file, and writing the records
 * into Route 53 with admin access. DNS traffic goes to ctx.peers.dns when set (tests,
 * advanced use), otherwise to the domain's own nameservers and the system's resolver.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';
import { domainSesFacts } from '../identities';
import { checkDomain } from './checker';
import { planFor, readToday } from './today';
import { toBind, toCsv } from './export';
import { GENERIC_HOST } from './hosts';
import { mailFromFor } from './record-plan';
import { dnsOptions } from './options';
import type { DnsPlanView } from './types';
import { previewRoute53, publishRoute53 } from './route53';

type DnsChannels = 'dns.plan' | 'dns.check' | 'dns.export' | 'route53.preview' | 'route53.publish';

interface SesFacts {
  region: string;
  dkimTokens: string[];
  dkimDomain: string;
  mailFromDomain: string;
  /** The MAIL FROM domain SES holds for the domain (null: none, SES uses its own). */
  sesMailFrom: string | null;
}

/** The DKIM tokens and MAIL FROM domain SES holds for the domain, in the chosen region. */
async function sesFacts(
  ctx: ServiceContext,
  domain: string,
  region: string | undefined,
  mailFrom: string | undefined,
): Promise<SesFacts> {
  const clients = await ctx.clientsFor(undefined, region ?? ctx.settings.get().region);
  const facts = await domainSesFacts(clients, domain);
  return {
    region: clients.region,
    dkimTokens: facts.dkimTokens,
    dkimDomain: facts.dkimDomain,
    mailFromDomain: mailFromFor(domain, mailFrom ?? facts.configuredMailFrom),
    sesMailFrom: facts.configuredMailFrom || null,
  };
}

export function dnsHandlers(ctx: ServiceContext): Pick<Handlers, DnsChannels> {
  async function plan(domain: string, region?: string, mailFrom?: string): Promise<DnsPlanView> {
    const facts = await sesFacts(ctx, domain, region, mailFrom);
    // The plan is still useful when DNS cannot be read (offline): DKIM and MAIL FROM are planned,
    // and what could not be read (a DMARC policy, the SPF record) is left alone and said so.
    const today = await readToday(domain, facts.mailFromDomain, dnsOptions(ctx), undefined, ctx.log);
    return { ...planFor({ domain, ...facts }, today), host: today.host ?? GENERIC_HOST, dnsRead: today.read };
  }

  return {
    'dns.plan': ({ domain, region, mailFrom }) => plan(domain, region, mailFrom),

    'dns.check': async ({ domain, region, mailFrom }) => {
      const facts = await sesFacts(ctx, domain, region, mailFrom);
      const report = await checkDomain({ domain, ...facts }, dnsOptions(ctx));
      ctx.log.info('dns: checked', {
        domain,
        ms: report.elapsedMs,
        statuses: report.records.map((r) => r.status).join(','),
      });
      return report;
    },

    'dns.export': async ({ domain, format, region, mailFrom }) => {
      const p = await plan(domain, region, mailFrom);
      return { text: format === 'bind' ? toBind(p) : toCsv(p) };
    },

    'route53.preview': ({ domain }) => previewRoute53(ctx, domain),

    'route53.publish': ({ domain, digest }) => publishRoute53(ctx, domain, digest),
  };
}
