/**
 * What the screen and the dashboard show of the stored events: each with its meaning in plain words,
 * filtered and searched, as CSV, and the dashboard's short summary.
 */
import type { ServiceContext } from '../../core/context';
import { bounceAdvice, complaintAdvice, DELIVERY_ADVICE } from '../../core/facts/feedback';
import { dataDirOf, lastCheckOf } from './poll';
import { queueOf } from './state';
import { feedbackStoreIn } from './store';
import type { FeedbackEvent, FeedbackEventView, FeedbackKind, FeedbackPage, FeedbackSummary } from './types';

export function meaningOf(event: FeedbackEvent): FeedbackEventView['meaning'] {
  if (event.kind === 'bounce') return bounceAdvice(event.bounceType, event.bounceSubType);
  if (event.kind === 'complaint') return complaintAdvice(event.complaintType, event.complaintSubType);
  return DELIVERY_ADVICE;
}

export const withMeaning = (event: FeedbackEvent): FeedbackEventView => ({
  ...event,
  meaning: meaningOf(event),
});

export interface FeedbackFilter {
  kind?: FeedbackKind | 'all';
  /** Part of an address, a subject or a message id; case does not matter. */
  query?: string;
}

export function matches(event: FeedbackEvent, filter: FeedbackFilter): boolean {
  if (filter.kind && filter.kind !== 'all' && event.kind !== filter.kind) return false;
  const q = filter.query?.trim().toLowerCase();
  if (!q) return true;
  return [event.address, event.message.subject, event.message.id, event.diagnostic]
    .filter((v): v is string => !!v)
    .some((v) => v.toLowerCase().includes(q));
}

export async function listEvents(
  ctx: Pick<ServiceContext, 'settings'>,
  filter: FeedbackFilter & { offset?: number; limit?: number },
): Promise<FeedbackPage> {
  const store = await feedbackStoreIn(dataDirOf(ctx));
  const all = await store.events();
  const found = all.filter((e) => matches(e, filter));
  const offset = filter.offset ?? 0;
  return {
    events: found.slice(offset, offset + (filter.limit ?? 100)).map(withMeaning),
    total: all.length,
    matched: found.length,
  };
}

const CSV_COLUMNS = [
  'time',
  'kind',
  'address',
  'type',
  'subtype',
  'meaning',
  'what to do',
  'server said',
  'status',
  'message id',
  'subject',
  'from',
  'sent at',
] as const;

/**
 * One CSV field: quoted when needed, quotes doubled; a leading = + - @ (or tab, CR) is prefixed with
 * an apostrophe so a spreadsheet does not run a subject line as a formula.
 */
export function csvField(value: string | undefined): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(events: FeedbackEvent[]): string {
  const rows = events.map((e) => {
    const meaning = meaningOf(e);
    return [
      e.at,
      e.kind,
      e.address,
      e.kind === 'bounce' ? e.bounceType : e.kind === 'complaint' ? e.complaintType : '',
      e.kind === 'bounce' ? e.bounceSubType : e.kind === 'complaint' ? e.complaintSubType : '',
      meaning.title,
      meaning.action,
      e.diagnostic,
      e.status,
      e.message.id,
      e.message.subject,
      e.message.from,
      e.message.sentAt,
    ]
      .map(csvField)
      .join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export async function exportCsv(ctx: Pick<ServiceContext, 'settings' | 'clock'>, filter: FeedbackFilter) {
  const store = await feedbackStoreIn(dataDirOf(ctx));
  const events = (await store.events()).filter((e) => matches(e, filter));
  return {
    fileName: `bounces-and-complaints-${ctx.clock().toISOString().slice(0, 10)}.csv`,
    csv: toCsv(events),
    rows: events.length,
  };
}

/** The dashboard card: counts, the five newest bounces or complaints, and the last read's failure. */
export async function feedbackSummary(ctx: Pick<ServiceContext, 'settings'>): Promise<FeedbackSummary> {
  const store = await feedbackStoreIn(dataDirOf(ctx));
  const latest = (await store.events()).filter((e) => e.kind !== 'delivery').slice(0, 5);
  return {
    setUp: queueOf(ctx) !== null,
    counts: store.counts(),
    latest: latest.map(withMeaning),
    lastError: lastCheckOf(ctx)?.error ?? null,
  };
}
