/**
 * The home screen once set up: everything a person wants to glance at, gathered in parallel. Each
 * section stands alone, so one failing call (a missing permission, say) shows in its own card and
 * never blanks the rest.
 *
 * Screen: the dashboard (renderer/features/dashboard/DashboardStep.tsx).
 */
import type { AssistantError } from '../../core/errors';
import type { SendQuota } from '../connection';
import type { ServiceContext } from '../../core/context';
import { toAssistantError } from '../../core/errors';
import { listIdentities, type IdentityView } from '../identities';
import { estimateMonthlyCost, type CostEstimate } from '../../core/facts/pricing';
import { fetchReputation, type Reputation } from './reputation';
import type { KeyStatus } from '../rotation';
import { sandboxStatus, type SandboxStatus } from '../sandbox';
import { buildSnippets, smtpEndpoint, type Snippet } from '../sending';
import { feedbackSummary, type FeedbackSummary } from '../feedback';

export type Section<T> = { ok: true; value: T } | { ok: false; error: AssistantError };

export interface DashboardView {
  region: string;
  connection: { label: string; accountId: string; keyIdMasked: string | null };
  account: Section<SandboxStatus>;
  identities: Section<IdentityView[]>;
  reputation: Section<Reputation>;
  key: Section<KeyStatus>;
  /** Bounces and complaints stored on this computer (the queue the assistant reads). */
  feedback: Section<FeedbackSummary>;
  smtp: { host: string; ports: { starttls: number; tls: number }; userNameMasked: string | null };
  snippets: Snippet[];
  cost: CostEstimate;
  /** Set when the last day's sending is close to the quota: what to do about it. */
  quotaAdvice: string | null;
}

async function section<T>(work: () => Promise<T>, region: string, doing: string): Promise<Section<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, error: toAssistantError(err, { region, doing }) };
  }
}

/** Near the limit (80 %), the person should act before mail is refused. */
export function quotaAdvice(quota: SendQuota, sandbox: boolean): string | null {
  if (quota.max24HourSend <= 0 || quota.sentLast24Hours < 0.8 * quota.max24HourSend) return null;
  return sandbox
    ? `You have used most of the sandbox’s ${quota.max24HourSend} recipients for the last 24 hours (an email to three people counts three). Ask AWS for production access (Leave the sandbox) to send to more.`
    : 'You have used most of the last 24 hours’ sending quota. In the SES console, open “Account dashboard → Request a sending quota increase” and give your current volume, how it is growing and your bounce and complaint rates.';
}

/** A From address for the snippets: an address identity as is, a domain as noreply@domain. */
function senderOf(identities: Section<IdentityView[]>): string {
  const verified = identities.ok ? identities.value.filter((i) => i.state === 'verified') : [];
  const address = verified.find((i) => i.kind === 'address');
  const domain = verified.find((i) => i.kind === 'domain');
  return address?.identity ?? (domain ? `noreply@${domain.identity}` : 'you@example.com');
}

export async function buildDashboard(
  ctx: ServiceContext,
  deps: { keyStatus: () => Promise<KeyStatus> },
): Promise<DashboardView> {
  const profile = ctx.profile();
  const region = profile.region;
  const clients = await ctx.clientsFor(profile.id);
  const now = ctx.clock();
  const request = ctx.settings.get().sandboxRequests[region] ?? null;

  const [account, identities, reputation, key, feedback] = await Promise.all([
    section(() => sandboxStatus(clients, now, request), region, 'reading your sending limits'),
    section(() => listIdentities(clients), region, 'listing your verified senders'),
    section(() => fetchReputation(clients, now), region, 'reading your sending statistics'),
    section(deps.keyStatus, region, 'checking your key’s age'),
    section(() => feedbackSummary(ctx), region, 'reading the bounces and complaints stored here'),
  ]);

  const endpoint = smtpEndpoint(region);
  const sentPerDay = account.ok ? account.value.quota.sentLast24Hours : 0;
  return {
    region,
    connection: {
      label: profile.label,
      accountId: profile.accountId,
      keyIdMasked: profile.accessKeyIdMasked ?? null,
    },
    account,
    identities,
    reputation,
    key,
    feedback,
    smtp: { host: endpoint.host, ports: endpoint.ports, userNameMasked: profile.accessKeyIdMasked ?? null },
    snippets: buildSnippets({
      region,
      smtpHost: endpoint.host,
      from: senderOf(identities),
      keyIdMasked: profile.accessKeyIdMasked,
    }),
    cost: estimateMonthlyCost(sentPerDay * 30, account.ok ? account.value.pricingPlan : null),
    quotaAdvice: account.ok ? quotaAdvice(account.value.quota, account.value.sandbox) : null,
  };
}
