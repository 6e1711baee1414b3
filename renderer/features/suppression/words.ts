/** How the suppression panels write reasons, dates and alarm states. */
import type { OutputOf } from '../../../electron/ipc/contract';

export type Reason = 'BOUNCE' | 'COMPLAINT';
export type AlarmState = OutputOf<'suppression.alarms'>['alarms'][number]['state'];

export const REASON_WORDS: Record<Reason, string> = {
  BOUNCE: 'Bounced for good',
  COMPLAINT: 'Marked as spam',
};

export const REASON_SHORT: Record<Reason, string> = { BOUNCE: 'bounces', COMPLAINT: 'complaints' };

export const ALARM_WORDS: Record<AlarmState, { word: string; tone: 'good' | 'bad' | 'waiting' }> = {
  OK: { word: 'Fine', tone: 'good' },
  ALARM: { word: 'Too high: act now', tone: 'bad' },
  INSUFFICIENT_DATA: { word: 'Not enough mail yet to tell', tone: 'waiting' },
};

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** "21 Nov 2026, 08:30" in the person's own time zone. */
export function when(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "bounces and complaints", "complaints". */
export function reasonList(reasons: readonly Reason[]): string {
  return reasons.map((r) => REASON_SHORT[r]).join(' and ');
}
