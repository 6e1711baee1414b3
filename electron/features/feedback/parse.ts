/**
 * Reads one SQS message body: the SNS envelope around it, and SES's notification inside it as
 * bounce, complaint or delivery events, one per recipient.
 *
 * The queue is subscribed with raw message delivery OFF: each body is SNS's JSON envelope (Type,
 * MessageId, TopicArn, Message, Timestamp, the signature…) whose Message is SES's notification as a
 * JSON string. The envelope is kept on purpose: it is what proves the message came from Amazon SNS
 * and from which topic (trust.ts checks both before anything here is believed), and its MessageId is
 * the same each time SNS or SQS delivers that notification again, which is what de-duplication needs
 * (SQS gives a redelivery a new id). A body that is SES's notification itself (raw delivery, turned
 * on by hand) is recognised as such, and refused: nothing in it can be checked.
 *
 * Never throws: anything it cannot read is returned as unreadable, with a reason, to be kept aside.
 */
import type { SignedFields } from './signature';
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

/** What a body is: an SNS envelope (its fields as they came), SES's notification without one, or neither. */
export type Body =
  { kind: 'sns'; fields: SignedFields } | { kind: 'raw' } | { kind: 'unreadable'; reason: string };

const SNS_TYPES = new Set(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']);
const SIGNED = [
  'Message',
  'Timestamp',
  'Subject',
  'SubscribeURL',
  'Token',
  'SignatureVersion',
  'Signature',
  'SigningCertURL',
] as const;

export function readBody(body: string): Body {
  const outer = parseJson(body);
  if (!isObject(outer)) return { kind: 'unreadable', reason: 'not JSON' };
  if (typeof outer.Type === 'string' && SNS_TYPES.has(outer.Type)) {
    const id = text(outer.MessageId, 200);
    if (!id) return { kind: 'unreadable', reason: 'SNS envelope without MessageId' };
    if (typeof outer.TopicArn !== 'string')
      return { kind: 'unreadable', reason: 'SNS envelope without TopicArn' };
    if (outer.Type === 'Notification' && typeof outer.Message !== 'string')
      return { kind: 'unreadable', reason: 'SNS Message is not JSON' };
    const fields: SignedFields = { Type: outer.Type, MessageId: id, TopicArn: outer.TopicArn };
    for (const name of SIGNED) if (typeof outer[name] === 'string') fields[name] = outer[name];
    return { kind: 'sns', fields };
  }
  if (outer.notificationType ?? outer.eventType) return { kind: 'raw' };
  return { kind: 'unreadable', reason: 'neither an SNS envelope nor an SES notification' };
}

/** The key of one notification: its SNS MessageId within its topic. */
export const notificationKey = (fields: Pick<SignedFields, 'TopicArn' | 'MessageId'>) =>
  `${fields.TopicArn}/${fields.MessageId}`;

/**
 * The events of an envelope already checked (trust.ts). A subscription or unsubscription notice has
 * none: it is read and deleted.
 */
export function notificationOf(fields: SignedFields, receivedAt: string): Parsed {
  const notificationId = notificationKey(fields);
  if (fields.Type !== 'Notification') return { ok: true, notificationId, events: [] };
  const inner = fields.Message === undefined ? undefined : parseJson(fields.Message);
  if (!isObject(inner)) return { ok: false, reason: 'SNS Message is not JSON' };
  const events = eventsOf(inner, notificationId, receivedAt);
  return typeof events === 'string' ? { ok: false, reason: events } : { ok: true, notificationId, events };
}
