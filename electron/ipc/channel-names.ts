/**
 * The names of the IPC channels and events, alone, so the preload can allow-list them without
 * bundling the schemas. contract.ts checks at compile time that this list and the contract agree.
 */
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
  // sending user, ledger, SMTP credentials (issue 3)
  'dns.plan',
  'dns.check',
  'dns.export',
  'regions.list',
  'regions.choose',
  'identities.list',
  'identities.verifyDomain',
  'identities.verifyEmail',
  'identities.status',
  'route53.preview',
  'route53.publish',
  // region, identities, DNS (issue 4)
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
  // sandbox, test sends, dashboard (issue 5)
  'rotation.status',
  'rotation.start',
  'rotation.resume',
  'rotation.confirmOldKeyUnused',
  'rotation.rollback',
  'rotation.importProfile',
  'reminders.set',
  // rotation and reminders (issue 6)
] as const;

export const EVENT_NAMES = ['progress'] as const;
