/**
 * The one IPC contract: every channel the renderer may call, with the zod schema its input must pass
 * and the type of what it returns. The router enforces it; the preload allows only these names; the
 * renderer imports the types from here.
 */
import { z } from 'zod';
import { connectInput, copyableText, empty, profileId, stepId } from './schemas';
import { CHANNEL_NAMES, EVENT_NAMES } from './channel-names';

/** A failure written for a person: what happened, why, and what to do. */
export interface AssistantError {
  code: string;
  title: string;
  explanation: string;
  fix: string;
  retryable: boolean;
  /** A short technical hint for support (an error name, never a value the person typed). */
  detail?: string;
  /** For invalid input: which fields were wrong, with a message each. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AssistantError };

export type CredentialKind = 'long-term' | 'temporary' | 'aws-profile';

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
  profiles: ProfileSummary[];
  activeProfileId: string | null;
  region: string;
  keychainMode: KeychainMode;
  /** Things the person should know since the last start, e.g. a settings file that was repaired. */
  notices: string[];
  lastReport: ConnectionReport | null;
}

export interface AwsProfileInfo {
  name: string;
  /** What the profile holds, in words: "access keys", "single sign-on", "role". */
  kind: 'keys' | 'sso' | 'role' | 'other';
  region?: string;
}

export interface Channel<I extends z.ZodType, O> {
  input: I;
  /** Phantom: only the type is used. */
  output?: O;
}
export function channel<O>() {
  return <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });
}

export const contract = {
  'app.state': channel<AppState>()(empty),
  'wizard.goTo': channel<AppState>()(z.object({ step: stepId }).strict()),
  'awsProfiles.list': channel<AwsProfileInfo[]>()(empty),
  'connection.connect': channel<ConnectionReport>()(connectInput),
  'connection.test': channel<ConnectionReport>()(z.object({ profileId }).strict()),
  'keychain.useSessionOnly': channel<AppState>()(empty),
  'profiles.forget': channel<AppState>()(z.object({ profileId }).strict()),
  /** Copies a value that is not secret (a DNS record, a code snippet) through the main process. */
  'clipboard.copy': channel<{ copied: true }>()(z.object({ text: copyableText }).strict()),
  // sending user, ledger, SMTP credentials (issue 3)
  // region, identities, DNS (issue 4)
  // sandbox, test sends, dashboard (issue 5)
  // rotation and reminders (issue 6)
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const CHANNELS: readonly ChannelName[] = CHANNEL_NAMES;

// Compile-time check that channel-names.ts (used by the preload) lists exactly the contract's channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _namesMatchContract: Same<(typeof CHANNEL_NAMES)[number], ChannelName> = true;
void _namesMatchContract;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = NonNullable<Contract[C]['output']>;

/** Events the main process pushes to the renderer (window.assistant.on). */
export const EVENTS = EVENT_NAMES;
export type EventName = (typeof EVENT_NAMES)[number];
export interface ProgressEvent {
  task: string;
  message: string;
}

/** What the preload exposes on window.assistant. */
export interface AssistantBridge {
  invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  on(event: EventName, listener: (payload: ProgressEvent) => void): () => void;
}
