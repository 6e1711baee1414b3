/**
 * The "Leave the sandbox" screen's channels: the status per region, the live draft, the readiness
 * checklist, "submit for me" (PutAccountDetails) and noting that the person used the console form.
 * The route taken and its date are kept in settings.sandboxRequests, so the review can be tracked.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';
import { dmarcProblem, dnsOptions, isDmarc, mailFromFor, readToday, type Today } from '../dns';
import { forgetDraft } from '../../core/drafts';
import { AssistantFailure, toAssistantError } from '../../core/errors';
import { setupRightsRemoved } from '../sending-user';
import { sandboxStatus, submitRequest, type RequestRoute, type SandboxStatus } from './sandbox';
import { draftUseCase } from './draft';
import { readiness, type ReadinessFacts } from './readiness';

type SandboxChannels =
  'sandbox.status' | 'sandbox.draft' | 'sandbox.readiness' | 'sandbox.submit' | 'sandbox.usedConsole';

/** Facts are re-read at most this often: the website answer changes with every keystroke, SES does not. */
const FACTS_TTL_MS = 60_000;

/**
 * Reads the status for a region and remembers the review state seen, so a change is noticed once.
 * `changed` is true when a recorded request's review state differs from the one seen before.
 */
export async function checkSandbox(
  ctx: ServiceContext,
  region: string,
): Promise<{ status: SandboxStatus; changed: boolean }> {
  const recorded = ctx.settings.get().sandboxRequests[region];
  const clients = await ctx.clientsFor(undefined, region);
  const status = await sandboxStatus(
    clients,
    ctx.clock(),
    recorded ? { route: recorded.route, at: recorded.at } : null,
  );
  const seen = status.review?.status ?? null;
  // GetSendQuota knows nothing of reviews: its silence is not a change.
  const changed = Boolean(recorded) && status.source === 'GetAccount' && seen !== recorded!.lastReview;
  if (changed) {
    await ctx.settings.update((s) => ({
      ...s,
      sandboxRequests: {
        ...s.sandboxRequests,
        [region]: { ...s.sandboxRequests[region]!, lastReview: seen },
      },
    }));
  }
  return { status, changed };
}

async function recordRoute(
  ctx: ServiceContext,
  region: string,
  route: RequestRoute,
  lastReview: string | null,
) {
  const at = ctx.clock().toISOString();
  await ctx.settings.update((s) => ({
    ...s,
    sandboxRequests: { ...s.sandboxRequests, [region]: { route, at, lastReview } },
  }));
  ctx.log.info('sandbox: production access requested', { region, route });
  return { route, at };
}

/** The DMARC record that applies to the domain: its own, else a parent's; 'unreadable' when unknown. */
function dmarcThatApplies(today: Today): string | null | 'unreadable' {
  const { dmarc, dmarcInherited } = today.existing;
  if (!today.read) return 'unreadable';
  const own = dmarc.filter(isDmarc);
  if (own.length > 0) return own[0]!;
  if (dmarcInherited === 'unknown') return 'unreadable';
  return dmarcInherited?.record ?? null;
}

export function sandboxHandlers(ctx: ServiceContext): Pick<Handlers, SandboxChannels> {
  const regionOf = (region?: string) => region ?? ctx.settings.get().region;
  const factsCache = new Map<string, { at: number; facts: Promise<ReadinessFacts> }>();

  async function readFacts(domain: string, region: string): Promise<ReadinessFacts> {
    const clients = await ctx.clientsFor(undefined, region);
    const ses = await clients.ses();
    const sdk = await import('@aws-sdk/client-ses');
    const doing = { region, doing: 'reading your domain’s status from SES' };
    const [verification, dkim, notes, dmarc] = await Promise.all([
      ses.send(new sdk.GetIdentityVerificationAttributesCommand({ Identities: [domain] })),
      ses.send(new sdk.GetIdentityDkimAttributesCommand({ Identities: [domain] })),
      ses.send(new sdk.GetIdentityNotificationAttributesCommand({ Identities: [domain] })),
      readToday(domain, mailFromFor(domain), dnsOptions(ctx)).then(dmarcThatApplies),
    ]).catch((err: unknown) => {
      throw new AssistantFailure(toAssistantError(err, doing));
    });
    const v = verification.VerificationAttributes?.[domain];
    const d = dkim.DkimAttributes?.[domain];
    const n = notes.NotificationAttributes?.[domain];
    const record = dmarc;
    // A topic this app set up counts even where SES's read-back lags (or, as in moto, stays empty).
    const ledgerTopic =
      ctx.settings
        .get()
        .ledger.find((e) => e.kind === 'sns-topic' && e.region === region && e.meta?.identity === domain)
        ?.id ?? null;
    return {
      domain,
      region,
      verification: v?.VerificationStatus ?? null,
      dkimEnabled: d?.DkimEnabled === true,
      dkimStatus: d?.DkimVerificationStatus ?? null,
      bounceTopic: n?.BounceTopic || ledgerTopic,
      complaintTopic: n?.ComplaintTopic || ledgerTopic,
      dmarc: record,
      dmarcProblem: record && record !== 'unreadable' ? dmarcProblem(record) : null,
    };
  }

  function facts(domain: string, region: string): Promise<ReadinessFacts> {
    const key = `${region}|${domain}`;
    const now = ctx.clock().getTime();
    const hit = factsCache.get(key);
    if (hit && now - hit.at < FACTS_TTL_MS) return hit.facts;
    const fresh = readFacts(domain, region);
    factsCache.set(key, { at: now, facts: fresh });
    fresh.catch(() => factsCache.delete(key));
    return fresh;
  }

  return {
    'sandbox.status': async ({ region }) => (await checkSandbox(ctx, regionOf(region))).status,

    'sandbox.draft': async ({ answers }) => draftUseCase(answers),

    'sandbox.readiness': async ({ domain, region, website }) => {
      const r = regionOf(region);
      return { domain, region: r, items: readiness(await facts(domain, r), website) };
    },

    'sandbox.submit': async ({ region, answers }) => {
      const r = regionOf(region);
      const clients = await ctx.clientsFor(undefined, r);
      await submitRequest(clients, answers).catch((err: unknown) => {
        throw new AssistantFailure(
          setupRightsRemoved(ctx, err, 'the production-access request') ??
            toAssistantError(err, {
              region: r,
              doing: 'sending the production-access request (ses:PutAccountDetails)',
            }),
        );
      });
      await recordRoute(ctx, r, 'api', null);
      // Sent: the answers kept for a restart have done their job.
      await forgetDraft(ctx.settings, 'sandbox');
      return (await checkSandbox(ctx, r)).status;
    },

    'sandbox.usedConsole': async ({ region }) => {
      const r = regionOf(region);
      return recordRoute(ctx, r, 'console', null);
    },
  };
}
