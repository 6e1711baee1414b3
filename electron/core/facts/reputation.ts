/**
 * The bounce and complaint rates AWS advises and acts on, and the lines at which the assistant's
 * alarms warn, kept as dated data in one place. AWS advises keeping the bounce rate below 2 % and the
 * complaint rate below 0.1 %; it places an account under review at 5 % bounces or 0.1 % complaints,
 * and may pause its sending at 10 % / 0.5 %. The alarms fire before the review (4 % / 0.08 %) so
 * there is time to act.
 *
 * The rates AWS acts on are its own: CloudWatch's Reputation.* metrics, computed over a
 * representative volume of recent mail (hard bounces to unverified domains only). AWS says they
 * cannot be worked out from GetSendStatistics, so anything computed from it is an estimate.
 *
 * Rates are fractions (0.05 is 5 %), as CloudWatch's Reputation.* metrics report them.
 */
export const REPUTATION = {
  asOf: '2026-12-04',
  sources: [
    'https://docs.aws.amazon.com/ses/latest/dg/faqs-enforcement.html',
    'https://docs.aws.amazon.com/ses/latest/dg/reputationdashboardmessages.html',
    'https://docs.aws.amazon.com/ses/latest/dg/monitor-sending-activity-using-cloudwatch.html',
  ],
  /** Where SES publishes the account's reputation metrics. */
  namespace: 'AWS/SES',
  bounce: {
    metric: 'Reputation.BounceRate',
    /** What AWS advises staying below. */
    adviseBelow: 0.02,
    /** The assistant's alarm: early enough to act before the review. */
    warnAt: 0.04,
    /** AWS places the account under review. */
    reviewAt: 0.05,
    /** AWS may pause the account's sending. */
    pauseAt: 0.1,
  },
  complaint: {
    metric: 'Reputation.ComplaintRate',
    adviseBelow: 0.001,
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

/** How a rate stands against the lines above; 'no-data' when nothing was sent to judge it by. */
export type Health = 'good' | 'watch' | 'at-risk' | 'no-data';

/**
 * Good below what AWS advises (and below the assistant's alarm line); at risk from where AWS starts
 * a review; "watch" between the two.
 */
export function rateHealth(kind: RateKind, rate: number): Exclude<Health, 'no-data'> {
  const lines = REPUTATION[kind];
  if (rate >= lines.reviewAt) return 'at-risk';
  return rate >= Math.min(lines.adviseBelow, lines.warnAt) ? 'watch' : 'good';
}

/** The lines of one rate in words ("2 %", "5 %", "10 %"), for the screens that state them. */
export function rateLines(kind: RateKind): { adviseBelow: string; reviewAt: string; pauseAt: string } {
  const lines = REPUTATION[kind];
  return {
    adviseBelow: percent(lines.adviseBelow),
    reviewAt: percent(lines.reviewAt),
    pauseAt: percent(lines.pauseAt),
  };
}

/** 0.0008 → "0.08 %", 0.04 → "4 %": the way the screens write a rate. */
export function percent(rate: number): string {
  const value = Math.round(rate * 100 * 1000) / 1000;
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: 3 })} %`;
}
