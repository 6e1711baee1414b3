/**
 * Setting up bounce and complaint events with no server of the person's own, with the admin session:
 *
 * 1. an SQS queue, encrypted at rest (SqsManagedSseEnabled), keeping messages 14 days (SQS's most),
 *    long polling by default;
 * 2. for each sender, its bounce and complaint SNS topic (the same topic the email notifications use)
 *    set on the identity for Bounce and Complaint, and, when asked, a separate topic for Delivery
 *    (so the email subscribers are not sent a note for every delivered message); a topic someone
 *    else already set on the identity for a type is joined instead, never replaced, so the person's
 *    own pipeline keeps getting every notification;
 * 3. the queue subscribed to each topic with raw message delivery off (SNS's default): the SNS
 *    envelope is kept because it carries SNS's signature and the topic (trust.ts believes nothing
 *    else), and its MessageId is what de-duplicates a notification delivered twice (see parse.ts);
 * 4. a queue policy letting SNS send only from exactly those topics (aws:SourceArn) of this account
 *    (aws:SourceAccount). It does not stop a principal of this account whose own IAM policy allows
 *    sqs:SendMessage, which is why every message's topic and signature are checked as well, and a
 *    message without the envelope (raw delivery) is refused;
 * 5. the sending user's policy given a new default version that lets it receive and delete the
 *    messages of this one queue (only when the assistant made that policy; otherwise the person is
 *    shown the statement to add).
 *
 * Every resource goes in the ledger with the account it lives in. Running it again changes nothing
 * that is already right (CreateQueue and CreateTopic return what exists).
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import type { AwsClients } from '../../core/aws-clients';
import type { ServiceContext } from '../../core/context';
import { recordCreated } from '../../core/ledger';
import { readDefaultPolicy, writePolicyVersion } from '../../core/iam-policy-versions';
import {
  detachTopic,
  identityTopics,
  topicNameFor,
  topicsOfOthers,
  type NotificationType,
} from '../notifications';
import { isSendingPolicyArn, withFeedbackQueue } from '../sending-user';
import { feedbackState, queueOf, type QueueSetup } from './state';

export const QUEUE_NAME = 'ses-setup-assistant-feedback';
export const QUEUE_KIND = 'sqs-queue';
export const DELIVERY_TOPIC_KIND = 'sns-delivery-topic';
const TAG = { Key: 'created-by', Value: 'ses-setup-assistant' };
/** SQS keeps a message at most 14 days: as long as possible, so a laptop closed for a week loses nothing. */
const RETENTION_SECONDS = String(14 * 86_400);

export const deliveryTopicNameFor = (identity: string) =>
  `ses-${identity.replace(/[^A-Za-z0-9_-]/g, '-')}-deliveries`.slice(0, 256);

/** Only SNS, only from these topics, only in this account, may put messages in the queue. */
export function queuePolicy(queueArn: string, accountId: string, topicArns: string[]) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'FromThisAccountsSesTopics',
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: {
          ArnEquals: { 'aws:SourceArn': [...topicArns].sort() },
          StringEquals: { 'aws:SourceAccount': accountId },
        },
      },
    ],
  };
}

/** A topic the queue is subscribed to: the assistant's own, or one someone else set on the identity. */
interface TopicUse {
  arn: string;
  identity: string;
  types: NotificationType[];
  /** Set on the identity by someone else: subscribed to, never set or replaced by the assistant. */
  theirs: boolean;
}

/** The topics joined so far, one entry a topic and identity (the latest types win). */
function mergeJoined(earlier: QueueSetup['joined'], now: QueueSetup['joined']): QueueSetup['joined'] {
  const key = (j: QueueSetup['joined'][number]) => `${j.identity} ${j.topicArn}`;
  const fresh = new Set(now.map(key));
  return [...earlier.filter((j) => !fresh.has(key(j))), ...now];
}

export interface SetupInput {
  identities: string[];
  deliveries: boolean;
}

