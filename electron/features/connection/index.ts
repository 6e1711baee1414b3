/** What other features may use of the connection: the SES account reads they share. */
export { looksSandboxed, sendQuota } from './connection';
export type * from './types';
