/**
 * Bounce and complaint events against moto: the admin session sets up the queue (encrypted, a policy
 * that lets only the senders' topics send), subscribes it to the topics with raw delivery off, lets the
 * sending user read it, records everything in the ledger; the sending user's key then reads, stores
 * and deletes. SES's documented notification JSON is published to the topic by the test itself, since
 * moto's own simulated feedback is not JSON (see the first test).
 */
import { VerifyDomainIdentityCommand, SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import {
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { GetPolicyCommand, GetPolicyVersionCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  FeedbackCsv,
  FeedbackPage,
  FeedbackStatus,
  PollReport,
} from '../../electron/features/feedback/types';
import { startFeedbackPoll } from '../../electron/features/feedback';
import { forgetLastCheck } from '../../electron/features/feedback/poll';
import { recordingNotifier } from '../../electron/core/ports';
import { startMoto, type Moto } from '../peers/moto';
import { motoCertificates } from '../peers/sns-certificates';
import { buildTestApp, type TestApp } from '../support/assistant';
import { adminIam, createUserWithKey, DUMMY_ADMIN, type TestKey } from '../support/aws';
import { queueDepth as messagesIn } from '../support/queue';
import { bounce, complaint, delivery } from '../unit/feedback/notifications';

let moto: Moto;
let app: TestApp;
let admin: TestKey;
const REGION = 'us-east-1';
const DOMAIN = 'example.com';

const client = <T>(C: new (c: object) => T) =>
  new C({ region: REGION, endpoint: moto.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });

beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

beforeEach(async () => {
  await moto.enforceAuth(false);
  await moto.reset();
  admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  // moto signs what SNS delivers and serves its certificates: the app checks them as AWS's.
  app = await buildTestApp({
    endpoint: moto.endpoint,
    peers: { snsCertificates: motoCertificates(moto.endpoint) },
  });
  expect((await openAdmin()).ok).toBe(true);
  // The sending user made by the assistant, so its policy is the assistant's to extend.
  expect((await app.router.invoke('sendingUser.create', { region: REGION })).ok).toBe(true);
  await client(SESClient).send(new VerifyDomainIdentityCommand({ Domain: DOMAIN }));
});

const openAdmin = () =>
  app.router.invoke('admin.open', {
    source: 'keys',
    accessKeyId: admin.accessKeyId,
    secretAccessKey: admin.secretAccessKey,
    region: REGION,
  });

async function setUp(deliveries = false): Promise<FeedbackStatus> {
  const r = await app.router.invoke('feedback.setup', { identities: [DOMAIN], deliveries });
  if (!r.ok) throw new Error(`setup failed: ${r.error.code} ${r.error.explanation}`);
  return r.value as FeedbackStatus;
}

async function check(): Promise<PollReport> {
  const r = await app.router.invoke('feedback.check', {});
  if (!r.ok) throw new Error(`check failed: ${r.error.code}`);
  return r.value as PollReport;
}

const publish = (topicArn: string, notification: object) =>
  client(SNSClient).send(new PublishCommand({ TopicArn: topicArn, Message: JSON.stringify(notification) }));

async function list(input: object = {}): Promise<FeedbackPage> {
  const r = await app.router.invoke('feedback.list', input);
  if (!r.ok) throw new Error(r.error.code);
  return r.value as FeedbackPage;
}

const queueDepth = (queueUrl: string) => messagesIn(client(SQSClient), queueUrl);

describe('setting up bounce and complaint events (moto)', () => {
  it('needs admin access', async () => {
    await app.router.invoke('admin.forget', {});
    const r = await app.router.invoke('feedback.setup', { identities: [DOMAIN], deliveries: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'ADMIN_NEEDED' } });
    expect(app.settings.get().ledger.filter((e) => e.kind === 'sqs-queue')).toEqual([]);
  });

  it('creates an encrypted queue that only this account’s sender topics may send to', async () => {
    const status = await setUp();
    const setup = status.setup!;
    const attrs = (
      await client(SQSClient).send(
        new GetQueueAttributesCommand({ QueueUrl: setup.queueUrl, AttributeNames: ['All'] }),
      )
    ).Attributes!;
    expect(attrs.SqsManagedSseEnabled).toBe('true');
    expect(attrs.MessageRetentionPeriod).toBe(String(14 * 86400));
    const policy = JSON.parse(attrs.Policy!);
    const topicArn = `arn:aws:sns:${REGION}:123456789012:ses-example-com-bounces-complaints`;
    expect(policy.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: setup.queueArn,
        Condition: {
          ArnEquals: { 'aws:SourceArn': [topicArn] },
          StringEquals: { 'aws:SourceAccount': '123456789012' },
        },
      }),
    ]);
  });

  it('subscribes the queue to the sender’s topic with raw delivery off, and records everything with its account', async () => {
    const { setup } = await setUp(true);
    const topicArn = `arn:aws:sns:${REGION}:123456789012:ses-example-com-bounces-complaints`;
    const subs = (await client(SNSClient).send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn })))
      .Subscriptions!;
    const toQueue = subs.find((s) => s.Protocol === 'sqs');
    expect(toQueue?.Endpoint).toBe(setup!.queueArn);
    const attrs = await client(SNSClient).send(
      new GetSubscriptionAttributesCommand({ SubscriptionArn: toQueue!.SubscriptionArn }),
    );
    expect(attrs.Attributes?.RawMessageDelivery ?? 'false').toBe('false');
    const ledger = app.settings.get().ledger.filter((e) => !e.kind.startsWith('iam-'));
    expect(ledger.map((e) => e.kind).sort()).toEqual([
      'sns-delivery-topic',
      'sns-subscription',
      'sns-subscription',
      'sns-topic',
      'sqs-queue',
    ]);
    expect(ledger.every((e) => e.accountId === '123456789012' && e.region === REGION)).toBe(true);
  });

  it('gives the sending user’s own policy a new version that reads this one queue, keeping the rest', async () => {
    const { setup } = await setUp();
    expect(setup!.policy).toBe('updated');
    const iam = adminIam(moto.endpoint, admin);
    const arn = 'arn:aws:iam::123456789012:policy/SesSetupAssistantSending';
    const policy = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    const version = await iam.send(
      new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.Policy!.DefaultVersionId }),
    );
    const doc = JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!));
    expect(doc.Statement.find((s: { Sid: string }) => s.Sid === 'ReadFeedbackQueue')).toEqual({
      Sid: 'ReadFeedbackQueue',
      Effect: 'Allow',
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
      Resource: setup!.queueArn,
    });
    expect(doc.Statement.map((s: { Sid: string }) => s.Sid)).toContain('SendEmail');
    // Run again: still one queue statement, and the set-up is the same queue.
    const again = await setUp();
    expect(again.setup!.queueArn).toBe(setup!.queueArn);
    const v2 = await iam.send(
      new GetPolicyVersionCommand({
        PolicyArn: arn,
        VersionId: (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.DefaultVersionId,
      }),
    );
    const sids = JSON.parse(decodeURIComponent(v2.PolicyVersion!.Document!)).Statement.map(
      (s: { Sid: string }) => s.Sid,
    );
    expect(sids.filter((s: string) => s === 'ReadFeedbackQueue')).toHaveLength(1);
  });
});

