/**
 * Reads one SQS message body into bounce, complaint or delivery events, one per recipient.
 *
 * The queue is subscribed with raw message delivery OFF: each body is SNS's JSON envelope (Type,
 * MessageId, TopicArn, Message, Timestamp…) whose Message is SES's notification as a JSON string.
 * The envelope is kept on purpose: its MessageId is the same each time SNS or SQS delivers that
 * notification again, which is what de-duplication needs (SQS gives a redelivery a new id). A body
 * that is SES's notification itself (raw delivery on, set by hand) is read too, keyed by feedbackId.
 *
 * Never throws: anything it cannot read is returned as unreadable, with a reason, to be kept aside.
 */
import type { FeedbackEvent, FeedbackKind } from './types';

export type Parsed =
  { ok: true; notificationId: string; events: FeedbackEvent[] } | { ok: false; reason: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max = 1000): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v.slice(0, max) : undefined;

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function isoOr(value: unknown, fallback: string): string {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

/** The subject and From of the message it answered, from commonHeaders (present when SES had them). */
function messageOf(mail: Json, fallbackAt: string): FeedbackEvent['message'] {
  const common = isObject(mail.commonHeaders) ? mail.commonHeaders : {};
  const from = Array.isArray(common.from) ? text(common.from[0], 320) : undefined;
  return {
    id: text(mail.messageId, 200) ?? 'unknown',
    ...(text(common.subject, 300) ? { subject: text(common.subject, 300) } : {}),
    ...((from ?? text(mail.source, 320)) ? { from: from ?? text(mail.source, 320) } : {}),
    sentAt: isoOr(mail.timestamp, fallbackAt),
  };
}

function recipientsOf(list: unknown): Json[] {
  if (!Array.isArray(list)) return [];
  return list.map((r) => (typeof r === 'string' ? { emailAddress: r } : r)).filter(isObject);
}

/** SES's notification (already parsed) into one event per recipient. */
export function eventsOf(
  notification: Json,
  notificationId: string,
  receivedAt: string,
): FeedbackEvent[] | string {
  const type = notification.notificationType ?? notification.eventType;
  const mail = isObject(notification.mail) ? notification.mail : null;
  if (!mail) return 'no mail object';
  const kind: FeedbackKind | null =
    type === 'Bounce'
      ? 'bounce'
      : type === 'Complaint'
        ? 'complaint'
        : type === 'Delivery'
          ? 'delivery'
          : null;
  if (!kind) return 'not a bounce, complaint or delivery';
  const detail = notification[kind];
  if (!isObject(detail)) return `no ${kind} object`;
  const at = isoOr(detail.timestamp, receivedAt);
  const message = messageOf(mail, at);
  const base = { notificationId, kind, at, receivedAt, message };

  let recipients: Json[];
  let extra: (r: Json) => Partial<FeedbackEvent>;
  if (kind === 'bounce') {
    recipients = recipientsOf(detail.bouncedRecipients);
    extra = (r) => ({
      bounceType: text(detail.bounceType, 40) ?? 'Undetermined',
      bounceSubType: text(detail.bounceSubType, 60) ?? 'Undetermined',
      ...(text(r.diagnosticCode) ? { diagnostic: text(r.diagnosticCode) } : {}),
      ...(text(r.status, 20) ? { status: text(r.status, 20) } : {}),
    });
  } else if (kind === 'complaint') {
    recipients = recipientsOf(detail.complainedRecipients);
    extra = () => ({
      complaintType: text(detail.complaintFeedbackType, 60) ?? '',
      ...(text(detail.complaintSubType, 60) ? { complaintSubType: text(detail.complaintSubType, 60) } : {}),
    });
  } else {
    recipients = recipientsOf(detail.recipients);
    extra = () => (text(detail.smtpResponse) ? { diagnostic: text(detail.smtpResponse) } : {});
  }
  const events = recipients
    .map((r, i) => ({ r, i, address: text(r.emailAddress, 320) }))
    .filter((x): x is { r: Json; i: number; address: string } => !!x.address)
    .map(({ r, i, address }) => ({ id: `${notificationId}:${i}`, ...base, address, ...extra(r) }));
  return events.length ? events : 'no recipients';
}

/**
 * One SQS message body. `receivedAt` is when it was read; `sqsMessageId` keys a raw body without
 * a feedbackId (a delivery), the only case where SNS's own id is not there.
 */
export function parseBody(body: string, receivedAt: string, sqsMessageId = ''): Parsed {
  const outer = parseJson(body);
  if (!isObject(outer)) return { ok: false, reason: 'not JSON' };
  if (outer.Type === 'SubscriptionConfirmation' || outer.Type === 'UnsubscribeConfirmation')
    return { ok: true, notificationId: text(outer.MessageId, 200) ?? sqsMessageId, events: [] };
  if (outer.Type === 'Notification') {
    const id = text(outer.MessageId, 200);
    if (!id) return { ok: false, reason: 'SNS envelope without MessageId' };
    const inner = typeof outer.Message === 'string' ? parseJson(outer.Message) : undefined;
    if (!isObject(inner)) return { ok: false, reason: 'SNS Message is not JSON' };
    const events = eventsOf(inner, id, receivedAt);
    return typeof events === 'string'
      ? { ok: false, reason: events }
      : { ok: true, notificationId: id, events };
  }
  // Raw delivery: SES's notification itself.
  const kind = outer.notificationType ?? outer.eventType;
  const detail = isObject(outer.bounce) ? outer.bounce : isObject(outer.complaint) ? outer.complaint : null;
  const id = text(detail?.feedbackId, 200) ?? (sqsMessageId ? `sqs:${sqsMessageId}` : undefined);
  if (!kind || !id) return { ok: false, reason: 'neither an SNS envelope nor an SES notification' };
  const events = eventsOf(outer, id, receivedAt);
  return typeof events === 'string'
    ? { ok: false, reason: events }
    : { ok: true, notificationId: id, events };
}
