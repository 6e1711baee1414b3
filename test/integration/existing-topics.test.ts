/**
 * A sender whose bounces already go somewhere (the person's own SNS topic, feeding their own queue or
 * script): the assistant's queue and email notifications join that topic and never replace it, and
 * removing what the assistant made leaves it set. moto never reports an identity's topics, so the
 * app talks to moto through the fault proxy with `emulateNotificationTopics`, which keeps what
 * SetIdentityNotificationTopic sets and answers GetIdentityNotificationAttributes as SES documents.
 */
import {
  SESClient,
  SetIdentityNotificationTopicCommand,
  VerifyDomainIdentityCommand,
} from '@aws-sdk/client-ses';
import {
  CreateTopicCommand,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  PublishCommand,
  SNSClient,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackStatus, PollReport } from '../../electron/features/feedback/types';
import type { NotificationStatus } from '../../electron/features/notifications/notifications';
import { startMoto, type Moto } from '../peers/moto';
import { motoCertificates } from '../peers/sns-certificates';
import { startFaultProxy, type FaultProxy } from '../peers/fault-proxy';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, DUMMY_ADMIN } from '../support/aws';
import { bounce } from '../unit/feedback/notifications';

const REGION = 'us-east-1';
const DOMAIN = 'example.com';
const OURS = `arn:aws:sns:${REGION}:123456789012:ses-example-com-bounces-complaints`;

let moto: Moto;
let proxy: FaultProxy;
let app: TestApp;
let theirTopic: string;
let theirQueueUrl: string;

// Through the proxy, so that what the test sets on the identity is what the app reads back.
const client = <T>(C: new (c: object) => T) =>
  new C({ region: REGION, endpoint: proxy.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });

const topicsOf = (identity: string) => Object.fromEntries(proxy.notificationTopics.get(identity) ?? []);

