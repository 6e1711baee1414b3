/**
 * The one IPC contract: every channel the renderer may call, with the zod schema its input must pass
 * and the type of what it returns. The router enforces it; the preload allows only these names; the
 * renderer imports the types from here.
 */
import { z } from 'zod';
import {
  connectInput,
  copyableText,
  empty,
  ledgerRemoveInput,
  policyInput,
  profileId,
  sendingUserInput,
  stepId,
} from './schemas';
import { CHANNEL_NAMES, EVENT_NAMES } from './channel-names';
import { sandboxDraftInput, sandboxReadinessInput, sandboxStatusInput, sandboxSubmitInput } from './schemas';
import { isAllowedExternalUrl } from '../platform/origin';
import { dnsDomainInput, dnsExportInput } from './schemas';
import {
  identityStatusInput,
  regionsChooseInput,
  route53DomainInput,
  route53PublishInput,
  verifyDomainInput,
  verifyEmailInput,
} from './schemas';
import type { DnsPlanView, DnsReport } from '../features/dns/types';
export type * from '../features/dns/types';
import type { SmtpLoginResult, SmtpSettings } from '../features/sending/smtp';
import {
  notificationsSetupInput,
  notificationsStatusInput,
  testSendInput,
  verifyRecipientInput,
} from './schemas';

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
  /** Region names by code ("us-east-1" → "US East (N. Virginia)"), from the one region data module. */
  regionNames: Record<string, string>;
}

/** Who the admin session belongs to: the credentials themselves never leave the main process. */
export interface AdminSummary {
  arn: string;
  accountId: string;
  kind: CredentialKind;
  since: string;
}

/** The sending user's policy, for the guided console path. */
export interface PolicyView {
  userName: string;
  policyName: string;
  json: string;
}

/** Something the app created in AWS. */
export interface LedgerItem {
  kind: string;
  id: string;
  region?: string;
  label?: string;
  meta?: Record<string, string>;
  createdAt: string;
}

export interface RemovalReport {
  removed: LedgerItem[];
  ledger: LedgerItem[];
  notes: string[];
}

export interface AwsProfileInfo {
  name: string;
  /** What the profile holds, in words: "access keys", "single sign-on", "role". */
  kind: 'keys' | 'sso' | 'role' | 'other';
  region?: string;
}

