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
import { CHANNEL_NAMES } from './channel-names';
import { channel } from './channel';
import { cloudflareContract } from './contracts/cloudflare';
import { handoffContract } from './contracts/handoff';
import { feedbackContract } from './contracts/feedback';
import { suppressionContract } from './contracts/suppression';
import { setupRightsContract } from './contracts/setup-rights';
import { adminContract } from './contracts/admin';
import { snippetsContract } from './contracts/snippets';
import { draftsContract } from './contracts/drafts';
import { ownAddressContract } from './contracts/own-address';
import { languageContract } from './contracts/language';

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

import type { DashboardView } from '../features/dashboard/dashboard';
import type { Route53Preview, Route53PublishResult } from '../features/dns/route53';
import type { IdentityView } from '../features/identities/identities';
import type { NotificationStatus } from '../features/notifications/notifications';
import type { RegionChoice, RegionListing } from '../features/region/types';
import type { KeyStatus } from '../features/rotation/view';
import type { Draft } from '../features/sandbox/draft';
import type { ReadinessReport } from '../features/sandbox/readiness';
import type { SandboxStatus } from '../features/sandbox/sandbox';
import type { SimulatorAddress } from '../features/sending/simulator';
import type { SenderIdentity, TestSendResult } from '../features/sending/test-send';
// The shapes each side of the contract shares live with the code that makes them; the renderer
// still imports every type from here, the one door.
export type { AssistantError, Result } from '../core/errors';
export type { AdminSummary } from '../core/admin-session';
export type { AwsProfileInfo } from '../core/aws-profiles';
export type { EventName, ProgressEvent } from '../core/events';
export type { AppState, ConnectionReport, MissingRightsError } from '../features/connection/types';
export type { PolicyView } from '../features/sending-user/types';
export type { LedgerItem, RemovalReport } from '../features/ledger/types';
import type { Result } from '../core/errors';
import type { EventName, ProgressEvent } from '../core/events';
import type { AdminSummary } from '../core/admin-session';
import type { AwsProfileInfo } from '../core/aws-profiles';
import type { AppState, ConnectionReport } from '../features/connection/types';
import type { PolicyView } from '../features/sending-user/types';
import type { LedgerItem, RemovalReport } from '../features/ledger/types';

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
  /** The DNS records the domain needs, worded for its DNS host. */
  'dns.plan': channel<DnsPlanView>()(dnsDomainInput),
  /** Asks the domain's own nameservers for every record and names the mistakes. */
  'dns.check': channel<DnsReport>()(dnsDomainInput),
  'dns.export': channel<{ text: string }>()(dnsExportInput),
  /** SES regions with the identities the account has in each (a region that does not answer: null). */
  'regions.list': channel<RegionListing>()(empty),
  /** Saves the region; changing one chosen before needs confirmChange (everything in SES is per region). */
  'regions.choose': channel<RegionChoice>()(regionsChooseInput),
  'identities.list': channel<IdentityView[]>()(empty),
  'identities.verifyDomain': channel<IdentityView>()(verifyDomainInput),
  /** Tells SES to use the custom MAIL FROM domain (bounce.<domain> by default) for a domain it has. */
  'identities.setMailFrom': channel<IdentityView>()(verifyDomainInput),
  'identities.verifyEmail': channel<IdentityView>()(verifyEmailInput),
  /** One identity's state, for polling while the Sender screen is open. */
  'identities.status': channel<IdentityView>()(identityStatusInput),
  /** Admin session: which SES records are missing or wrong in the domain's Route 53 zone. */
  'route53.preview': channel<Route53Preview>()(route53DomainInput),
  /** Admin session: writes only those records (UPSERT), after an explicit click. */
  'route53.publish': channel<Route53PublishResult>()(route53PublishInput),
  /** Test sends: the senders, the mailbox simulator, one message over the API or SMTP. */
  'send.senders': channel<SenderIdentity[]>()(empty),
  'send.simulatorAddresses': channel<SimulatorAddress[]>()(empty),
  'send.test': channel<TestSendResult>()(testSendInput),
  'send.verifyRecipient': channel<{ address: string; status: string; verified: boolean }>()(
    verifyRecipientInput,
  ),
  /** Bounce and complaint notifications: read with any session, set up with the admin session. */
  'notifications.status': channel<NotificationStatus>()(notificationsStatusInput),
  'notifications.setup': channel<NotificationStatus>()(notificationsSetupInput),
  /** Leaving the sandbox: status per region (GetAccount, or GetSendQuota when denied). */
  'sandbox.status': channel<SandboxStatus>()(sandboxStatusInput),
  /** The use-case description drafted from the answers so far (pure; at most 5,000 characters). */
  'sandbox.draft': channel<Draft>()(sandboxDraftInput),
  'sandbox.readiness': channel<ReadinessReport>()(sandboxReadinessInput),
  /** "Submit for me": PutAccountDetails with ProductionAccessEnabled, only with confirm: true. */
  'sandbox.submit': channel<SandboxStatus>()(sandboxSubmitInput),
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
  'dashboard.get': channel<DashboardView>()(empty),
  /** The key's age, due date, reminders and any rotation in progress (masked key IDs only). */
  'rotation.status': channel<KeyStatus>()(empty),
  'rotation.start': channel<KeyStatus>()(
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
  'rotation.resume': channel<KeyStatus>()(
    z.object({ useAdmin: z.boolean().optional(), removeActiveExtraKey: z.boolean().optional() }).strict(),
  ),
  'rotation.confirmOldKeyUnused': channel<KeyStatus>()(z.object({ confirm: z.literal(true) }).strict()),
  'rotation.rollback': channel<KeyStatus>()(z.object({ confirm: z.literal(true) }).strict()),
  'rotation.importProfile': channel<KeyStatus>()(z.object({ profileId }).strict()),
  'reminders.set': channel<KeyStatus>()(
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
  // Areas added later keep their part of the contract in contracts/, one file an area.
  ...cloudflareContract,
  ...handoffContract,
  ...feedbackContract,
  ...suppressionContract,
  ...adminContract,
  ...snippetsContract,
  ...setupRightsContract,
  ...draftsContract,
  ...ownAddressContract,
  ...languageContract,
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

/** What the preload exposes on window.assistant. */
export interface AssistantBridge {
  invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  /**
   * The app state the preload asked for as the page began to load, so the answer travels while the
   * page's scripts download and compile. Given once; later calls ask again.
   */
  firstState(): Promise<Result<AppState>>;
  on(event: EventName, listener: (payload: ProgressEvent) => void): () => void;
}
