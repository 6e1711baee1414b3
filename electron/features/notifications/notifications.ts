/**
 * Bounces and complaints: an SNS topic set as the identity's bounce and complaint topic, and an
 * email subscription to it, so the person hears about every address that must be taken off their
 * lists. Made with the admin session (the sending user may not create topics).
 *
 * What must stay true: an email subscription does nothing until the person clicks "Confirm
 * subscription" in the email AWS sends, so the status is always shown, pending included; people
 * lose bounce notices because it never gets confirmed.
 *
 * Screen: the bounce notifications panel on Test send (renderer/features/notifications/BounceNotifications.tsx).
 */
import type { AwsClients } from '../../core/aws-clients';

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

export interface SetupResult {
  topicArn: string;
  subscriptionArn: string;
  status: NotificationStatus;
}

/**
 * Creates the topic (CreateTopic returns the same topic when it exists), sets it for Bounce and
 * Complaint on the identity, and subscribes the address. Idempotent: running it again changes nothing.
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
  const topic = await sns.send(
    new snsSdk.CreateTopicCommand({
      Name: topicNameFor(identity),
      Tags: [{ Key: 'created-by', Value: 'ses-setup-assistant' }],
    }),
  );
  const topicArn = topic.TopicArn ?? '';
  for (const type of ['Bounce', 'Complaint'] as const) {
    await ses.send(
      new sesSdk.SetIdentityNotificationTopicCommand({
        Identity: identity,
        NotificationType: type,
        SnsTopic: topicArn,
      }),
    );
  }
  const sub = await sns.send(
    new snsSdk.SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'email',
      Endpoint: notifyAddress,
      ReturnSubscriptionArn: true,
    }),
  );
  return {
    topicArn,
    subscriptionArn: sub.SubscriptionArn ?? '',
    // What was just set counts even where SES's read-back lags or, as in moto, never reports topics.
    status: await notificationStatus(admin, identity, topicArn),
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
  const ses = await clients.ses();
  const sesSdk = await import('@aws-sdk/client-ses');
  const attrs =
    (await ses.send(new sesSdk.GetIdentityNotificationAttributesCommand({ Identities: [identity] })))
      .NotificationAttributes?.[identity] ?? undefined;
  const bounceTopicArn = attrs?.BounceTopic || justSetTopicArn || null;
  const complaintTopicArn = attrs?.ComplaintTopic || justSetTopicArn || null;
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
      advice:
        'Until notifications are set up, SES emails bounces and complaints to the address the mail came from (feedback forwarding): they reach you only if that mailbox exists and someone reads it. Set up notifications to have them sent to an address you choose, so you hear about every address to take off your lists.',
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
      'AWS has sent an email to the address, titled “AWS Notification - Subscription Confirmation”. Open it and click “Confirm subscription”: until then nothing is sent to that address (SES keeps emailing bounces and complaints to the sender address meanwhile). Look in the spam folder if it is not there.',
  };
}
