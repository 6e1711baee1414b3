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
  notes: [
    'Since 1 August 2023 there is no longer a free allowance of 62,000 messages a month from EC2. Accounts in their first 12 months get 3,000 message charges a month instead, and newer accounts fall under AWS’s credit-based free plans.',
    'From mid-2026 AWS also offers SES pricing plans (such as Essentials, Pro and Enterprise) with different rates: check the pricing page for the plan your account is on.',
  ],
} as const;

export interface CostEstimate {
  messagesPerMonth: number;
  attachmentGigabytes: number;
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
    monthlyUsd: Math.round(usd * 100) / 100,
    asOf: PRICES.asOf,
    source: PRICES.source,
    notes: PRICES.notes,
  };
}
