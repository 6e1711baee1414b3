/**
 * Sandbox status and the production-access request, per region.
 *
 * Status comes from SES v2 GetAccount (production access, quota, enforcement, the review of a
 * request). A sending user may lack ses:GetAccount, and some endpoints do not offer it, so when it
 * is denied or unavailable the status falls back to SES v1 GetSendQuota, whose limits tell a
 * sandboxed account apart (see facts/sandbox.ts) but know nothing of a review. The result always
 * says which source answered.
 *
 * Screen: Leave the sandbox (renderer/features/sandbox/SandboxStep.tsx).
 */
import type { PricingPlan } from '../../core/facts/pricing';
import { rateLines } from '../../core/facts/reputation';
import { REVIEW_TIME_TEXT, SANDBOX_LIMITS_TEXT } from '../../core/facts/sandbox';
import type { SandboxAnswers } from '../../ipc/schemas';
import type { AwsClients } from '../../core/aws-clients';
import { looksSandboxed, sendQuota, type SendQuota } from '../connection';
import { AssistantFailure, toAssistantError } from '../../core/errors';
import { draftUseCase } from './draft';
import { sandboxAnswers } from '../../ipc/schemas';

export type ReviewState = 'PENDING' | 'GRANTED' | 'DENIED' | 'FAILED';
export type RequestRoute = 'console' | 'api';

/** What a review state means and what to do next, in plain words. */
export interface Meaning {
  title: string;
  explanation: string;
  next: string;
}

export interface SandboxStatus {
  region: string;
  /** Which call answered: GetAccount knows about reviews; GetSendQuota only about the limits. */
  source: 'GetAccount' | 'GetSendQuota';
  /** Why the fallback was used, in plain words (only when source is GetSendQuota). */
  sourceNote?: string;
  sandbox: boolean;
  sendingEnabled: boolean | null;
  quota: SendQuota;
  enforcement: 'HEALTHY' | 'PROBATION' | 'SHUTDOWN' | null;
  review: { status: ReviewState; caseId: string | null } | null;
  /** What AWS holds from the last request (never the contact addresses' owner's secrets; none exist). */
  details: { mailType: string | null; website: string | null; language: string | null } | null;
  /** The request this app recorded for the region: the route taken and when. */
  request: { route: RequestRoute; at: string } | null;
  /** The account's SES pricing plan (GetAccount's PricingAttributes), or null when not reported. */
  pricingPlan: PricingPlan | null;
  meaning: Meaning;
  checkedAt: string;
}

const REVIEW_STATES: ReviewState[] = ['PENDING', 'GRANTED', 'DENIED', 'FAILED'];
const PLANS: PricingPlan[] = ['NONE', 'ESSENTIALS', 'PRO', 'ENTERPRISE'];

export function meaningOf(
  s: Pick<SandboxStatus, 'sandbox' | 'review' | 'enforcement' | 'quota' | 'region'>,
): Meaning {
  // SES counts recipients, not messages: one email to three people uses three.
  const limits = `${s.quota.max24HourSend.toLocaleString('en-US')} recipients in 24 hours, ${s.quota.maxSendRate} a second`;
  const bounce = rateLines('bounce');
  const complaint = rateLines('complaint');
  const keepRates = `AWS advises keeping bounces under ${bounce.adviseBelow} and complaints under ${complaint.adviseBelow}. It reviews an account at ${bounce.reviewAt} bounces or ${complaint.reviewAt} complaints, and may pause its sending at ${bounce.pauseAt} or ${complaint.pauseAt}`;
  if (s.enforcement === 'SHUTDOWN')
    return {
      title: 'AWS has paused sending for this account',
      explanation: `Sending from ${s.region} is stopped because of a problem AWS found with the mail sent (usually too many bounces or complaints).`,
      next: 'Open the AWS Support case or the email AWS sent, fix what it names, and reply to ask for sending to be resumed.',
    };
  switch (s.review?.status) {
    case 'PENDING':
      return {
        title: 'AWS is reviewing your request',
        explanation: `${REVIEW_TIME_TEXT} Until then the sandbox limits still apply.`,
        next: 'Nothing to do now. Watch your email: AWS Support may ask a question, and a quick, specific answer speeds things up. The assistant checks every 30 minutes and tells you when the decision arrives.',
      };
    case 'GRANTED':
      return {
        title: 'You are out of the sandbox',
        explanation: `Production access is granted in ${s.region}: you can send to any address, up to ${limits}.`,
        next: `${keepRates}. Other regions still need their own request.`,
      };
    case 'DENIED':
      return {
        title: 'AWS declined the request for now',
        explanation:
          'The reviewers were not yet convinced the mail will be wanted and well handled. This is common for a first request.',
        next: 'Read their reply in the AWS Support case, then make the description more specific (how people opted in, how bounces and unsubscribes are handled) and reply to the case or send a new request.',
      };
    case 'FAILED':
      return {
        title: 'The request did not go through',
        explanation: 'AWS could not process the request, so nobody is reviewing it.',
        next: 'Send the request again. If it fails twice, open the SES account dashboard in the AWS console and use “Request production access” there.',
      };
  }
  if (!s.sandbox)
    return {
      title: 'This region has production access',
      explanation: `You can send to any address from ${s.region}, up to ${limits}.`,
      next: `Nothing to request here. ${keepRates}.`,
    };
  return {
    title: `Your account is in the sandbox in ${s.region}`,
    explanation: `You can send only to addresses and domains you have verified yourself, ${SANDBOX_LIMITS_TEXT}. The sandbox applies per region: leaving it in ${s.region} does not change any other region.`,
    next: 'Fill in the questions below and ask AWS for production access.',
  };
}

