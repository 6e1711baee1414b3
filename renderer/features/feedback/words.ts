/** Words and formats the feedback screen and the dashboard card share. */
import type { OutputOf } from '../../../electron/ipc/contract';

export type EventView = OutputOf<'feedback.list'>['events'][number];

export const KIND_WORDS = { bounce: 'Bounce', complaint: 'Complaint', delivery: 'Delivered' } as const;

const number = new Intl.NumberFormat('en-GB');
export const count = (n: number, one: string, many = `${one}s`) =>
  `${number.format(n)} ${n === 1 ? one : many}`;

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
export const when = (iso: string) => dateTime.format(new Date(iso));

/** "Permanent / General", "Complaint: abuse": what SES called it, shown beside the plain words. */
export function sesWords(e: EventView): string {
  if (e.kind === 'bounce') return `${e.bounceType ?? 'Undetermined'} / ${e.bounceSubType ?? 'Undetermined'}`;
  if (e.kind === 'complaint')
    return `Feedback type: ${e.complaintType || 'not given'}${e.complaintSubType ? ` / ${e.complaintSubType}` : ''}`;
  return 'Delivery';
}
