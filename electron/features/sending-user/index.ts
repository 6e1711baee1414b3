/** What other areas may use of the sending user: the statement that lets it read the feedback queue. */
export { withFeedbackQueue, feedbackQueueStatement, FEEDBACK_QUEUE_ACTIONS } from './policy';
