/** What the Connect and Connected screens show: a saved connection, its test report, the app state. */
import type { Language } from '../../ipc/inputs/language';
import type { z } from 'zod';
import type { AdminLimit } from '../../core/admin-session';
import type { CredentialKind } from '../../core/credential-kind';
import type { AssistantError } from '../../core/errors';
import type { stepId } from '../../ipc/schemas';

export type { CredentialKind };

/** A saved connection as the renderer sees it: never a secret, only a masked key id. */
export interface ProfileSummary {
  id: string;
  label: string;
  credentialKind: CredentialKind;
  awsProfileName?: string;
  accessKeyIdMasked?: string;
  accountId: string;
  arn: string;
  region: string;
  connectedAt: string;
}

export interface SendQuota {
  max24HourSend: number;
  maxSendRate: number;
  sentLast24Hours: number;
}

export interface ConnectionReport {
  profile: ProfileSummary;
  userName: string;
  quota: SendQuota;
  /** SES sandbox: only verified recipients, at most 200 a day and 1 a second. */
  sandbox: boolean;
  testedAt: string;
}

export type KeychainMode = 'keychain' | 'session-only';

export interface AppState {
  step: z.infer<typeof stepId>;
  /** The screens the person has been on, which the progress bar offers to go back to. */
  reached: z.infer<typeof stepId>[];
  profiles: ProfileSummary[];
  activeProfileId: string | null;
  region: string;
  keychainMode: KeychainMode;
  /** Things the person should know since the last start, e.g. a settings file that was repaired. */
  notices: string[];
  lastReport: ConnectionReport | null;
  /** Region names by code ("us-east-1" → "US East (N. Virginia)"), from the one region data module. */
  regionNames: Record<string, string>;
  /** The language the screens speak: the one chosen in the app, else the operating system's. */
  language: Language;
  /** True when the person chose it; false while it follows the operating system. */
  languageChosen: boolean;
}

/** The long-term admin key that deleted itself (admin.deleteKey): masked, with whose it was. */
export interface AdminKeyDeleted {
  keyIdMasked: string;
  userName: string;
  accountId: string;
}

/**
 * Admin keys that may do none of what admin access is for (ADMIN_MISSING_RIGHTS): one sentence and
 * the fix, with the missing permissions by what they are for beside them, for the screen to fold.
 */
export interface MissingRightsError extends AssistantError {
  code: 'ADMIN_MISSING_RIGHTS';
  missing: AdminLimit[];
}