describe('reading the queue with the sending user’s key (moto)', () => {
  it('what moto itself delivers for a send to the bounce simulator: an SNS envelope whose Message is not JSON, kept aside', async () => {
    await setUp();
    await client(SESClient).send(
      new SendEmailCommand({
        Source: `billing@${DOMAIN}`,
        Destination: { ToAddresses: ['bounce@simulator.amazonses.com'] },
        Message: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hi' } } },
      }),
    );
    const report = await check();
    // Measured on moto 5.2.1: one message arrives, an SNS envelope whose Message is an object, not
    // the JSON string SNS sends, and whose notificationType is the placeholder "Bounce, Complaint, or
    // Delivery.": kept aside as unreadable, never stored.
    expect(report).toMatchObject({ received: 1, stored: 0, unreadable: 1 });
    const store = await import('../../electron/features/feedback/store');
    const kept = await (await store.openFeedbackStore(app.dir)).unreadable();
    expect(kept[0]?.reason).toBe('SNS Message is not JSON');
    expect(JSON.parse(kept[0]!.body)).toMatchObject({
      Type: 'Notification',
      Message: { bounce: { bounceType: 'Permanent' } },
    });
  });

  it('stores SES’s documented bounce, complaint and delivery notifications, then deletes them', async () => {
    const { setup } = await setUp(true);
    const topic = setup!.queueArn && `arn:aws:sns:${REGION}:123456789012:ses-example-com-bounces-complaints`;
    await publish(topic, bounce({ to: ['gone@example.org', 'also-gone@example.org'] }));
    await publish(topic, complaint());
    await publish(`arn:aws:sns:${REGION}:123456789012:ses-example-com-deliveries`, delivery());
    const report = await check();
    expect(report).toMatchObject({ received: 3, stored: 4, duplicates: 0, unreadable: 0, complaints: 1 });
    expect(await queueDepth(setup!.queueUrl)).toBe(0);
    const page = await list();
    expect(page.total).toBe(4);
    // Read from SNS's envelope (raw delivery off): keyed by the topic and SNS's MessageId, not SES's feedbackId.
    expect(page.events.every((e) => /^arn:aws:sns:[^/]+\/[0-9a-f-]{36}$/.test(e.notificationId))).toBe(true);
    expect(page.events.find((e) => e.address === 'gone@example.org')).toMatchObject({
      kind: 'bounce',
      bounceType: 'Permanent',
      bounceSubType: 'General',
      message: { id: 'm1', subject: 'Your March invoice' },
      meaning: { title: 'Bounced for good', stopMailing: true },
    });
    expect((await list({ kind: 'complaint' })).events.map((e) => e.address)).toEqual(['angry@example.net']);
    expect((await list({ query: 'ALSO-gone' })).matched).toBe(1);
  });

  it('exports the filtered events as CSV', async () => {
    await setUp();
    await publish(`arn:aws:sns:${REGION}:123456789012:ses-example-com-bounces-complaints`, bounce());
    await check();
    const r = await app.router.invoke('feedback.exportCsv', { kind: 'bounce' });
    const file = (r.ok ? r.value : null) as FeedbackCsv | null;
    expect(file?.rows).toBe(1);
    expect(file?.csv.split('\r\n')[1]).toContain('nobody@example.org');
    expect(file?.fileName).toMatch(/^bounces-and-complaints-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('keeps a poison message aside, counts it, deletes it from the queue and goes on', async () => {
    const { setup } = await setUp();
    const sqs = client(SQSClient);
    await sqs.send(new SendMessageCommand({ QueueUrl: setup!.queueUrl, MessageBody: '{not json' }));
    await publish(`arn:aws:sns:${REGION}:123456789012:ses-example-com-bounces-complaints`, bounce());
    const report = await check();
    expect(report).toMatchObject({ received: 2, stored: 1, unreadable: 1 });
    expect(await queueDepth(setup!.queueUrl)).toBe(0);
    const status = await app.router.invoke('feedback.status', {});
    expect(status.ok && (status.value as FeedbackStatus).counts).toEqual({
      bounce: 1,
      complaint: 0,
      delivery: 0,
      unreadable: 1,
    });
  });

  it('says plainly when the queue was deleted behind its back, and setting up again mends it', async () => {
    const { setup } = await setUp();
    await client(SQSClient).send(new DeleteQueueCommand({ QueueUrl: setup!.queueUrl }));
    const r = await app.router.invoke('feedback.check', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'FEEDBACK_QUEUE_GONE' } });
    const status = await app.router.invoke('feedback.status', {});
    expect(status.ok && (status.value as FeedbackStatus).lastCheck?.error?.code).toBe('FEEDBACK_QUEUE_GONE');
    await setUp();
    expect((await check()).received).toBe(0);
    const after = await app.router.invoke('feedback.status', {});
    expect(after.ok && (after.value as FeedbackStatus).lastCheck?.error).toBeNull();
  });

  it('says plainly when AWS refuses the sending user’s key', async () => {
    await setUp();
    // A connection whose user has no rights at all, with IAM enforcement on.
    const bare = await createUserWithKey(moto.endpoint, 'bare-sender');
    const connected = await app.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: bare.accessKeyId,
      secretAccessKey: bare.secretAccessKey,
      region: REGION,
    });
    expect(connected.ok).toBe(true);
    await moto.enforceAuth(true);
    try {
      const r = await app.router.invoke('feedback.check', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'FEEDBACK_ACCESS_DENIED' } });
    } finally {
      await moto.enforceAuth(false);
    }
  });

  it('removes the queue before its topics when everything is removed', async () => {
    const { setup } = await setUp(true);
    const r = await app.router.invoke('ledger.removeAll', { confirm: true });
    expect(r.ok).toBe(true);
    const removed = r.ok ? (r.value as { removed: { kind: string }[] }).removed.map((e) => e.kind) : [];
    expect(removed.indexOf('sqs-queue')).toBeLessThan(removed.indexOf('sns-topic'));
    expect(removed).toContain('sns-delivery-topic');
    await expect(
      client(SQSClient).send(
        new GetQueueAttributesCommand({ QueueUrl: setup!.queueUrl, AttributeNames: ['All'] }),
      ),
    ).rejects.toMatchObject({ name: expect.stringMatching(/QueueDoesNotExist|NonExistentQueue/) });
  });
});

