/**
 * The bounce and complaint rates AWS acts on, and the lower lines at which the assistant's alarms
 * warn, kept as dated data in one place. AWS places an account under review when its bounce rate
 * reaches about 5 % or its complaint rate about 0.1 %, and may pause sending at about 10 % / 0.5 %;
 * the alarms fire earlier (4 % / 0.08 %) so there is time to act before the review starts.
 *
 * Rates are fractions (0.05 is 5 %), as CloudWatch's Reputation.* metrics report them.
 */
export const REPUTATION = {
  asOf: '2026-11-28',
  sources: [
    'https://docs.aws.amazon.com/ses/latest/dg/faqs-enforcement.html',
    'https://docs.aws.amazon.com/ses/latest/dg/reputationdashboardmessages.html',
    'https://docs.aws.amazon.com/ses/latest/dg/monitor-sending-activity-using-cloudwatch.html',
  ],
  /** Where SES publishes the account's reputation metrics. */
  namespace: 'AWS/SES',
  bounce: {
    metric: 'Reputation.BounceRate',
    /** The assistant's alarm: early enough to act before the review. */
    warnAt: 0.04,
    /** AWS places the account under review. */
    reviewAt: 0.05,
    /** AWS may pause the account's sending. */
    pauseAt: 0.1,
  },
  complaint: {
    metric: 'Reputation.ComplaintRate',
    warnAt: 0.0008,
    reviewAt: 0.001,
    pauseAt: 0.005,
  },
  /**
   * How the alarm looks at the metric: the average over one hour, one period breaching is enough.
   * SES computes the rates over a representative volume of recent mail, so they move slowly; an
   * hour keeps a single odd sample from raising an alarm while still warning the same day.
   */
  periodSeconds: 3600,
  evaluationPeriods: 1,
} as const;

export type RateKind = 'bounce' | 'complaint';

/** 0.0008 → "0.08 %", 0.04 → "4 %": the way the screens write a rate. */
export function percent(rate: number): string {
  const value = Math.round(rate * 100 * 1000) / 1000;
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: 3 })} %`;
}
