/**
 * What other areas may use of feedback: how the ledger removes what it created, the background reader
 * (started by platform/desktop.ts), the dashboard card's summary, and the queue the sending user's
 * policy must allow.
 */
import type { Removers } from '../ledger/types';
import { DELIVERY_TOPIC_KIND, QUEUE_KIND, removeDeliveryTopic, removeQueue } from './setup';

export { startFeedbackPoll, type FeedbackPoll } from './poll';
export { feedbackSummary } from './view';
export { feedbackQueueArnOf } from './state';
export type { FeedbackSummary } from './types';

export const FEEDBACK_REMOVERS: Removers = {
  kinds: {
    [QUEUE_KIND]: (admin, entry) => removeQueue(admin, entry.meta?.queueUrl ?? ''),
    [DELIVERY_TOPIC_KIND]: (admin, entry) => removeDeliveryTopic(admin, entry.id, entry.meta?.identity),
  },
  // The queue goes before the topics that feed it (and their subscriptions).
  first: [QUEUE_KIND],
};