/**
 * How long a read of the queue may take before the reader sets its next timer: a long poll against
 * moto, given room for a busy machine.
 */
const READ_TIME = { timeout: 15_000 };

describe('the background reader (moto, a fake timer)', () => {
  it('reads every 15 minutes from the tray with the sending key, and tells the person about a complaint', async () => {
    await setUp();
    const notifier = recordingNotifier();
    const ctx = { ...app.assistant.context, notifier };
    const pending: { run: () => void; ms: number }[] = [];
    const timer = {
      setTimeout: (run: () => void, ms: number) => pending.push({ run, ms }),
      clearTimeout: () => undefined,
    };
    await app.router.invoke('admin.forget', {});
    const poll = startFeedbackPoll(ctx, { windowOpen: () => false, timer, waitSeconds: 0 });
    try {
      await publish(`arn:aws:sns:${REGION}:123456789012:ses-example-com-bounces-complaints`, complaint());
      expect(pending.map((p) => p.ms)).toEqual([0]);
      pending.shift()!.run();
      await vi.waitFor(() => expect(pending).toHaveLength(1), READ_TIME);
      expect(pending[0]!.ms).toBe(15 * 60_000);
      expect(notifier.sent).toEqual([expect.objectContaining({ openStep: 'feedback' })]);
      expect((await list()).total).toBe(1);
    } finally {
      poll.stop();
    }
  });

  it('long-polls again at once while the window is open, and stops when told', async () => {
    await setUp();
    const pending: { run: () => void; ms: number }[] = [];
    const cleared: unknown[] = [];
    const timer = {
      setTimeout: (run: () => void, ms: number) => (pending.push({ run, ms }), pending.length),
      clearTimeout: (h: unknown) => void cleared.push(h),
    };
    const poll = startFeedbackPoll(app.assistant.context, { windowOpen: () => true, timer, waitSeconds: 1 });
    pending.shift()!.run();
    await vi.waitFor(() => expect(pending).toHaveLength(1), READ_TIME);
    expect(pending[0]!.ms).toBe(0);
    poll.stop();
    expect(cleared).toHaveLength(1);
  });
});

