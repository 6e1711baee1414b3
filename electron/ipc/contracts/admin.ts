/**
 * Admin access: the channels beside admin.open/status/forget in contract.ts.
 * Its part of the IPC contract: each channel's input schema and output type. Merged in ../contract.ts.
 */
import { channel } from '../channel';
import { adminDeleteKeyInput } from '../inputs/admin';
import type { AdminKeyDeleted } from '../../features/connection/types';

export const adminContract = {
  /**
   * Deletes the admin session's own long-term key (made just for this) with that key, then forgets
   * the session. Refused for root keys, keys from an AWS profile and temporary keys.
   */
  'admin.deleteKey': channel<AdminKeyDeleted>()(adminDeleteKeyInput),
} as const;
