/**
 * What other areas may use of notifications: the name of a sender's bounce and complaint topic, and
 * the topics set on an identity now, with those someone else set (joined, never replaced).
 */
export {
  detachTopic,
  identityTopics,
  topicNameFor,
  topicsOfOthers,
  type NotificationType,
} from './notifications';
