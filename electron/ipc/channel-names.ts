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
] as const;

export const EVENT_NAMES = ['progress'] as const;
