/**
 * What every area of the assistant (connection, sending user, DNS, sandbox, sending, rotation) is
 * given to work with. Built once in assistant.ts from injected parts; each area's handlers take it.
 */
import type { AwsClients, AwsFiles, CredentialSource, Endpoints } from './aws-clients';
import type { Log } from './log';
import type { SecretStore } from './secret-store';
import type { ProfileRecord, SettingsStore } from './settings';
import type { Vault } from './vault';
import type { AdminSession } from './admin-session';
import type { ClipboardPort, NotifierPort, OpenExternalPort, SaveFilePort } from './ports';
import type { EventName, ProgressEvent } from './events';

/** Test peers and advanced overrides: where SMTP and DNS traffic goes instead of the real hosts. */
export interface PeerOverrides {
  /** SMTP: connect here instead of email-smtp.<region>.amazonaws.com; `ca` trusts a test certificate. */
  smtp?: { host: string; port: number; ca?: string };
  /** DNS: ask this server instead of the domain's own nameservers, and this one as the recursive view. */
  /**
   * Where DNS questions go, and how long one may take (tests on a loaded machine give the loopback
   * nameserver more than the 2.5 s a real one gets).
   */
  dns?: { authoritative?: string; resolver?: string; timeoutMs?: number };
  /** Cloudflare: its API v4 here instead of https://api.cloudflare.com/client/v4 (a loopback peer). */
  cloudflare?: { apiBase: string };
  /**
   * Amazon SNS's signing certificates: the PEM text for a certificate address, fetched from a loopback
   * peer instead of AWS. Asked only for an address already checked to be https on an SNS host.
   */
  snsCertificates?: (url: URL) => Promise<string>;
}

export interface ServiceContext {
  settings: SettingsStore;
  /** The operating system's locale (Electron's app.getLocale()); the language follows it until one is chosen. */
  osLocale: () => string;
  log: Log;
  clock: () => Date;
  newId: () => string;
  vault: Vault;
  secretStore(): SecretStore;
  useSecretStore(store: SecretStore): void;
  awsEndpoints?: Endpoints;
  awsMaxAttempts?: number;
  awsFiles: AwsFiles;
  peers: PeerOverrides;
  /** AWS clients for any credentials (an admin session, a new key being tested). */
  awsClients(region: string, credentials: CredentialSource): AwsClients;
  /** The saved connection, or the active one when no id is given; fails in plain words when there is none. */
  profile(profileId?: string): ProfileRecord;
  credentialsOf(record: ProfileRecord): Promise<CredentialSource>;
  /** AWS clients for a saved connection (the active one by default). */
  clientsFor(profileId?: string, region?: string): Promise<AwsClients>;
  /** Drops the cached AWS clients of a connection (it was forgotten): none outlives it. */
  evictClients(profileId: string): void;
  /** Admin credentials held in memory for the steps that need them (see admin-session.ts). */
  admin: AdminSession;
  clipboard: ClipboardPort;
  /** Opens an allow-listed link in the person's browser (the AWS console, documentation). */
  openExternal: OpenExternalPort;
  notifier: NotifierPort;
  /** Saves a file where the person chooses (the hand-off message); a save dialog in the app. */
  saveFile: SaveFilePort;
  /** Pushes an event to the renderer (progress of long tasks). */
  emit(event: EventName, payload: ProgressEvent): void;
}
