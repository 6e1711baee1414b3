/**
 * SES prices, kept as dated data in one place. Since the 2026 pricing plans, what an account pays
 * depends on its plan, which SES v2 GetAccount reports (PricingAttributes.CurrentPlan: NONE,
 * ESSENTIALS, PRO, ENTERPRISE). The assistant holds a dated figure only for pay-as-you-go (NONE);
 * for a plan it names the plan and links to the pricing page rather than guess a figure. It never
 * promises a free allowance: which one an account has (if any) depends on its age and plan.
 */
export const PRICES = {
  asOf: '2026-11-24',
  source: 'https://aws.amazon.com/ses/pricing/',
  currency: 'USD',
  /** Pay-as-you-go (no pricing plan): outbound email, per 1,000 messages. */
  perThousandMessages: 0.1,
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
  /** The plan's name for the screen ("pay as you go", "Pro"). */
  planName: string;
  messagesPerMonth: number;
  attachmentGigabytes: number;
  /** The pay-as-you-go price of 1,000 emails; null on a plan, whose price the pricing page gives. */
  perThousandUsd: number | null;
  /** The pay-as-you-go estimate for the month; null on a plan. */
  monthlyUsd: number | null;
  asOf: string;
  source: string;
  /** One plain sentence under the figure: what it assumes. */
  note: string;
  /** The price as a screen states it ("About $0.10 per 1,000 emails"); null on a plan. */
  headline: string | null;
}

/** The pay-as-you-go price as a screen states it. */
export function priceHeadline(perThousandUsd: number): string {
  return `About $${perThousandUsd.toFixed(2)} per 1,000 emails`;
}

export function estimateMonthlyCost(
  messagesPerMonth: number,
  plan: PricingPlan | null,
  attachmentGigabytes = 0,
): CostEstimate {
  const messages = Math.max(0, Math.round(messagesPerMonth));
  const gigabytes = Math.max(0, attachmentGigabytes);
  const base = {
    plan,
    messagesPerMonth: messages,
    attachmentGigabytes: gigabytes,
    asOf: PRICES.asOf,
    source: PRICES.source,
  };
  if (plan && plan !== 'NONE')
    return {
      ...base,
      planName: PLAN_NAMES[plan],
      perThousandUsd: null,
      monthlyUsd: null,
      headline: null,
      note: `Your account is on the SES ${PLAN_NAMES[plan]} pricing plan. Its price is on the AWS pricing page; the assistant shows no figure it cannot vouch for.`,
    };
  const usd = (messages / 1000) * PRICES.perThousandMessages + gigabytes * PRICES.perGigabyteAttachments;
  return {
    ...base,
    planName: 'pay as you go',
    perThousandUsd: PRICES.perThousandMessages,
    monthlyUsd: Math.round(usd * 100) / 100,
    headline: priceHeadline(PRICES.perThousandMessages),
    note:
      plan === 'NONE'
        ? 'Your account pays as you go (no SES pricing plan), before any AWS credits it may have.'
        : 'Your account’s pricing plan could not be read: this is the pay-as-you-go price. Accounts on an SES pricing plan pay differently.',
  };
}
