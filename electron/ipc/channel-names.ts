/**
 * The names of the IPC channels and events, alone, so the preload can allow-list them without
 * bundling the schemas. contract.ts checks at compile time that this list and the contract agree.
 * Areas added later keep theirs in names/, one file an area, beside their contract in contracts/.
 */
import { CLOUDFLARE_CHANNELS } from './names/cloudflare';
import { HANDOFF_CHANNELS } from './names/handoff';
import { FEEDBACK_CHANNELS } from './names/feedback';
import { SUPPRESSION_CHANNELS } from './names/suppression';
import { ADMIN_CHANNELS } from './names/admin';
import { SNIPPETS_CHANNELS } from './names/snippets';
import { SETUP_RIGHTS_CHANNELS } from './names/setup-rights';
import { DRAFTS_CHANNELS } from './names/drafts';
import { OWN_ADDRESS_CHANNELS } from './names/own-address';
import { LANGUAGE_CHANNELS } from './names/language';

export const CHANNEL_NAMES = [
  'app.state',
  'wizard.goTo',
  'awsProfiles.list',
  'connection.connect',
  'connection.test',
  'keychain.useSessionOnly',
  'profiles.forget',
  'clipboard.copy',
  'admin.open',
  'admin.status',
  'admin.forget',
  'sendingUser.create',
  'sendingUser.policy',
  'sendingUser.cloudShell',
  'ledger.list',
  'ledger.remove',
  'ledger.removeAll',
  'smtp.settings',
  'smtp.copy',
  'smtp.revealPassword',
  'smtp.testLogin',
  'dns.plan',
  'dns.check',
  'dns.export',
  'regions.list',
  'regions.choose',
  'identities.list',
  'identities.verifyDomain',
  'identities.setMailFrom',
  'identities.verifyEmail',
  'identities.status',
  'route53.preview',
  'route53.publish',
  'send.senders',
  'send.simulatorAddresses',
  'send.test',
  'send.verifyRecipient',
  'notifications.status',
  'notifications.setup',
  'sandbox.status',
  'sandbox.draft',
  'sandbox.readiness',
  'sandbox.submit',
  'sandbox.usedConsole',
  'links.open',
  'dashboard.get',
  'rotation.status',
  'rotation.start',
  'rotation.resume',
  'rotation.confirmOldKeyUnused',
  'rotation.rollback',
  'rotation.importProfile',
  'reminders.set',
  ...CLOUDFLARE_CHANNELS,
  ...HANDOFF_CHANNELS,
  ...FEEDBACK_CHANNELS,
  ...SUPPRESSION_CHANNELS,
  ...ADMIN_CHANNELS,
  ...SNIPPETS_CHANNELS,
  ...SETUP_RIGHTS_CHANNELS,
  ...DRAFTS_CHANNELS,
  ...OWN_ADDRESS_CHANNELS,
  ...LANGUAGE_CHANNELS,
] as const;

export const EVENT_NAMES = ['progress'] as const;