/** GetAccount failed in a way that GetSendQuota may still answer (denied, missing, not understood). */
function canFallBack(err: unknown): string | null {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  if (/AccessDenied|NotAuthorized|UnauthorizedOperation/.test(e.name ?? '') || status === 403)
    return 'This key may not read the account details (ses:GetAccount), so the status comes from the sending limits alone and cannot show a review.';
  if (
    status === 404 ||
    status === 501 ||
    /UnknownOperation|NotFound|Deserializ|SyntaxError/i.test(e.name ?? '')
  )
    return 'This SES endpoint does not offer the account details, so the status comes from the sending limits alone and cannot show a review.';
  return null;
}

export async function sandboxStatus(
  clients: AwsClients,
  now: Date,
  request: SandboxStatus['request'] = null,
): Promise<SandboxStatus> {
  const region = clients.region;
  const { GetAccountCommand } = await import('@aws-sdk/client-sesv2');
  let account;
  let note: string | null = null;
  try {
    account = await (await clients.sesv2()).send(new GetAccountCommand({}));
  } catch (err) {
    note = canFallBack(err);
    if (!note)
      throw new AssistantFailure(
        toAssistantError(err, { region, doing: 'reading your SES account status (ses:GetAccount)' }),
      );
  }
  if (!account) {
    const quota = await sendQuota(clients).catch((err: unknown) => {
      throw new AssistantFailure(
        toAssistantError(err, { region, doing: 'reading your SES sending quota (ses:GetSendQuota)' }),
      );
    });
    const base = { region, sandbox: looksSandboxed(quota), quota, enforcement: null, review: null };
    return {
      ...base,
      source: 'GetSendQuota',
      sourceNote: note ?? undefined,
      pricingPlan: null,
      sendingEnabled: null,
      details: null,
      request,
      meaning: meaningOf(base),
      checkedAt: now.toISOString(),
    };
  }
  const quota: SendQuota = {
    max24HourSend: account.SendQuota?.Max24HourSend ?? 0,
    maxSendRate: account.SendQuota?.MaxSendRate ?? 0,
    sentLast24Hours: account.SendQuota?.SentLast24Hours ?? 0,
  };
  const reviewStatus = account.Details?.ReviewDetails?.Status as ReviewState | undefined;
  const enforcement = ['HEALTHY', 'PROBATION', 'SHUTDOWN'].includes(account.EnforcementStatus ?? '')
    ? (account.EnforcementStatus as SandboxStatus['enforcement'])
    : null;
  const base = {
    region,
    sandbox: account.ProductionAccessEnabled !== true,
    quota,
    enforcement,
    review:
      reviewStatus && REVIEW_STATES.includes(reviewStatus)
        ? { status: reviewStatus, caseId: account.Details?.ReviewDetails?.CaseId ?? null }
        : null,
  };
  return {
    ...base,
    source: 'GetAccount',
    sendingEnabled: account.SendingEnabled ?? null,
    pricingPlan: PLANS.find((p) => p === account.PricingAttributes?.CurrentPlan) ?? null,
    details: account.Details
      ? {
          mailType: account.Details.MailType ?? null,
          website: account.Details.WebsiteURL ?? null,
          language: account.Details.ContactLanguage ?? null,
        }
      : null,
    request,
    meaning: meaningOf(base),
    checkedAt: now.toISOString(),
  };
}

/** Sends the request through PutAccountDetails, with the drafted description and ProductionAccessEnabled. */
export async function submitRequest(clients: AwsClients, input: SandboxAnswers): Promise<void> {
  const answers = sandboxAnswers.parse(input);
  const { PutAccountDetailsCommand } = await import('@aws-sdk/client-sesv2');
  await (
    await clients.sesv2()
  ).send(
    new PutAccountDetailsCommand({
      MailType: answers.mailType,
      WebsiteURL: answers.website,
      UseCaseDescription: draftUseCase(answers).text,
      AdditionalContactEmailAddresses: answers.contacts,
      ContactLanguage: answers.language,
      ProductionAccessEnabled: true,
    }),
  );
}
