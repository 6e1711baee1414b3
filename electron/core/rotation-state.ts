/**
 * The persisted shape of a key rotation and of the reminder settings. It lives in the settings file,
 * so it holds no secret: the keys themselves rest in the keychain (see rotation/key-slots.ts). Key
 * IDs are kept in full because a rotation resumed after a crash must know which key is which; AWS
 * does not treat an access key ID as secret, and only masked forms ever leave the main process.
 */
import { z } from 'zod';
import type { ErrorCode } from './errors/codes';

/**
 * The steps of a rotation, in order. Each is safe to repeat: a rotation interrupted anywhere is
 * resumed by running its current step again.
 */
export const ROTATION_PHASES = [
  'checking', // list the user's keys, deal with a second one
  'creating', // create the new key and put it in the keychain (as "pending")
  'waiting', // wait until AWS accepts the new key
  'switching', // make the new key the app's own key
  'handover', // the person updates their apps; the old key is watched
  'deactivating', // the old key is switched off
  'verifying', // the app's key still works and the old one is not in use
  'deleting', // the old key is deleted
  'done',
] as const;
export type RotationPhase = (typeof ROTATION_PHASES)[number];

const storedError = z.object({
  // Written by this app from an AssistantError; a code a later version no longer declares is still
  // shown by its title and words, so it is read as is rather than refused.
  code: z.string().transform((code) => code as ErrorCode),
  title: z.string(),
  explanation: z.string(),
  fix: z.string(),
  retryable: z.boolean(),
  detail: z.string().optional(),
});

export const rotationState = z.object({
  profileId: z.string(),
  phase: z.enum(ROTATION_PHASES),
  userName: z.string(),
  region: z.string(),
  oldKeyId: z.string(),
  /** The AWS account of the sending user; missing in rotations saved by older versions. */
  accountId: z.string().optional(),
  newKeyId: z.string().nullable().default(null),
  newKeyCreatedAt: z.string().nullable().default(null),
  startedAt: z.string(),
  /** When the new key became the app's key and was handed to the person. */
  handedOverAt: z.string().nullable().default(null),
  /** The old key is retired once nothing used it for this long after the handover. */
  retireAfterHours: z.number().positive().default(72),
  /** The person said their apps use the new key: the old one may go without waiting. */
  confirmedUnused: z.boolean().default(false),
  /** Last time AWS saw the old key used (from GetAccessKeyLastUsed). */
  oldKeyLastUsedAt: z.string().nullable().default(null),
  oldKeyCheckedAt: z.string().nullable().default(null),
  deactivatedAt: z.string().nullable().default(null),
  finishedAt: z.string().nullable().default(null),
  /** The person chose to use the admin session for this rotation (the sending user lacks the rights). */
  useAdmin: z.boolean().default(false),
  /** Why the last attempt stopped; cleared when a step succeeds. */
  lastError: storedError.nullable().default(null),
  /** What was removed on the way, for the screen: e.g. an inactive second key. */
  removedExtraKeyId: z.string().nullable().default(null),
});
export type RotationState = z.infer<typeof rotationState>;

export const reminderSettings = z.object({
  periodDays: z.number().int().min(7).max(730).default(90),
  snoozeUntil: z.string().nullable().default(null),
  lastRemindedAt: z.string().nullable().default(null),
  /** Keep running in the tray when the window is closed. */
  stayInTray: z.boolean().default(false),
  launchAtLogin: z.boolean().default(false),
});
