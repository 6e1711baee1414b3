/**
 * Failures of setting up bounce and complaint notifications: errors from Amazon SNS
 * (AuthorizationError, topic and subscription limits, an address SNS will not take) and SES's
 * InvalidSnsTopic when the topic is missing or in another region.
 */
import { named, shapeOf } from './shape';
import type { ErrorContext, AssistantError } from './types';

/** The error written for a person, or null when it is none of the notification errors above. */
export function notificationError(err: unknown, context: ErrorContext): AssistantError | null {
  const shape = shapeOf(err);
  const message = typeof shape.message === 'string' ? shape.message : '';
  const region = context.region ?? 'this region';
  const name = shape.name ?? shape.Code ?? '';
  const detail = name || undefined;
  if (named(name, 'InvalidSnsTopic'))
    return {
      code: 'SNS_TOPIC_UNUSABLE',
      title: 'SES cannot use this notification topic',
      explanation: `The topic is missing, or it is in another region than ${region}. SES can only send bounce and complaint notices to a topic in the same region and account.`,
      fix: 'Let the assistant create the topic again in this region.',
      retryable: false,
      detail,
    };
  if (named(name, 'AuthorizationError'))
    return {
      code: 'SNS_NOT_ALLOWED',
      title: 'The admin access may not set up notifications',
      explanation:
        'AWS refused to create the topic or the subscription (Amazon SNS) for these admin credentials.',
      fix: 'Use admin credentials allowed to use SNS (sns:CreateTopic, sns:Subscribe) and SES (ses:SetIdentityNotificationTopic).',
      retryable: false,
      detail,
    };
  if (named(name, 'TopicLimitExceeded', 'SubscriptionLimitExceeded'))
    return {
      code: 'SNS_LIMIT',
      title: 'Your account has reached an SNS limit',
      explanation: 'Amazon SNS allows a limited number of topics or subscriptions per account.',
      fix: 'Delete topics or subscriptions you no longer use in the SNS console, then try again.',
      retryable: false,
      detail,
    };
  if (named(name, 'InvalidParameter') && /endpoint|email/i.test(message))
    return {
      code: 'SNS_BAD_ADDRESS',
      title: 'That address cannot receive notifications',
      explanation: 'Amazon SNS did not accept the address for the bounce and complaint emails.',
      fix: 'Check the address for typos and try again.',
      retryable: false,
      detail,
    };

  return null;
}