describe('the background reader when the queue is gone (moto, a fake timer)', () => {
  it('records the failure for the screen and slows to the 15-minute pace even with the window open', async () => {
    const { setup } = await setUp();
    await client(SQSClient).send(new DeleteQueueCommand({ QueueUrl: setup!.queueUrl }));
    const pending: { run: () => void; ms: number }[] = [];
    const cleared: unknown[] = [];
    const timer = {
      setTimeout: (run: () => void, ms: number) => pending.push({ run, ms }),
      clearTimeout: (handle: unknown) => void cleared.push(handle),
    };
    const poll = startFeedbackPoll(app.assistant.context, { windowOpen: () => true, timer, waitSeconds: 0 });
    try {
      pending.shift()!.run();
      await vi.waitFor(() => expect(pending).toHaveLength(1), READ_TIME);
      expect(pending[0]!.ms).toBe(15 * 60_000);
      const status = await app.router.invoke('feedback.status', {});
      expect(status.ok && (status.value as FeedbackStatus).lastCheck?.error?.code).toBe(
        'FEEDBACK_QUEUE_GONE',
      );
      // The window shown again does not make the gone queue a retry: the slow wait stands.
      poll.wake();
      expect(cleared).toEqual([]);
      expect(pending.map((p) => p.ms)).toEqual([15 * 60_000]);
      // A new set-up forgets the failure: then showing the window reads at once again.
      forgetLastCheck(app.assistant.context);
      poll.wake();
      expect(cleared).toHaveLength(1);
      await vi.waitFor(() => expect(pending).toHaveLength(2), READ_TIME);
      expect(pending[1]!.ms).toBe(15 * 60_000);
    } finally {
      poll.stop();
    }
  });
});