export interface Channel<I extends z.ZodType, O> {
  input: I;
  /** Phantom: only the type is used (wrapped so that null and undefined outputs survive). */
  output?: [O];
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
  /** Admin credentials for the steps that need them: held in memory only, never returned. */
  'admin.open': channel<AdminSummary>()(connectInput),
  'admin.status': channel<AdminSummary | null>()(empty),
  'admin.forget': channel<null>()(empty),
  'sendingUser.create': channel<ConnectionReport>()(sendingUserInput),
  'sendingUser.policy': channel<PolicyView>()(policyInput),
  'sendingUser.cloudShell': channel<{ command: string }>()(policyInput),
  'ledger.list': channel<LedgerItem[]>()(empty),
  'ledger.remove': channel<RemovalReport>()(ledgerRemoveInput),
  'ledger.removeAll': channel<RemovalReport>()(z.object({ confirm: z.literal(true) }).strict()),
  /** SMTP settings for the person's apps: never the password, only whether one can be made. */
  'smtp.settings': channel<SmtpSettings>()(z.object({ profileId: profileId.optional() }).strict()),
  /** Copies the SMTP user name or password in the main process: the password never crosses IPC. */
  'smtp.copy': channel<{ copied: true }>()(
    z
      .object({
        what: z.enum(['userName', 'password'], { error: 'Choose the user name or the password.' }),
        profileId: profileId.optional(),
      })
      .strict(),
  ),
  /** THE ONE EXCEPTION: returns the SMTP password, only after the person clicked "Show". */
  'smtp.revealPassword': channel<{ password: string }>()(
    z
      .object({
        profileId: profileId.optional(),
        confirm: z.literal(true, { error: 'Showing the password needs an explicit click.' }),
      })
      .strict(),
  ),
  'smtp.testLogin': channel<SmtpLoginResult>()(
    z
      .object({
        profileId: profileId.optional(),
        port: z.union([z.literal(587), z.literal(465)], { error: 'The SMTP port is 587 or 465.' }).optional(),
      })
      .strict(),
  ),
  // sending user, ledger, SMTP credentials (issue 3)
  /** The DNS records the domain needs, worded for its DNS host (issue 4). */
  'dns.plan': channel<DnsPlanView>()(dnsDomainInput),
  /** Asks the domain's own nameservers for every record and names the mistakes. */
  'dns.check': channel<DnsReport>()(dnsDomainInput),
  'dns.export': channel<{ text: string }>()(dnsExportInput),
  /** SES regions with the identities the account has in each (a region that does not answer: null). */
  'regions.list': channel<import('../features/identities/handlers').RegionListing>()(empty),
  /** Saves the region; changing one chosen before needs confirmChange (everything in SES is per region). */
  'regions.choose': channel<import('../features/identities/handlers').RegionChoice>()(regionsChooseInput),
  'identities.list': channel<import('../features/identities/identities').IdentityView[]>()(empty),
  'identities.verifyDomain':
    channel<import('../features/identities/identities').IdentityView>()(verifyDomainInput),
  'identities.verifyEmail':
    channel<import('../features/identities/identities').IdentityView>()(verifyEmailInput),
  /** One identity's state, for polling while the Sender screen is open. */
  'identities.status':
    channel<import('../features/identities/identities').IdentityView>()(identityStatusInput),
  /** Admin session: which SES records are missing or wrong in the domain's Route 53 zone. */
  'route53.preview': channel<import('../features/dns/route53').Route53Preview>()(route53DomainInput),
  /** Admin session: writes only those records (UPSERT), after an explicit click. */
  'route53.publish': channel<import('../features/dns/route53').Route53PublishResult>()(route53PublishInput),
  // region, identities, DNS (issue 4)
  /** Test sends (issue 5): the senders, the mailbox simulator, one message over the API or SMTP. */
  'send.senders': channel<import('../features/sending/test-send').SenderIdentity[]>()(empty),
  'send.simulatorAddresses': channel<import('../features/sending/simulator').SimulatorAddress[]>()(empty),
  'send.test': channel<import('../features/sending/test-send').TestSendResult>()(testSendInput),
  'send.verifyRecipient': channel<{ address: string; status: string; verified: boolean }>()(
    verifyRecipientInput,
  ),
  /** Bounce and complaint notifications: read with any session, set up with the admin session. */
  'notifications.status':
    channel<import('../features/notifications/notifications').NotificationStatus>()(notificationsStatusInput),
  'notifications.setup':
    channel<import('../features/notifications/notifications').NotificationStatus>()(notificationsSetupInput),
  /** Leaving the sandbox (issue 5): status per region (GetAccount, or GetSendQuota when denied). */
  'sandbox.status': channel<import('../features/sandbox/sandbox').SandboxStatus>()(sandboxStatusInput),
  /** The use-case description drafted from the answers so far (pure; at most 5,000 characters). */
  'sandbox.draft': channel<import('../features/sandbox/draft').Draft>()(sandboxDraftInput),
  'sandbox.readiness':
    channel<import('../features/sandbox/handlers').ReadinessReport>()(sandboxReadinessInput),
  /** "Submit for me": PutAccountDetails with ProductionAccessEnabled, only with confirm: true. */
  'sandbox.submit': channel<import('../features/sandbox/sandbox').SandboxStatus>()(sandboxSubmitInput),
  /** Records that the person pasted the draft into the console form instead. */
  'sandbox.usedConsole': channel<{ route: 'console' | 'api'; at: string }>()(sandboxStatusInput),
  /** Opens an allow-listed https link (AWS console, documentation) in the browser. */
  'links.open': channel<{ opened: boolean }>()(
    z
      .object({
        url: z
          .string({ error: 'That link cannot be opened.' })
          .max(2048, 'That link cannot be opened.')
          .refine(isAllowedExternalUrl, 'That link is not one the app opens.'),
      })
      .strict(),
  ),
  'dashboard.get': channel<import('../features/dashboard/dashboard').DashboardView>()(empty),
  // sandbox, test sends, dashboard (issue 5)
  /** The key's age, due date, reminders and any rotation in progress (masked key IDs only). */
  'rotation.status': channel<import('../features/rotation/view').KeyStatus>()(empty),
  'rotation.start': channel<import('../features/rotation/view').KeyStatus>()(
    z
      .object({
        profileId,
        retireAfterHours: z
          .number({ error: 'Choose how many hours to wait.' })
          .int('Use whole hours.')
          .min(1, 'Wait at least one hour.')
          .max(24 * 30, 'Wait at most 30 days.')
          .optional(),
        useAdmin: z.boolean().optional(),
        removeActiveExtraKey: z.boolean().optional(),
      })
      .strict(),
  ),
  'rotation.resume': channel<import('../features/rotation/view').KeyStatus>()(
    z.object({ useAdmin: z.boolean().optional(), removeActiveExtraKey: z.boolean().optional() }).strict(),
  ),
  'rotation.confirmOldKeyUnused': channel<import('../features/rotation/view').KeyStatus>()(
    z.object({ confirm: z.literal(true) }).strict(),
  ),
  'rotation.rollback': channel<import('../features/rotation/view').KeyStatus>()(
    z.object({ confirm: z.literal(true) }).strict(),
  ),
  'rotation.importProfile': channel<import('../features/rotation/view').KeyStatus>()(
    z.object({ profileId }).strict(),
  ),
  'reminders.set': channel<import('../features/rotation/view').KeyStatus>()(
    z
      .object({
        periodDays: z
          .number({ error: 'Enter a number of days.' })
          .int('Use whole days.')
          .min(7, 'Choose at least 7 days.')
          .max(730, 'Rotate at least every two years (730 days).')
          .optional(),
        snoozeUntil: z.iso.datetime({ error: 'That is not a date and time.' }).nullable().optional(),
        stayInTray: z.boolean().optional(),
        launchAtLogin: z.boolean().optional(),
      })
      .strict(),
  ),
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
export type OutputOf<C extends ChannelName> = NonNullable<Contract[C]['output']>[0];

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
