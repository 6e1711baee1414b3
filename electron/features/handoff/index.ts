/**
 * The DNS hand-off: the message for whoever runs a domain's DNS elsewhere, and the background watch
 * that tells the person when every record is in place. The feature's front door.
 */
export { startHandOffWatch, type HandOffWatch } from './watch';
export type * from './types';
