/**
 * Bounces and complaints: an SNS topic set as the identity's bounce and complaint topic, and an
 * email subscription to it, so the person hears about every address that must be taken off their
 * lists. Made with the admin session (the sending user may not create topics).
 *
 * What must stay true: an email subscription does nothing until the person clicks "Confirm
 * subscription" in the email AWS sends, so the status is always shown, pending included; people
 * lose bounce notices because it never gets confirmed.
 *
 * Screen: “Also by email” on the Bounces and complaints screen (renderer/features/notifications/BounceNotifications.tsx).
 */
import type { AwsClients } from '../../core/aws-clients';
import { FEEDBACK_FORWARDING_TO } from '../../core/facts/feedback';

export type SubscriptionState = 'confirmed' | 'pending' | 'missing';

export interface NotificationStatus {
  identity: string;
  region: string;
  /** The topic set on the identity for bounces and for complaints (null when none). */
  bounceTopicArn: string | null;
  complaintTopicArn: string | null;
  /** The email subscriptions of that topic. */
  subscriptions: { endpoint: string; state: SubscriptionState }[];
  /** One word for the panel: nothing set, waiting for a click, or working. */
  state: 'not-set-up' | 'pending' | 'confirmed';
  /** What it means and what to do, in plain words. */
  advice: string;
}

/** SNS topic names allow letters, digits, - and _ (up to 256): one topic per identity. */
export function topicNameFor(identity: string): string {
  return `ses-${identity.replace(/[^A-Za-z0-9_-]/g, '-')}-bounces-complaints`.slice(0, 256);
}

export type NotificationType = 'Bounce' | 'Complaint' | 'Delivery';
export type IdentityTopics = Partial<Record<NotificationType, string>>;

/** The topics SES publishes the identity's notifications to now, by type (a type left out: none). */
export async function identityTopics(clients: AwsClients, identity: string): Promise<IdentityTopics> {
  const ses = await clients.ses();
  const sesSdk = await import('@aws-sdk/client-ses');
  const attrs = (
    await ses.send(new sesSdk.GetIdentityNotificationAttributesCommand({ Identities: [identity] }))
  ).NotificationAttributes?.[identity];
  const topics: IdentityTopics = {};
  if (attrs?.BounceTopic) topics.Bounce = attrs.BounceTopic;
  if (attrs?.ComplaintTopic) topics.Complaint = attrs.ComplaintTopic;
  if (attrs?.DeliveryTopic) topics.Delivery = attrs.DeliveryTopic;
  return topics;
}

/**
 * The topics someone else set on the identity (the person's own pipeline, another tool): the
 * assistant subscribes to these beside whatever already listens, and never sets its own in their
 * place, because replacing one would silently cut that pipeline off. Ours are known by name.
 */
export function topicsOfOthers(current: IdentityTopics, ownNames: string[]): IdentityTopics {
  const mine = (arn: string) => ownNames.includes(arn.split(':').pop() ?? '');
  return Object.fromEntries(Object.entries(current).filter(([, arn]) => !mine(arn))) as IdentityTopics;
}

/**
 * Takes a topic of the assistant's off an identity, for the types it is still set for: a type
 * someone has pointed at another topic since keeps that topic.
 */
export async function detachTopic(
  admin: AwsClients,
  identity: string,
  topicArn: string,
  types: NotificationType[],
): Promise<void> {
  const ses = await admin.ses();
  const sesSdk = await import('@aws-sdk/client-ses');
  // A failed read fails the removal (it can be retried): guessing could cut off someone's own topic.
  // An identity already gone reads as having no topics, and nothing is then kept.
  const current = await identityTopics(admin, identity);
  for (const type of types) {
    if (current[type] && current[type] !== topicArn) continue;
    await ses
      .send(new sesSdk.SetIdentityNotificationTopicCommand({ Identity: identity, NotificationType: type }))
      .catch(() => undefined);
  }
}

export interface SetupResult {
  /** Each topic the address was subscribed to: the assistant's own (created) or one already there. */
  topics: { topicArn: string; created: boolean; subscriptionArn: string }[];
  status: NotificationStatus;
}

/**
 * Subscribes the address to the identity's bounce and complaint topics: a topic already set on the
 * identity by someone else is joined, as it is; for a type with none, the assistant's topic is
 * created (CreateTopic returns the same topic when it exists) and set. Idempotent.
 */
