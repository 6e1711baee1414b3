/**
 * Which messages in the bounce and complaint queue are believed (moto). Anyone allowed to send to the
 * queue could put a made-up bounce there; only an SNS envelope from a topic the queue was subscribed
 * to, with a signature that checks out against the certificate at its Amazon SNS address, is stored.
 * moto signs what its SNS delivers and serves the certificate itself; messages the test puts in the
 * queue directly are signed with a self-made certificate served by a loopback peer. The app's own
 * address check sits in front of both fetchers.
 */
import { SESClient, VerifyDomainIdentityCommand } from '@aws-sdk/client-ses';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openFeedbackStore } from '../../electron/features/feedback/store';
import type { FeedbackPage, FeedbackStatus, PollReport } from '../../electron/features/feedback/types';
import { startMoto, type Moto } from '../peers/moto';
import {
  motoCertificates,
  signedEnvelope,
  snsSigner,
  startCertificatePeer,
  type CertificatePeer,
} from '../peers/sns-certificates';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, DUMMY_ADMIN } from '../support/aws';
import { queueDepth as messagesIn } from '../support/queue';
import { bounce, complaint, delivery } from '../unit/feedback/notifications';

const REGION = 'us-east-1';
const DOMAIN = 'example.com';
const BOUNCES = `arn:aws:sns:${REGION}:123456789012:ses-example-com-bounces-complaints`;
const DELIVERIES = `arn:aws:sns:${REGION}:123456789012:ses-example-com-deliveries`;
/** Where the test's own SNS stand-in says its certificate is; the peer serves it there. */
const TEST_CERT = `https://sns.${REGION}.amazonaws.com/SimpleNotificationService-test.pem`;

let moto: Moto;
let peer: CertificatePeer;
let app: TestApp;
let queueUrl: string;
/** Every certificate address the app asked for, from either fetcher. */
const asked: string[] = [];

const client = <T>(C: new (c: object) => T) =>
  new C({ region: REGION, endpoint: moto.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });

beforeAll(async () => {
  [moto, peer] = await Promise.all([startMoto(), startCertificatePeer()]);
  peer.serve(TEST_CERT, snsSigner().cert);
});
afterAll(async () => {
  await Promise.all([moto?.stop(), peer?.stop()]);
});

beforeEach(async () => {
  await moto.reset();
  asked.length = 0;
  peer.asked.length = 0;
  peer.silent = false;
  const fromMoto = motoCertificates(moto.endpoint, asked);
  app = await buildTestApp({
    endpoint: moto.endpoint,
    peers: {
      snsCertificates: (url) =>
        url.href === TEST_CERT ? (asked.push(url.href), peer.fetcher(url)) : fromMoto(url),
    },
  });
  const admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  await app.router.invoke('admin.open', {
    source: 'keys',
    accessKeyId: admin.accessKeyId,
    secretAccessKey: admin.secretAccessKey,
    region: REGION,
  });
  expect((await app.router.invoke('sendingUser.create', { region: REGION })).ok).toBe(true);
  await client(SESClient).send(new VerifyDomainIdentityCommand({ Domain: DOMAIN }));
  const r = await app.router.invoke('feedback.setup', { identities: [DOMAIN], deliveries: true });
  if (!r.ok) throw new Error(`setup failed: ${r.error.code}`);
  queueUrl = (r.value as FeedbackStatus).setup!.queueUrl;
});

/** Puts a body in the queue as anyone allowed to send to it could. */
const put = (body: object | string) =>
  client(SQSClient).send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

/** SES's notification in an envelope signed by the test's SNS stand-in. */
const signed = (
  notification: object,
  over: { MessageId?: string; TopicArn?: string } = {},
  options: Parameters<typeof signedEnvelope>[2] = {},
  signer = snsSigner(),
) =>
  signedEnvelope(
    signer,
    {
      MessageId: over.MessageId ?? crypto.randomUUID(),
      TopicArn: over.TopicArn ?? BOUNCES,
      Message: JSON.stringify(notification),
    },
    { certUrl: TEST_CERT, ...options },
  );

