/**
 * The feedback area's settings slice: the queue of each region (SES publishes only to topics of its
 * own region) and what feeds it. No secrets here.
 */
import { z } from 'zod';
import type { ServiceContext } from '../../core/context';
import { featureState } from '../../core/feature-state';

const queueSetup = z.object({
  queueUrl: z.string(),
  queueArn: z.string(),
  accountId: z.string(),
  /** The topics subscribed to the queue: the queue policy lets exactly these send to it. */
  topicArns: z.array(z.string()),
  identities: z.array(z.string()),
  deliveries: z.boolean(),
  setUpAt: z.string(),
  policy: z.enum(['updated', 'manual']),
  /** Topics someone else had set on an identity, which the queue joined instead of replacing them. */
  joined: z
    .array(
      z.object({
        identity: z.string(),
        topicArn: z.string(),
        types: z.array(z.enum(['Bounce', 'Complaint', 'Delivery'])),
      }),
    )
    .default([]),
});

const slice = z.object({ queues: z.record(z.string(), queueSetup).default({}) });

export type QueueSetup = z.infer<typeof queueSetup>;

export const feedbackState = (ctx: Pick<ServiceContext, 'settings'>) =>
  featureState(ctx.settings, 'feedback', slice, () => ({ queues: {} }));

/** The queue of the current region, or null. */
export function queueOf(
  ctx: Pick<ServiceContext, 'settings'>,
  region = ctx.settings.get().region,
): QueueSetup | null {
  return feedbackState(ctx).get().queues[region] ?? null;
}

/** The queue the sending user's policy must let it read, for the current region (undefined when none). */
export function feedbackQueueArnOf(ctx: Pick<ServiceContext, 'settings'>): string | undefined {
  return queueOf(ctx)?.queueArn;
}
