/** What other areas may use of notifications: the name of a sender's bounce and complaint topic. */
export { topicNameFor } from './notifications';