export async function setUpNotifications(
  admin: AwsClients,
  identity: string,
  notifyAddress: string,
): Promise<SetupResult> {
  const sns = await admin.sns();
  const ses = await admin.ses();
  const snsSdk = await import('@aws-sdk/client-sns');
  const sesSdk = await import('@aws-sdk/client-ses');
  const theirs = topicsOfOthers(await identityTopics(admin, identity), [topicNameFor(identity)]);
  const ownTypes = (['Bounce', 'Complaint'] as const).filter((type) => !theirs[type]);
  const topics: { topicArn: string; created: boolean }[] = [
    ...new Set([theirs.Bounce, theirs.Complaint].filter((arn): arn is string => !!arn)),
  ].map((topicArn) => ({ topicArn, created: false }));
  let ownTopicArn: string | undefined;
  if (ownTypes.length > 0) {
    const topic = await sns.send(
      new snsSdk.CreateTopicCommand({
        Name: topicNameFor(identity),
        Tags: [{ Key: 'created-by', Value: 'ses-setup-assistant' }],
      }),
    );
    ownTopicArn = topic.TopicArn ?? '';
    for (const type of ownTypes)
      await ses.send(
        new sesSdk.SetIdentityNotificationTopicCommand({
          Identity: identity,
          NotificationType: type,
          SnsTopic: ownTopicArn,
        }),
      );
    topics.push({ topicArn: ownTopicArn, created: true });
  }
  const subscribed: SetupResult['topics'] = [];
  for (const topic of topics) {
    const sub = await sns.send(
      new snsSdk.SubscribeCommand({
        TopicArn: topic.topicArn,
        Protocol: 'email',
        Endpoint: notifyAddress,
        ReturnSubscriptionArn: true,
      }),
    );
    subscribed.push({ ...topic, subscriptionArn: sub.SubscriptionArn ?? '' });
  }
  return {
    topics: subscribed,
    // What was just set counts even where SES's read-back lags or, as in moto, never reports topics.
    status: await notificationStatus(admin, identity, ownTopicArn),
  };
}

/** A subscription ARN is only known once confirmed; until then SNS says "PendingConfirmation". */
export function subscriptionState(
  subscriptionArn: string | undefined,
  pendingAttr?: string,
): SubscriptionState {
  if (!subscriptionArn) return 'missing';
  if (pendingAttr === 'true' || !subscriptionArn.startsWith('arn:')) return 'pending';
  return 'confirmed';
}

/** Reads the identity's topics (GetIdentityNotificationAttributes) and the topic's email subscriptions. */
export async function notificationStatus(
  clients: AwsClients,
  identity: string,
  justSetTopicArn?: string,
): Promise<NotificationStatus> {
  const current = await identityTopics(clients, identity);
  const bounceTopicArn = current.Bounce || justSetTopicArn || null;
  const complaintTopicArn = current.Complaint || justSetTopicArn || null;
  const subscriptions: NotificationStatus['subscriptions'] = [];
  const topicArn = bounceTopicArn ?? complaintTopicArn;
  if (topicArn) {
    const sns = await clients.sns();
    const snsSdk = await import('@aws-sdk/client-sns');
    let token: string | undefined;
    do {
      const page = await sns.send(
        new snsSdk.ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken: token }),
      );
      for (const s of page.Subscriptions ?? []) {
        if (s.Protocol !== 'email' && s.Protocol !== 'email-json') continue;
        let pending: string | undefined;
        if (s.SubscriptionArn?.startsWith('arn:')) {
          const a = await sns
            .send(new snsSdk.GetSubscriptionAttributesCommand({ SubscriptionArn: s.SubscriptionArn }))
            .catch(() => null);
          pending = a?.Attributes?.PendingConfirmation;
        }
        subscriptions.push({
          endpoint: s.Endpoint ?? '',
          state: subscriptionState(s.SubscriptionArn, pending),
        });
      }
      token = page.NextToken;
    } while (token);
  }
  return {
    identity,
    region: clients.region,
    bounceTopicArn,
    complaintTopicArn,
    subscriptions,
    ...summarise(bounceTopicArn, complaintTopicArn, subscriptions),
  };
}

function summarise(
  bounce: string | null,
  complaint: string | null,
  subscriptions: NotificationStatus['subscriptions'],
): Pick<NotificationStatus, 'state' | 'advice'> {
  if (!bounce || !complaint)
    return {
      state: 'not-set-up',
      advice: `Until you give an address here, SES emails bounces and complaints to ${FEEDBACK_FORWARDING_TO} (feedback forwarding): they reach you only if that mailbox exists and someone reads it. Give an address someone reads, so you hear about every address to take off your lists.`,
    };
  if (subscriptions.some((s) => s.state === 'confirmed'))
    return {
      state: 'confirmed',
      advice:
        'Bounces and complaints are reported to the confirmed address. Remove every address that bounces for good or complains from your lists.',
    };
  return {
    state: 'pending',
    advice:
      'AWS has sent an email to the address, titled “AWS Notification - Subscription Confirmation”. Open it and click “Confirm subscription”: until then nothing is sent to that address (SES keeps emailing bounces and complaints to the Return-Path address meanwhile). Look in the spam folder if it is not there.',
  };
}
