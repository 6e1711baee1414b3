/**
 * What other features may use of the connection: the SES account reads they share, and forgetting
 * a connection (the ledger does when it deletes the connection's key).
 */
export { looksSandboxed, sendQuota } from './connection';
export { forgetConnection } from './forget';
export type * from './types';
