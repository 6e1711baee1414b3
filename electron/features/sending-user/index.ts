/** What other areas may use of the sending user: its policies' pieces and what is known of it. */
export { withFeedbackQueue, feedbackQueueStatement, isSendingPolicyArn } from './policy';
export { forgetSendingUser, selfRotationOf, setupRightsRemoved } from './state';
