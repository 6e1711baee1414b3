/**
 * What the key screen is told about the key, its age, the reminders and a rotation in progress.
 * Types only (the renderer imports them through the contract): key IDs appear masked, never whole,
 * and no secret is ever part of it.
 */
import type { AssistantError } from '../../core/errors';

export type RotationPhaseName =
  | 'checking'
  | 'creating'
  | 'waiting'
  | 'switching'
  | 'handover'
  | 'deactivating'
  | 'verifying'
  | 'deleting'
  | 'done';

export interface RotationProgress {
  phase: RotationPhaseName;
  region: string;
  oldKeyIdMasked: string;
  newKeyIdMasked: string | null;
  startedAt: string;
  handedOverAt: string | null;
  retireAfterHours: number;
  /** When the old key will be retired if nothing uses it in the meantime. */
  retireAt: string | null;
  oldKeyLastUsedAt: string | null;
  oldKeyCheckedAt: string | null;
  /** AWS saw the old key used after the hand-over: some app still has it. */
  oldKeyUsedSinceHandover: boolean;
  confirmedUnused: boolean;
  deactivatedAt: string | null;
  finishedAt: string | null;
  useAdmin: boolean;
  removedExtraKeyIdMasked: string | null;
  /** Why it stopped, when it did: shown with Retry and Roll back. */
  error: AssistantError | null;
  /** Roll back is still possible (the old key is not deleted yet). */
  canRollBack: boolean;
}

export interface ReminderPreferences {
  periodDays: number;
  snoozeUntil: string | null;
  stayInTray: boolean;
  launchAtLogin: boolean;
}

export interface KeySchedule {
  dueDate: string;
  dueAt: string;
  ageDays: number;
  daysLeft: number;
  status: 'fresh' | 'soon' | 'due' | 'overdue';
  nextReminderAt: string;
}

export interface KeyStatus {
  profileId: string | null;
  keyIdMasked: string | null;
  /** Null when this connection can be rotated; otherwise why not, in plain words. */
  cannotRotate: null | { reason: 'not-connected' | 'aws-profile' | 'temporary'; explanation: string };
  awsProfileName: string | null;
  keyCreatedAt: string | null;
  lastRotatedAt: string | null;
  schedule: KeySchedule | null;
  reminders: ReminderPreferences;
  rotation: RotationProgress | null;
  /** Admin credentials are held in this session (an admin-assisted rotation is possible now). */
  adminAvailable: boolean;
  /**
   * "admin": the assistant made this key without the right to replace itself, so a change needs
   * admin access; "own-key": it may; "unknown": a key the assistant did not make (tried on its own).
   */
  rotatesWith: 'own-key' | 'admin' | 'unknown';
}