async function call<T>(channel: string, input: object = {}): Promise<T> {
  const r = await app.router.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.explanation}`);
  return r.value as T;
}

const addresses = async () => (await call<FeedbackPage>('feedback.list')).events.map((e) => e.address).sort();

const queueDepth = () => messagesIn(client(SQSClient), queueUrl);

describe('messages in the bounce and complaint queue (moto)', () => {
  it('stores only the genuine ones; the forged and the unverifiable are refused, counted, shown and deleted', async () => {
    // Genuine: published through SNS (moto signs), and one signed by the test's SNS stand-in.
    await client(SNSClient).send(
      new PublishCommand({
        TopicArn: BOUNCES,
        Message: JSON.stringify(bounce({ to: ['real@example.org'] })),
      }),
    );
    await put(signed(delivery({ to: ['delivered@example.org'] }), { TopicArn: DELIVERIES }));
    // Forged, each a bounce for an address the person would then stop mailing:
    // a topic the queue was never subscribed to, signed properly all the same;
    await put(
      signed(bounce({ to: ['other-topic@example.org'] }), {
        TopicArn: `arn:aws:sns:${REGION}:123456789012:someone-elses-topic`,
      }),
    );
    // a certificate on a host of the forger's own;
    await put(
      signed(bounce({ to: ['evil-host@example.org'] }), {}, { certUrl: 'https://evil.example/sns.pem' }),
    );
    // a key that is not the certificate's;
    await put(signed(bounce({ to: ['wrong-key@example.org'] }), {}, {}, snsSigner('forger')));
    // no signature at all;
    const { Signature: _none, ...unsigned } = signed(bounce({ to: ['unsigned@example.org'] }));
    await put(unsigned);
    // SES's notification without SNS's envelope (raw delivery).
    await put(bounce({ to: ['raw@example.org'] }));

    const report = await call<PollReport>('feedback.check');
    expect(report).toMatchObject({ received: 7, stored: 2, refused: 5, deferred: 0, unreadable: 0 });
    expect(await addresses()).toEqual(['delivered@example.org', 'real@example.org']);
    expect(await queueDepth()).toBe(0);
    // Only Amazon SNS addresses were ever fetched: moto's, and the stand-in's.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((a) => new URL(a).hostname === `sns.${REGION}.amazonaws.com`)).toBe(true);

    // Each for its own reason, kept aside with what it named.
    const reasons = [
      'It names a topic the assistant did not subscribe the queue to.',
      'Its signing certificate is not at an Amazon SNS address.',
      'Its signature does not match Amazon SNS’s certificate.',
      'It carries no Amazon SNS signature the assistant can check.',
      'It came without Amazon SNS’s signed envelope (raw message delivery), so it cannot be checked.',
    ];
    const kept = await (await openFeedbackStore(app.dir)).refused();
    expect(kept.map((m) => m.reason).sort()).toEqual([...reasons].sort());
    expect(kept.find((m) => m.reason === reasons[0])?.detail).toMatch(/:someone-elses-topic$/);
    expect(kept.find((m) => m.reason === reasons[1])?.detail).toBe('https://evil.example/sns.pem');

    // The screen's line: how many, and why the newest was refused, in a sentence.
    const status = await call<FeedbackStatus>('feedback.status');
    expect(status.refused.count).toBe(5);
    expect(reasons).toContain(status.refused.latest?.reason);
    expect(status.counts).toEqual({ bounce: 1, complaint: 0, delivery: 1, unreadable: 0 });
  });

  it('keys a notification by its topic and SNS message id: a redelivery is stored once, the same id from another topic is its own', async () => {
    const id = '0f6b4a43-0000-4000-8000-00000000000a';
    await put(signed(complaint({ to: ['twice@example.org'] }), { MessageId: id }));
    await put(signed(complaint({ to: ['twice@example.org'] }), { MessageId: id }));
    await put(signed(delivery({ to: ['same-id@example.org'] }), { MessageId: id, TopicArn: DELIVERIES }));
    const report = await call<PollReport>('feedback.check');
    expect(report).toMatchObject({ received: 3, stored: 2, duplicates: 1, refused: 0 });
    expect(await addresses()).toEqual(['same-id@example.org', 'twice@example.org']);
  });

  it('leaves a message in the queue while its certificate cannot be fetched, and stores it once it can', async () => {
    // A short visibility timeout, so a message left in the queue is offered again within a second.
    await client(SQSClient).send(
      new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { VisibilityTimeout: '1' } }),
    );
    await put(signed(bounce({ to: ['later@example.org'] })));
    peer.silent = true;
    expect(await call<PollReport>('feedback.check')).toMatchObject({ received: 1, stored: 0, deferred: 1 });
    expect(await addresses()).toEqual([]);
    expect(await queueDepth()).toBe(1);
    expect((await call<FeedbackStatus>('feedback.status')).refused.count).toBe(0);

    peer.silent = false;
    const end = Date.now() + 20_000;
    while ((await addresses()).length === 0 && Date.now() < end) await call('feedback.check');
    expect(await addresses()).toEqual(['later@example.org']);
    expect(await queueDepth()).toBe(0);
  });
});
