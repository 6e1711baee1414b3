/**
 * Sending health: the bounce and complaint rates against the lines AWS advises and acts on.
 *
 * The rates AWS acts on are its own, published in CloudWatch (`AWS/SES` `Reputation.BounceRate` and
 * `Reputation.ComplaintRate`) once an account has sent enough mail; AWS says they cannot be worked
 * out from GetSendStatistics (it counts over a representative volume, and only some bounces). So the
 * dashboard shows AWS's metric when there is one, and otherwise an estimate from the last two weeks'
 * 15-minute statistics, labelled as an estimate with the reason. What must stay true: a rate is never
 * called AWS's unless CloudWatch gave it.
 */
import type { AwsClients } from '../../core/aws-clients';
import { rateHealth, rateLines, REPUTATION, type Health, type RateKind } from '../../core/facts/reputation';

export type { Health };

export interface DataPoint {
  Timestamp?: Date;
  DeliveryAttempts?: number;
  Bounces?: number;
  Complaints?: number;
  Rejects?: number;
}

/** Where a rate comes from: AWS's own reputation metric, or the assistant's estimate. */
export type RateSource = 'aws' | 'estimate';

export interface RateReading {
  /** A fraction (0.05 is 5 %). */
  rate: number;
  health: Health;
  source: RateSource;
  /** CloudWatch's metric name for AWS's own rate ("Reputation.BounceRate"). */
  metric: string;
  /** When AWS measured it (ISO); null for an estimate. */
  measuredAt: string | null;
  /** What AWS advises staying below, where it reviews and where it may pause, in words. */
  lines: { adviseBelow: string; reviewAt: string; pauseAt: string };
}

export interface Reputation {
  /** The last 14 days' 15-minute statistics (GetSendStatistics), summed. */
  attempts: number;
  bounces: number;
  complaints: number;
  rejects: number;
  bounce: RateReading;
  complaint: RateReading;
  /** Why a rate is an estimate, in words; null when both are AWS's own. */
  estimateNote: string | null;
  /** The last 14 days, one total per day (oldest first), for a small chart. */
  daily: { day: string; attempts: number; bounces: number; complaints: number }[];
}

/** AWS's latest published value of each rate, or why there is none. */
export type AwsRates =
  | { read: true; bounce: Measured | null; complaint: Measured | null }
  | { read: false; why: 'denied' | 'failed' };

interface Measured {
  rate: number;
  at: Date;
}

const DAY_MS = 86_400_000;

function estimate(kind: RateKind, rate: number, attempts: number): RateReading {
  return {
    rate,
    health: attempts === 0 ? 'no-data' : rateHealth(kind, rate),
    source: 'estimate',
    metric: REPUTATION[kind].metric,
    measuredAt: null,
    lines: rateLines(kind),
  };
}

function measured(kind: RateKind, m: Measured): RateReading {
  return {
    rate: m.rate,
    health: rateHealth(kind, m.rate),
    source: 'aws',
    metric: REPUTATION[kind].metric,
    measuredAt: m.at.toISOString(),
    lines: rateLines(kind),
  };
}

const ESTIMATE_WHY: Record<'absent' | 'denied' | 'failed', string> = {
  absent:
    'AWS has not published its own rate for this account in CloudWatch yet (it does once enough mail has been sent), so this is an estimate from the last 14 days’ sending statistics. AWS works its rate out differently, so the two can differ.',
  denied:
    'The app key may not read AWS’s own rates from CloudWatch (cloudwatch:GetMetricData is not in its policy), so this is an estimate from the last 14 days’ sending statistics. AWS works its rate out differently, so the two can differ. Make the sending user again with the assistant, or add that action to its policy.',
  failed:
    'AWS’s own rates could not be read from CloudWatch just now, so this is an estimate from the last 14 days’ sending statistics. AWS works its rate out differently, so the two can differ.',
};

/**
 * The rates and counts, from the 15-minute statistics and, where CloudWatch has it, AWS's own rate.
 * `aws` defaults to "nothing published", which gives the estimate alone.
 */
