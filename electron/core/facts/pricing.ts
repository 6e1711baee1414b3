/**
 * SES prices, kept as dated data in one place. Since the SES pricing plans (July 2026), what an
 * account pays depends on its plan, which SES v2 GetAccount reports (PricingAttributes.CurrentPlan:
 * NONE, ESSENTIALS, PRO, ENTERPRISE); new accounts may start on a plan rather than pay as you go. The
 * assistant holds a dated figure only for pay-as-you-go (NONE), where outbound mail is billed per
 * recipient (the AWS price list's usage type "Recipients"): an email to three people counts three, as
 * the sending quota does. For a plan it names the plan and links to the pricing page; when the plan
 * could not be read it shows no figure at all, since that figure might not apply. It never promises a
 * free allowance: which one an account has (if any) depends on its age and plan.
 */
export const PRICES = {
  asOf: '2026-12-04',
  /** The first is the page a screen links to. */
  source: 'https://aws.amazon.com/ses/pricing/',
  sources: [
    'https://aws.amazon.com/ses/pricing/',
    'https://docs.aws.amazon.com/ses/latest/dg/pricing-plans.html',
    'https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_PricingAttributes.html',
  ],
  currency: 'USD',
  /** Pay-as-you-go (no pricing plan): outbound email, per 1,000 recipients. */
  perThousandRecipients: 0.1,
  perGigabyteAttachments: 0.12,
  dedicatedIpPerMonth: 24.95,
} as const;

/** The plans SES v2 reports; null when the account's plan could not be read. */
export type PricingPlan = 'NONE' | 'ESSENTIALS' | 'PRO' | 'ENTERPRISE';

const PLAN_NAMES: Record<Exclude<PricingPlan, 'NONE'>, string> = {
  ESSENTIALS: 'Essentials',
  PRO: 'Pro',
  ENTERPRISE: 'Enterprise',
};

export interface CostEstimate {
  /** The plan SES reported, or null when it could not be read. */
  plan: PricingPlan | null;
  /** The plan's name for the screen ("pay as you go", "Pro"); null when it could not be read. */
  planName: string | null;
  /** Recipients a month at today's pace (SES counts and bills recipients, not messages). */
  recipientsPerMonth: number;
  attachmentGigabytes: number;
  /** The pay-as-you-go price of 1,000 recipients; null unless the account pays as it goes. */
  perThousandUsd: number | null;
  /** The pay-as-you-go estimate for the month; null unless the account pays as it goes. */
  monthlyUsd: number | null;
  asOf: string;
  source: string;
  /** One plain sentence under the figure: what it assumes, or why there is none. */
  note: string;
  /** The price as a screen states it ("About $0.10 per 1,000 recipients"); null without a figure. */
  headline: string | null;
}

/** The pay-as-you-go price as a screen states it. */
export function priceHeadline(perThousandUsd: number): string {
  return `About $${perThousandUsd.toFixed(2)} per 1,000 recipients`;
}

export function estimateMonthlyCost(
  recipientsPerMonth: number,
  plan: PricingPlan | null,
  attachmentGigabytes = 0,
): CostEstimate {
  const recipients = Math.max(0, Math.round(recipientsPerMonth));
  const gigabytes = Math.max(0, attachmentGigabytes);
  const base = {
    plan,
    recipientsPerMonth: recipients,
    attachmentGigabytes: gigabytes,
    asOf: PRICES.asOf,
    source: PRICES.source,
  };
  const noFigure = { perThousandUsd: null, monthlyUsd: null, headline: null };
  if (plan === null)
    return {
      ...base,
      ...noFigure,
      planName: null,
      note: 'Your account’s SES pricing plan could not be read. What you pay depends on it, and new accounts may be on a plan rather than pay as you go, so the assistant shows no price: the AWS pricing page has them.',
    };
  if (plan !== 'NONE')
    return {
      ...base,
      ...noFigure,
      planName: PLAN_NAMES[plan],
      note: `Your account is on the SES ${PLAN_NAMES[plan]} pricing plan. Its price is on the AWS pricing page; the assistant shows no figure it cannot vouch for.`,
    };
  const usd = (recipients / 1000) * PRICES.perThousandRecipients + gigabytes * PRICES.perGigabyteAttachments;
  return {
    ...base,
    planName: 'pay as you go',
    perThousandUsd: PRICES.perThousandRecipients,
    monthlyUsd: Math.round(usd * 100) / 100,
    headline: priceHeadline(PRICES.perThousandRecipients),
    note: 'Your account pays as you go (no SES pricing plan), before any AWS credits it may have. An email to three people counts three recipients.',
  };
}
