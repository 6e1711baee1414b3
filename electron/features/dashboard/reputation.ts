/**
 * Sending health from SES's 15-minute statistics over the last two weeks, against the lines AWS
 * watches: bounces under 5 % and complaints under 0.1 %. Above those AWS reviews, then pauses, the
 * account, so the dashboard warns well before.
 */
import type { AwsClients } from '../../core/aws-clients';
import { REPUTATION } from '../../core/facts/reputation';

/** Where AWS starts a review (the dated lines, with sources, are in core/facts/reputation.ts). */
export const BOUNCE_LIMIT = REPUTATION.bounce.reviewAt;
export const COMPLAINT_LIMIT = REPUTATION.complaint.reviewAt;

export interface DataPoint {
  Timestamp?: Date;
  DeliveryAttempts?: number;
  Bounces?: number;
  Complaints?: number;
  Rejects?: number;
}

export type Health = 'good' | 'watch' | 'at-risk' | 'no-data';

export interface Reputation {
  attempts: number;
  bounces: number;
  complaints: number;
  rejects: number;
  bounceRate: number;
  complaintRate: number;
  bounceHealth: Health;
  complaintHealth: Health;
  /** The last 14 days, one total per day (oldest first), for a small chart. */
  daily: { day: string; attempts: number; bounces: number; complaints: number }[];
}

function health(rate: number, limit: number, attempts: number): Health {
  if (attempts === 0) return 'no-data';
  if (rate >= limit) return 'at-risk';
  return rate >= limit / 2 ? 'watch' : 'good';
}

export function summarise(points: DataPoint[], now: Date): Reputation {
  const since = now.getTime() - 14 * 86_400_000;
  const recent = points.filter((p) => p.Timestamp && p.Timestamp.getTime() >= since);
  const sum = (k: keyof Omit<DataPoint, 'Timestamp'>) => recent.reduce((n, p) => n + (p[k] ?? 0), 0);
  const attempts = sum('DeliveryAttempts');
  const bounces = sum('Bounces');
  const complaints = sum('Complaints');
  const byDay = new Map<string, { attempts: number; bounces: number; complaints: number }>();
  for (let d = 13; d >= 0; d--) {
    byDay.set(new Date(now.getTime() - d * 86_400_000).toISOString().slice(0, 10), {
      attempts: 0,
      bounces: 0,
      complaints: 0,
    });
  }
  for (const p of recent) {
    const day = byDay.get(p.Timestamp!.toISOString().slice(0, 10));
    if (!day) continue;
    day.attempts += p.DeliveryAttempts ?? 0;
    day.bounces += p.Bounces ?? 0;
    day.complaints += p.Complaints ?? 0;
  }
  const bounceRate = attempts ? bounces / attempts : 0;
  const complaintRate = attempts ? complaints / attempts : 0;
  return {
    attempts,
    bounces,
    complaints,
    rejects: sum('Rejects'),
    bounceRate,
    complaintRate,
    bounceHealth: health(bounceRate, BOUNCE_LIMIT, attempts),
    complaintHealth: health(complaintRate, COMPLAINT_LIMIT, attempts),
    daily: [...byDay].map(([day, v]) => ({ day, ...v })),
  };
}

export async function fetchReputation(clients: AwsClients, now: Date): Promise<Reputation> {
  const { GetSendStatisticsCommand } = await import('@aws-sdk/client-ses');
  const out = await (await clients.ses()).send(new GetSendStatisticsCommand({}));
  return summarise(out.SendDataPoints ?? [], now);
}
