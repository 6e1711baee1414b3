/**
 * Bounce and complaint notifications against moto: with the admin session the assistant creates
 * the SNS topic, sets it on the identity for Bounce and Complaint, subscribes the address, records
 * topic and subscription in the ledger, and reads the state back. moto confirms email
 * subscriptions at once, so the pending state is proven in the renderer tier and by a unit test on
 * SNS's pending shapes below.
 */
import { SESClient, VerifyDomainIdentityCommand } from '@aws-sdk/client-ses';
import { ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AssistantError, Result } from '../../electron/ipc/contract';
import {
  subscriptionState,
  topicNameFor,
  type NotificationStatus,
} from '../../electron/features/notifications/notifications';
import { startMoto, type Moto } from '../peers/moto';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, DUMMY_ADMIN } from '../support/aws';

let moto: Moto;
let app: TestApp;
const REGION = 'us-east-1';
const DOMAIN = 'example.com';
const NOTIFY = 'postmaster@example.com';

const ses = () =>
  new SESClient({ region: REGION, endpoint: moto.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });
const sns = () =>
  new SNSClient({ region: REGION, endpoint: moto.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });

beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

beforeEach(async () => {
  await moto.reset();
  const sender = await createUserWithKey(moto.endpoint, 'ses-sender', { allowAll: true });
  app = await buildTestApp({ endpoint: moto.endpoint });
  const r = await app.router.invoke('connection.connect', {
    source: 'keys',
    accessKeyId: sender.accessKeyId,
    secretAccessKey: sender.secretAccessKey,
    region: REGION,
  });
  expect(r.ok).toBe(true);
  await ses().send(new VerifyDomainIdentityCommand({ Domain: DOMAIN }));
});

/** What moto's SNS published to a topic (its data.json keeps every notification). */
async function published(topicArn: string): Promise<unknown[]> {
  const topics = ((await moto.data()).sns as { Topic: { arn: string; sent_notifications: unknown[] }[] })
    .Topic;
  return topics.find((t) => t.arn === topicArn)?.sent_notifications ?? [];
}

async function openAdmin() {
  const admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  const r = await app.router.invoke('admin.open', {
    source: 'keys',
    accessKeyId: admin.accessKeyId,
    secretAccessKey: admin.secretAccessKey,
    region: REGION,
  });
  expect(r.ok).toBe(true);
}