async function call<T>(channel: string, input: object): Promise<T> {
  const r = await app.router.invoke(channel as never, input as never);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.explanation}`);
  return r.value as T;
}

async function subscribers(topicArn: string) {
  const subs = await client(SNSClient).send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
  return (subs.Subscriptions ?? []).map((s) => `${s.Protocol} ${s.Endpoint}`).sort();
}

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint, { emulateNotificationTopics: true });
});
afterAll(async () => {
  await proxy?.stop();
  await moto?.stop();
});

beforeEach(async () => {
  await moto.reset();
  proxy.clear();
  const admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  app = await buildTestApp({
    endpoint: proxy.endpoint,
    peers: { snsCertificates: motoCertificates(moto.endpoint) },
  });
  await call('admin.open', {
    source: 'keys',
    accessKeyId: admin.accessKeyId,
    secretAccessKey: admin.secretAccessKey,
    region: REGION,
  });
  await call('sendingUser.create', { region: REGION });
  await client(SESClient).send(new VerifyDomainIdentityCommand({ Domain: DOMAIN }));
  // The person's own pipeline: a topic of theirs feeding a queue of theirs.
  theirTopic = (await client(SNSClient).send(new CreateTopicCommand({ Name: 'shop-bounces' }))).TopicArn!;
  theirQueueUrl = (await client(SQSClient).send(new CreateQueueCommand({ QueueName: 'shop-bounces' })))
    .QueueUrl!;
  const theirQueueArn = (
    await client(SQSClient).send(
      new GetQueueAttributesCommand({ QueueUrl: theirQueueUrl, AttributeNames: ['QueueArn'] }),
    )
  ).Attributes!.QueueArn!;
  await client(SNSClient).send(
    new SubscribeCommand({ TopicArn: theirTopic, Protocol: 'sqs', Endpoint: theirQueueArn }),
  );
});

async function setTheirTopic(types: ('Bounce' | 'Complaint')[]) {
  for (const type of types)
    await client(SESClient).send(
      new SetIdentityNotificationTopicCommand({
        Identity: DOMAIN,
        NotificationType: type,
        SnsTopic: theirTopic,
      }),
    );
}

describe('bounce and complaint events when the sender already has a topic', () => {
  it('joins the person’s topic instead of replacing it: both their queue and the assistant’s get every bounce', async () => {
    await setTheirTopic(['Bounce', 'Complaint']);
    const status = await call<FeedbackStatus>('feedback.setup', { identities: [DOMAIN], deliveries: false });
    const setup = status.setup!;

    // Still theirs on the identity; no topic of the assistant's made or set.
    expect(topicsOf(DOMAIN)).toEqual({ Bounce: theirTopic, Complaint: theirTopic });
    const topics = (await client(SNSClient).send(new ListTopicsCommand({}))).Topics!.map((t) => t.TopicArn);
    expect(topics).not.toContain(OURS);
    expect(setup.joined).toEqual([
      { identity: DOMAIN, topicName: 'shop-bounces', types: ['Bounce', 'Complaint'] },
    ]);

    // Their topic now feeds both queues, and the assistant's queue lets exactly that topic send.
    expect((await subscribers(theirTopic)).filter((s) => s.startsWith('sqs'))).toHaveLength(2);
    const policy = JSON.parse(
      (
        await client(SQSClient).send(
          new GetQueueAttributesCommand({ QueueUrl: setup.queueUrl, AttributeNames: ['Policy'] }),
        )
      ).Attributes!.Policy!,
    );
    expect(policy.Statement[0].Condition.ArnEquals['aws:SourceArn']).toEqual([theirTopic]);

    // The ledger holds the subscription, never their topic.
    const ledger = app.settings.get().ledger;
    expect(ledger.filter((e) => e.kind === 'sns-topic')).toEqual([]);
    expect(ledger.find((e) => e.kind === 'sns-subscription')?.label).toContain('your topic shop-bounces');

    // SES's documented bounce, published to their topic, reaches their queue and is stored by the app.
    await client(SNSClient).send(
      new PublishCommand({
        TopicArn: theirTopic,
        Message: JSON.stringify(bounce({ to: ['gone@example.org'] })),
      }),
    );
    expect(await call<PollReport>('feedback.check', {})).toMatchObject({ received: 1, stored: 1 });
    const theirs = await client(SQSClient).send(
      new ReceiveMessageCommand({ QueueUrl: theirQueueUrl, MaxNumberOfMessages: 10 }),
    );
    expect(theirs.Messages?.[0]?.Body).toContain('gone@example.org');
  });

  it('uses its own topic only for the type that has none, and removing it leaves theirs set', async () => {
    await setTheirTopic(['Bounce']);
    const status = await call<FeedbackStatus>('feedback.setup', { identities: [DOMAIN], deliveries: false });
    expect(topicsOf(DOMAIN)).toEqual({ Bounce: theirTopic, Complaint: OURS });
    expect(status.setup!.joined).toEqual([
      { identity: DOMAIN, topicName: 'shop-bounces', types: ['Bounce'] },
    ]);

    // Run again: nothing changes, nothing is doubled.
    const again = await call<FeedbackStatus>('feedback.setup', { identities: [DOMAIN], deliveries: false });
    expect(topicsOf(DOMAIN)).toEqual({ Bounce: theirTopic, Complaint: OURS });
    expect(again.setup!.joined).toHaveLength(1);
    expect((await subscribers(theirTopic)).filter((s) => s.startsWith('sqs'))).toHaveLength(2);

    await call('ledger.removeAll', { confirm: true });
    expect(topicsOf(DOMAIN)).toEqual({ Bounce: theirTopic });
    // Their topic and their own subscription stay; the assistant's subscription is gone.
    expect((await subscribers(theirTopic)).filter((s) => s.startsWith('sqs'))).toHaveLength(1);
  });

  it('subscribes the person’s address to the topic already there, and takes nothing over', async () => {
    await setTheirTopic(['Bounce', 'Complaint']);
    const status = await call<NotificationStatus>('notifications.setup', {
      identity: DOMAIN,
      notifyAddress: 'owner@example.com',
    });
    expect(topicsOf(DOMAIN)).toEqual({ Bounce: theirTopic, Complaint: theirTopic });
    expect(status.bounceTopicArn).toBe(theirTopic);
    expect(await subscribers(theirTopic)).toContain('email owner@example.com');
    expect(app.settings.get().ledger.filter((e) => e.kind === 'sns-topic')).toEqual([]);

    // A sender with no topic gets the assistant's, as before.
    await client(SESClient).send(new VerifyDomainIdentityCommand({ Domain: 'fresh.example' }));
    await call('notifications.setup', { identity: 'fresh.example', notifyAddress: 'owner@example.com' });
    const fresh = `arn:aws:sns:${REGION}:123456789012:ses-fresh-example-bounces-complaints`;
    expect(topicsOf('fresh.example')).toEqual({ Bounce: fresh, Complaint: fresh });
  });
});
