/** What other features may use of key rotation: the key's age and state, for the dashboard. */
export type { KeyStatus } from './view';
