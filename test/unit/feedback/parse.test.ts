import { describe, expect, it } from 'vitest';
import { notificationOf, readBody, type Parsed } from '../../../electron/features/feedback/parse';
import { bounce, complaint, delivery, envelope } from './notifications';

const at = '2026-11-20T12:00:00.000Z';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:t';

/** A body read as the poller reads one once trust.ts believes it (parse checks no signature). */
function parseBody(body: string, receivedAt: string): Parsed {
  const read = readBody(body);
  if (read.kind === 'sns') return notificationOf(read.fields, receivedAt);
  return { ok: false, reason: read.kind === 'raw' ? 'raw' : read.reason };
}

describe('reading one queue message', () => {
  it('turns a bounce for two recipients into two events keyed by the topic and SNS message id', () => {
    const parsed = parseBody(envelope(bounce({ to: ['a@example.org', 'b@example.org'] }), 'sns-1'), at);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.notificationId).toBe(`${TOPIC}/sns-1`);
    expect(parsed.events.map((e) => [e.id, e.address, e.kind])).toEqual([
      [`${TOPIC}/sns-1:0`, 'a@example.org', 'bounce'],
      [`${TOPIC}/sns-1:1`, 'b@example.org', 'bounce'],
    ]);
    expect(parsed.events[0]).toMatchObject({
      bounceType: 'Permanent',
      bounceSubType: 'General',
      diagnostic: 'smtp; 550 5.1.1 user unknown',
      status: '5.1.1',
      at: '2026-11-20T09:00:05.000Z',
      receivedAt: at,
      message: { id: 'm1', subject: 'Your March invoice', from: 'Billing <billing@example.com>' },
    });
  });

  it('reads a complaint with its feedback type, and a delivery with the server’s answer', () => {
    const c = parseBody(envelope(complaint({ feedbackType: 'fraud' }), 'sns-2'), at);
    expect(c.ok && c.events[0]).toMatchObject({
      kind: 'complaint',
      address: 'angry@example.net',
      complaintType: 'fraud',
    });
    const d = parseBody(envelope(delivery(), 'sns-3'), at);
    expect(d.ok && d.events[0]).toMatchObject({ kind: 'delivery', diagnostic: '250 2.6.0 Message received' });
  });

  it('recognises a raw SES notification (raw delivery turned on by hand) as such, without its envelope', () => {
    expect(readBody(JSON.stringify(bounce({ messageId: 'x' })))).toEqual({ kind: 'raw' });
  });

  it('gives the envelope’s fields as they came, for the signature check', () => {
    const read = readBody(envelope(bounce(), 'sns-1'));
    expect(read).toMatchObject({
      kind: 'sns',
      fields: {
        Type: 'Notification',
        MessageId: 'sns-1',
        TopicArn: TOPIC,
        Timestamp: '2026-11-20T09:00:06.000Z',
        SignatureVersion: '1',
        SigningCertURL: 'https://sns.us-east-1.amazonaws.com/cert.pem',
      },
    });
  });

  it('treats a subscription confirmation as nothing to store, not as unreadable', () => {
    const parsed = parseBody(
      JSON.stringify({ Type: 'SubscriptionConfirmation', MessageId: 'c1', TopicArn: TOPIC }),
      at,
    );
    expect(parsed).toEqual({ ok: true, notificationId: `${TOPIC}/c1`, events: [] });
  });

  it.each([
    ['not JSON at all', 'this is {not json'],
    [
      'an envelope whose Message is not JSON',
      JSON.stringify({
        Type: 'Notification',
        MessageId: 'p',
        TopicArn: TOPIC,
        Message: "{'python': 'repr'}",
      }),
    ],
    ['an envelope without a MessageId', JSON.stringify({ Type: 'Notification', Message: '{}' })],
    [
      'an envelope without a TopicArn',
      JSON.stringify({ Type: 'Notification', MessageId: 'p', Message: '{}' }),
    ],
    [
      'an envelope whose Message is an object',
      JSON.stringify({ Type: 'Notification', MessageId: 'p', TopicArn: TOPIC, Message: {} }),
    ],
    ['a notification of an unknown type', envelope({ notificationType: 'Open', mail: {}, open: {} }, 'p2')],
    [
      'a bounce without recipients',
      envelope({ ...bounce(), bounce: { bounceType: 'Permanent', bouncedRecipients: [] } }, 'p3'),
    ],
    ['an empty body', ''],
    ['JSON that is an array', '[1,2]'],
  ])('returns %s as unreadable with a reason, never throwing', (_name, body) => {
    const parsed = parseBody(body, at);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(0);
  });

  it('keeps unknown fields from breaking it, and cuts overlong values', () => {
    const n = bounce();
    const long = 'x'.repeat(5000);
    const body = envelope(
      {
        ...n,
        future: { field: 1 },
        bounce: { ...n.bounce, bouncedRecipients: [{ emailAddress: 'a@b.example', diagnosticCode: long }] },
      },
      's',
    );
    const parsed = parseBody(body, at);
    expect(parsed.ok && parsed.events[0]?.diagnostic?.length).toBe(1000);
  });

  it('falls back to the time it was read when SES’s timestamp is missing or unreadable', () => {
    const n = bounce();
    const parsed = parseBody(envelope({ ...n, bounce: { ...n.bounce, timestamp: 'yesterday' } }, 's'), at);
    expect(parsed.ok && parsed.events[0]?.at).toBe(at);
  });
});