describe('bounce and complaint notifications', () => {
  it('reports "not set up" for a sender without topics', async () => {
    const r = (await app.router.invoke('notifications.status', {
      identity: DOMAIN,
    })) as Result<NotificationStatus>;
    expect(r).toMatchObject({
      ok: true,
      value: { state: 'not-set-up', bounceTopicArn: null, subscriptions: [] },
    });
    // Feedback forwarding writes to the Return-Path address, which need not be where the mail came from.
    const advice = (r as { value: NotificationStatus }).value.advice;
    expect(advice).toMatch(/Return-Path address/);
    expect(advice).not.toMatch(/came from/);
  });

  it('asks for admin access, in plain words, before creating anything', async () => {
    const r = await app.router.invoke('notifications.setup', { identity: DOMAIN, notifyAddress: NOTIFY });
    expect(r.ok).toBe(false);
    expect((r as { error: AssistantError }).error.code).toBe('ADMIN_NEEDED');
    expect((await sns().send(new ListTopicsCommand({}))).Topics ?? []).toHaveLength(0);
  });

  it('creates the topic, sets it for bounces and complaints, subscribes the address and records both', async () => {
    await openAdmin();
    const r = (await app.router.invoke('notifications.setup', {
      identity: DOMAIN,
      notifyAddress: NOTIFY,
    })) as Result<NotificationStatus>;
    expect(r.ok).toBe(true);
    const status = (r as { value: NotificationStatus }).value;

    const topics = (await sns().send(new ListTopicsCommand({}))).Topics ?? [];
    expect(topics).toHaveLength(1);
    const topicArn = topics[0]!.TopicArn!;
    expect(topicArn.endsWith(`:${topicNameFor(DOMAIN)}`)).toBe(true);

    // moto never reports the topics back (GetIdentityNotificationAttributes), but it acts on them:
    // a send to the simulator's bounce and complaint addresses publishes to the identity's topic.
    for (const to of ['bounce@simulator.amazonses.com', 'complaint@simulator.amazonses.com'])
      expect((await app.router.invoke('send.test', { via: 'api', from: `shop@${DOMAIN}`, to })).ok).toBe(
        true,
      );
    expect(await published(topicArn)).toHaveLength(2);

    const subs =
      (await sns().send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))).Subscriptions ?? [];
    expect(subs).toEqual([expect.objectContaining({ Protocol: 'email', Endpoint: NOTIFY })]);

    // moto confirms email subscriptions at once.
    expect(status).toMatchObject({
      identity: DOMAIN,
      region: REGION,
      bounceTopicArn: topicArn,
      complaintTopicArn: topicArn,
      state: 'confirmed',
      subscriptions: [{ endpoint: NOTIFY, state: 'confirmed' }],
    });

    const ledger = app.settings.get().ledger;
    expect(ledger).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'sns-topic',
          id: topicArn,
          region: REGION,
          meta: { identity: DOMAIN },
        }),
        expect.objectContaining({ kind: 'sns-subscription', id: subs[0]!.SubscriptionArn }),
      ]),
    );

    // Running it again changes nothing: still one topic, one subscription.
    await app.router.invoke('notifications.setup', { identity: DOMAIN, notifyAddress: NOTIFY });
    expect((await sns().send(new ListTopicsCommand({}))).Topics ?? []).toHaveLength(1);
    expect(
      (await sns().send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))).Subscriptions ?? [],
    ).toHaveLength(1);

    // The sending user may read the state once the admin session is forgotten. (moto answers
    // "no topics" here whatever is set, so only the read itself is checked against it.)
    await app.router.invoke('admin.forget', {});
    const again = (await app.router.invoke('notifications.status', {
      identity: DOMAIN,
    })) as Result<NotificationStatus>;
    expect(again).toMatchObject({ ok: true, value: { identity: DOMAIN, region: REGION } });
  });

  it('removing the topic from the ledger detaches it from the identity and deletes it', async () => {
    await openAdmin();
    await app.router.invoke('notifications.setup', { identity: DOMAIN, notifyAddress: NOTIFY });
    const topic = app.settings.get().ledger.find((e) => e.kind === 'sns-topic')!;
    const removed = await app.router.invoke('ledger.remove', { kind: 'sns-topic', id: topic.id });
    expect(removed.ok).toBe(true);
    expect((await sns().send(new ListTopicsCommand({}))).Topics ?? []).toHaveLength(0);
    // Detached: a bounce from the simulator is still accepted, with no topic left to publish to.
    const sent = await app.router.invoke('send.test', {
      via: 'api',
      from: `shop@${DOMAIN}`,
      to: 'bounce@simulator.amazonses.com',
    });
    expect(sent.ok).toBe(true);
    const status = (await app.router.invoke('notifications.status', {
      identity: DOMAIN,
    })) as Result<NotificationStatus>;
    expect(status).toMatchObject({ ok: true, value: { state: 'not-set-up' } });
  });

  it('reads SNS’s pending shapes as pending (what moto never shows)', () => {
    // ListSubscriptionsByTopic says "PendingConfirmation" instead of an ARN until the click...
    expect(subscriptionState('PendingConfirmation')).toBe('pending');
    // ...and with ReturnSubscriptionArn the ARN exists but its attribute PendingConfirmation is "true".
    expect(subscriptionState('arn:aws:sns:us-east-1:1:t:abc', 'true')).toBe('pending');
    expect(subscriptionState('arn:aws:sns:us-east-1:1:t:abc', 'false')).toBe('confirmed');
    expect(subscriptionState(undefined)).toBe('missing');
  });
});
