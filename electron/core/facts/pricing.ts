/**
 * SES prices, kept as dated data in one place: prices change (the free tier was replaced in 2023,
 * and pricing plans arrived in 2026), so every figure is shown with its date and the page to check.
 */
export const PRICES = {
  asOf: '2026-11-24',
  source: 'https://aws.amazon.com/ses/pricing/',
  currency: 'USD',
  perThousandMessages: 0.1,
  perGigabyteAttachments: 0.12,
  dedicatedIpPerMonth: 24.95,
  // Short, plain notes: the dashboard shows the first one under the estimate. The history (the EC2
  // allowance of 62,000 a month ended on 1 August 2023; first-year accounts get 3,000 message charges
  // a month; newer accounts are on AWS's credit-based free plans) stays here, not on the screen.
  notes: [
    'A new AWS account may get some emails free in its first year, or credits instead.',
    'AWS also offers SES pricing plans with other rates: the pricing page shows which one is yours.',
  ],
} as const;

export interface CostEstimate {
  messagesPerMonth: number;
  attachmentGigabytes: number;
  /** The pay-as-you-go price of 1,000 emails, the figure a person remembers. */
  perThousandUsd: number;
  /** Pay-as-you-go, before any free allowance or plan. */
  monthlyUsd: number;
  asOf: string;
  source: string;
  notes: readonly string[];
}

export function estimateMonthlyCost(messagesPerMonth: number, attachmentGigabytes = 0): CostEstimate {
  const messages = Math.max(0, Math.round(messagesPerMonth));
  const gigabytes = Math.max(0, attachmentGigabytes);
  const usd = (messages / 1000) * PRICES.perThousandMessages + gigabytes * PRICES.perGigabyteAttachments;
  return {
    messagesPerMonth: messages,
    attachmentGigabytes: gigabytes,
    perThousandUsd: PRICES.perThousandMessages,
    monthlyUsd: Math.round(usd * 100) / 100,
    asOf: PRICES.asOf,
    source: PRICES.source,
    notes: PRICES.notes,
  };
}