export function summarise(
  points: DataPoint[],
  now: Date,
  aws: AwsRates = { read: true, bounce: null, complaint: null },
): Reputation {
  const since = now.getTime() - 14 * DAY_MS;
  const recent = points.filter((p) => p.Timestamp && p.Timestamp.getTime() >= since);
  const sum = (k: keyof Omit<DataPoint, 'Timestamp'>) => recent.reduce((n, p) => n + (p[k] ?? 0), 0);
  const attempts = sum('DeliveryAttempts');
  const bounces = sum('Bounces');
  const complaints = sum('Complaints');
  const byDay = new Map<string, { attempts: number; bounces: number; complaints: number }>();
  for (let d = 13; d >= 0; d--) {
    byDay.set(new Date(now.getTime() - d * DAY_MS).toISOString().slice(0, 10), {
      attempts: 0,
      bounces: 0,
      complaints: 0,
    });
  }
  for (const p of recent) {
    const day = p.Timestamp && byDay.get(p.Timestamp.toISOString().slice(0, 10));
    if (!day) continue;
    day.attempts += p.DeliveryAttempts ?? 0;
    day.bounces += p.Bounces ?? 0;
    day.complaints += p.Complaints ?? 0;
  }
  const rateOf = (kind: RateKind, count: number): RateReading => {
    const m = aws.read ? aws[kind] : null;
    return m ? measured(kind, m) : estimate(kind, attempts ? count / attempts : 0, attempts);
  };
  const bounce = rateOf('bounce', bounces);
  const complaint = rateOf('complaint', complaints);
  const anyEstimate = bounce.source === 'estimate' || complaint.source === 'estimate';
  return {
    attempts,
    bounces,
    complaints,
    rejects: sum('Rejects'),
    bounce,
    complaint,
    estimateNote: anyEstimate ? ESTIMATE_WHY[aws.read ? 'absent' : aws.why] : null,
    daily: [...byDay].map(([day, v]) => ({ day, ...v })),
  };
}

const DENIED = /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|AuthorizationError)$/;

/**
 * AWS's latest published reputation rates (CloudWatch GetMetricData, `AWS/SES`, hourly averages over
 * the last 14 days, newest first). A metric with no data point is null: not published yet. A refused
 * or failed read is reported as such rather than thrown, because the estimate can still be shown.
 */
export async function readAwsRates(clients: AwsClients, now: Date): Promise<AwsRates> {
  const { GetMetricDataCommand } = await import('@aws-sdk/client-cloudwatch');
  const query = (id: RateKind) => ({
    Id: id,
    MetricStat: {
      Metric: { Namespace: REPUTATION.namespace, MetricName: REPUTATION[id].metric },
      Period: REPUTATION.periodSeconds,
      Stat: 'Average',
    },
  });
  try {
    const out = await (
      await clients.cloudwatch()
    ).send(
      new GetMetricDataCommand({
        StartTime: new Date(now.getTime() - 14 * DAY_MS),
        EndTime: now,
        ScanBy: 'TimestampDescending',
        MetricDataQueries: [query('bounce'), query('complaint')],
      }),
    );
    const latest = (id: RateKind): Measured | null => {
      const result = out.MetricDataResults?.find((r) => r.Id === id);
      const rate = result?.Values?.[0];
      const at = result?.Timestamps?.[0];
      return typeof rate === 'number' && at ? { rate, at: new Date(at) } : null;
    };
    return { read: true, bounce: latest('bounce'), complaint: latest('complaint') };
  } catch (err) {
    const name = (err as { name?: string })?.name ?? '';
    const status = (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
    return { read: false, why: DENIED.test(name) || status === 403 ? 'denied' : 'failed' };
  }
}

export async function fetchReputation(clients: AwsClients, now: Date): Promise<Reputation> {
  const { GetSendStatisticsCommand } = await import('@aws-sdk/client-ses');
  const [stats, aws] = await Promise.all([
    (await clients.ses()).send(new GetSendStatisticsCommand({})),
    readAwsRates(clients, now),
  ]);
  return summarise(stats.SendDataPoints ?? [], now, aws);
}
