/**
 * Puts the hand-off together for a domain: its DKIM tokens and MAIL FROM from SES (the sending
 * user's key, never admin access), the plan worded for the zone that holds it, the host recognised
 * from its nameservers, and a live check so the message can say what is already in place.
 * DNS that cannot be read makes a message all the same (planned blind, without `dig` servers).
 */
import type { ServiceContext } from '../../core/context';
import { toAssistantError } from '../../core/errors';
import type { Log } from '../../core/log';
import {
  checkDomain,
  GENERIC_HOST,
  mailFromFor,
  planFor,
  readToday,
  recogniseHost,
  type CheckOptions,
  type PlanInput,
} from '../dns/index';
import { domainSesFacts } from '../identities/index';
import { composeHandOff } from './message';
import type { HandOff } from './types';

/** What the plan and the live check need; kept for the watch, which then asks SES nothing. */
export type HandOffFacts = Required<
  Pick<PlanInput, 'domain' | 'region' | 'dkimTokens' | 'dkimDomain' | 'mailFromDomain'>
>;

export async function sesFactsFor(
  ctx: ServiceContext,
  domain: string,
  region?: string,
  mailFrom?: string,
): Promise<HandOffFacts> {
  const clients = await ctx.clientsFor(undefined, region ?? ctx.settings.get().region);
  const facts = await domainSesFacts(clients, domain);
  return {
    domain,
    region: clients.region,
    dkimTokens: facts.dkimTokens,
    dkimDomain: facts.dkimDomain,
    mailFromDomain: mailFromFor(domain, mailFrom ?? facts.configuredMailFrom),
  };
}

/** The message for these facts, with what DNS (asked as `options` say) shows today. */
export async function handOffFor(
  facts: HandOffFacts,
  options: CheckOptions,
  log?: Pick<Log, 'info'>,
): Promise<HandOff> {
  const quietly = (what: string) => (err: unknown) => {
    log?.info(`handoff: ${what}`, { code: toAssistantError(err).code });
    return null;
  };
  const [today, report] = await Promise.all([
    readToday(facts.domain, facts.mailFromDomain, options, undefined, log),
    checkDomain(facts, options).catch(quietly('live check failed')),
  ]);
  const plan = planFor(facts, today);
  const nameservers = report?.nameservers ?? [];
  return composeHandOff({
    plan,
    host: today.host ?? recogniseHost(nameservers),
    genericHost: GENERIC_HOST,
    nameservers,
    checks: report?.records ?? null,
  });
}
