/**
 * Bounce and complaint events read from an SQS queue the app sets up, kept locally and shown on the feedback screen.
 * Its part of the IPC contract: each channel's input schema and output type. Merged in ../contract.ts.
 */
import { channel } from '../channel';
import { empty } from '../schemas';
import { feedbackFilterInput, feedbackListInput, feedbackSetupInput } from '../inputs/feedback';
import type {
  FeedbackCsv,
  FeedbackPage,
  FeedbackStatus,
  FeedbackSummary,
  PollReport,
} from '../../features/feedback/types';

export type * from '../../features/feedback/types';

export const feedbackContract = {
  /** Whether the queue is set up in this region, the last read, the counts and the storage bounds. */
  'feedback.status': channel<FeedbackStatus>()(empty),
  /** Admin session: the queue, its policy, the topics' subscriptions and the sending user's right to read it. */
  'feedback.setup': channel<FeedbackStatus>()(feedbackSetupInput),
  /** Reads the queue now with the sending user's key, until it is empty. */
  'feedback.check': channel<PollReport>()(empty),
  /** Stored events, newest first, filtered and searched, each with its meaning in plain words. */
  'feedback.list': channel<FeedbackPage>()(feedbackListInput),
  /** The filtered events as CSV text, for the screen to save or copy. */
  'feedback.exportCsv': channel<FeedbackCsv>()(feedbackFilterInput),
  /** The dashboard card: counts and the newest events. */
  'feedback.summary': channel<FeedbackSummary>()(empty),
} as const;
