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
  // sending user, ledger, SMTP credentials (issue 3)
  // region, identities, DNS (issue 4)
  // sandbox, test sends, dashboard (issue 5)
  // rotation and reminders (issue 6)
] as const;

export const EVENT_NAMES = ['progress'] as const;