async function ensureQueue(admin: AwsClients): Promise<{ queueUrl: string; queueArn: string }> {
  const sqs = await admin.sqs();
  const sdk = await import('@aws-sdk/client-sqs');
  const created = await sqs.send(
    new sdk.CreateQueueCommand({
      QueueName: QUEUE_NAME,
      Attributes: {
        SqsManagedSseEnabled: 'true',
        MessageRetentionPeriod: RETENTION_SECONDS,
        ReceiveMessageWaitTimeSeconds: '20',
        VisibilityTimeout: '60',
      },
      tags: { [TAG.Key]: TAG.Value },
    }),
  );
  const queueUrl = created.QueueUrl ?? '';
  const attrs = await sqs.send(
    new sdk.GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  return { queueUrl, queueArn: attrs.Attributes?.QueueArn ?? '' };
}

/**
 * The sending user's policy, if the assistant made it and it is attached to the connection's user:
 * read back as IAM holds it, given the queue statement, and written as the new default version.
 */
async function grantQueueToSendingUser(
  ctx: ServiceContext,
  admin: AwsClients,
  accountId: string,
  queueArn: string,
): Promise<'updated' | 'manual'> {
  const own = new Set(
    ctx.settings
      .get()
      .ledger.filter((e) => e.kind === 'iam-policy' && (e.accountId ?? accountId) === accountId)
      .map((e) => e.id),
  );
  const profile = ctx.settings.get().profiles.find((p) => p.id === ctx.settings.get().activeProfileId);
  const userName = profile?.arn.split(':user/')[1]?.split('/').pop();
  if (!userName || profile?.accountId !== accountId || own.size === 0) return 'manual';
  const iam: IAMClient = await admin.iam();
  const sdk = await import('@aws-sdk/client-iam');
  const attached = await iam.send(new sdk.ListAttachedUserPoliciesCommand({ UserName: userName }));
  // The sending policy, never the setup policy beside it (which is detached once setup is done).
  const policyArn = attached.AttachedPolicies?.map((p) => p.PolicyArn).find(
    (arn) => arn && own.has(arn) && isSendingPolicyArn(arn),
  );
  if (!policyArn) return 'manual';
  const { document } = await readDefaultPolicy<Parameters<typeof withFeedbackQueue>[0]>(admin, policyArn);
  await writePolicyVersion(admin, policyArn, withFeedbackQueue(document, queueArn));
  return 'updated';
}

export async function setUpFeedback(
  ctx: ServiceContext,
  admin: AwsClients,
  accountId: string,
  input: SetupInput,
): Promise<QueueSetup> {
  const region = admin.region;
  const sns = await admin.sns();
  const ses = await admin.ses();
  const snsSdk = await import('@aws-sdk/client-sns');
  const sesSdk = await import('@aws-sdk/client-ses');
  const sqsSdk = await import('@aws-sdk/client-sqs');
  const earlier = queueOf(ctx, region);
  const identities = [...new Set([...(earlier?.identities ?? []), ...input.identities])];

  const { queueUrl, queueArn } = await ensureQueue(admin);
  await recordCreated(ctx, {
    kind: QUEUE_KIND,
    id: queueArn,
    region,
    accountId,
    label: 'Queue of bounce and complaint events (Amazon SQS)',
    meta: { queueUrl },
  });

  const topics: TopicUse[] = [];
  const joined: QueueSetup['joined'] = [];
  for (const identity of identities) {
    // A topic someone else already set on the identity keeps its place: the queue listens to it too.
    const theirs = topicsOfOthers(await identityTopics(admin, identity), [
      topicNameFor(identity),
      deliveryTopicNameFor(identity),
    ]);
    const wanted: NotificationType[] = input.deliveries
      ? ['Bounce', 'Complaint', 'Delivery']
      : ['Bounce', 'Complaint'];
    for (const arn of new Set(wanted.map((type) => theirs[type]).filter((a): a is string => !!a))) {
      const types = wanted.filter((type) => theirs[type] === arn);
      topics.push({ arn, identity, types, theirs: true });
      joined.push({ identity, topicArn: arn, types });
    }
    const ownTypes = wanted.filter((type) => type !== 'Delivery' && !theirs[type]);
    if (ownTypes.length > 0) {
      const topic = await sns.send(
        new snsSdk.CreateTopicCommand({ Name: topicNameFor(identity), Tags: [TAG] }),
      );
      topics.push({ arn: topic.TopicArn ?? '', identity, types: ownTypes, theirs: false });
      await recordCreated(ctx, {
        kind: 'sns-topic',
        id: topic.TopicArn ?? '',
        region,
        accountId,
        label: `Bounce and complaint topic of ${identity}`,
        meta: { identity },
      });
    }
    if (input.deliveries && !theirs.Delivery) {
      const delivery = await sns.send(
        new snsSdk.CreateTopicCommand({ Name: deliveryTopicNameFor(identity), Tags: [TAG] }),
      );
      topics.push({ arn: delivery.TopicArn ?? '', identity, types: ['Delivery'], theirs: false });
      await recordCreated(ctx, {
        kind: DELIVERY_TOPIC_KIND,
        id: delivery.TopicArn ?? '',
        region,
        accountId,
        label: `Delivery topic of ${identity}`,
        meta: { identity },
      });
    }
  }

  // The policy first: SNS must be allowed to send before the first notification is published.
  const topicArns = [...new Set([...(earlier?.topicArns ?? []), ...topics.map((t) => t.arn)])];
  const sqs = await admin.sqs();
  await sqs.send(
    new sqsSdk.SetQueueAttributesCommand({
      QueueUrl: queueUrl,
      Attributes: { Policy: JSON.stringify(queuePolicy(queueArn, accountId, topicArns)) },
    }),
  );

  for (const topic of topics) {
    const sub = await sns.send(
      new snsSdk.SubscribeCommand({
        TopicArn: topic.arn,
        Protocol: 'sqs',
        Endpoint: queueArn,
        // Raw message delivery stays at its default, off (see parse.ts for why the envelope is kept).
        // Not set explicitly: moto reads any value given, even "false", as on.
        ReturnSubscriptionArn: true,
      }),
    );
    if (sub.SubscriptionArn?.startsWith('arn:'))
      await recordCreated(ctx, {
        kind: 'sns-subscription',
        id: sub.SubscriptionArn,
        region,
        accountId,
        label: topic.theirs
          ? `Queue subscription to your topic ${topic.arn.split(':').pop()} (${topic.identity})`
          : `Queue subscription to the ${topic.types.includes('Delivery') ? 'delivery' : 'bounce and complaint'} topic of ${topic.identity}`,
        meta: { topicArn: topic.arn, endpoint: queueArn },
      });
    if (topic.theirs) continue;
    for (const type of topic.types)
      await ses.send(
        new sesSdk.SetIdentityNotificationTopicCommand({
          Identity: topic.identity,
          NotificationType: type,
          SnsTopic: topic.arn,
        }),
      );
  }

  const policy = await grantQueueToSendingUser(ctx, admin, accountId, queueArn);
  const setup: QueueSetup = {
    queueUrl,
    queueArn,
    accountId,
    topicArns,
    identities,
    deliveries: input.deliveries || (earlier?.deliveries ?? false),
    joined: mergeJoined(earlier?.joined ?? [], joined),
    setUpAt: ctx.clock().toISOString(),
    policy,
  };
  await feedbackState(ctx).update((s) => ({ ...s, queues: { ...s.queues, [region]: setup } }));
  return setup;
}

/** Removers for the ledger: the queue (before its topics), and a delivery topic. */
export async function removeQueue(admin: AwsClients, queueUrl: string): Promise<void> {
  const sqs = await admin.sqs();
  const sdk = await import('@aws-sdk/client-sqs');
  await sqs.send(new sdk.DeleteQueueCommand({ QueueUrl: queueUrl })).catch((err: { name?: string }) => {
    if (!/QueueDoesNotExist|NonExistentQueue/.test(err?.name ?? '')) throw err;
  });
}

export async function removeDeliveryTopic(
  admin: AwsClients,
  topicArn: string,
  identity?: string,
): Promise<void> {
  if (identity) await detachTopic(admin, identity, topicArn, ['Delivery']);
  const sns = await admin.sns();
  const snsSdk = await import('@aws-sdk/client-sns');
  await sns.send(new snsSdk.DeleteTopicCommand({ TopicArn: topicArn })).catch((err: { name?: string }) => {
    if (!/NotFound/.test(err?.name ?? '')) throw err;
  });
}
