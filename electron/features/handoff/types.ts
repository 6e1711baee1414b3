/**
 * The hand-off: a message a person forwards to whoever manages their DNS, and the watch that tells
 * them when every record is in place. The JSON of `ses-assistant dns-handoff --json` is this shape
 * (see README, "DNS hand-off"): add fields, never rename them.
 */
import type { RecordPurpose, RecordType } from '../dns/types';

export interface HandOffRecord {
  purpose: RecordPurpose;
  type: RecordType;
  /** The full name, without a trailing dot. */
  name: string;
  /** The name relative to the zone that holds it (`@` for the zone's apex). */
  relativeName: string;
  /** What to type in the host's name field (the short name, or "short (or full)" for hosts that take both). */
  nameToType: string;
  value: string;
  /** Seconds. */
  ttl: number;
  /** One sentence: what the record does. */
  why: string;
  /** From the live check when one was made: true once the domain's nameservers publish it. */
  inPlace: boolean | null;
}

export interface HandOffHost {
  /** A known host's id (cloudflare, godaddy, …) or "other". */
  id: string;
  name: string;
  recognised: boolean;
  /** How the host's form labels the record name. */
  nameField: string;
  /** Step by step, in the host's own words. */
  tips: string[];
  /** Why the assistant does not add the records at this host itself, when there is a reason to say. */
  whyNotAutomatic: string | null;
}

export interface HandOff {
  domain: string;
  /** The domain as people read it (bücher.example); equal to `domain` for ASCII names. */
  unicodeDomain: string;
  /** The DNS zone the records go in. */
  zone: string;
  region: string;
  host: HandOffHost;
  records: HandOffRecord[];
  /** The zone's nameservers (NS names), asked by the `dig` lines; empty when DNS could not be read. */
  nameservers: string[];
  /** One `dig` line per record, which the recipient can run to see it published. */
  digLines: string[];
  /** True when every record is already published; null when DNS could not be checked. */
  allInPlace: boolean | null;
  subject: string;
  /** The whole message as plain text (what Copy puts on the clipboard). */
  text: string;
}

/** What the hand-off panel shows: the message, and whether it fits a mail link. */
export interface HandOffView extends HandOff {
  mail: { fits: boolean; length: number; limit: number };
  watch: HandOffWatchState;
}

export interface HandOffWatchState {
  /** True while the app checks this domain in the background. */
  watching: boolean;
  since: string | null;
  lastCheckedAt: string | null;
  /** When every record was seen in place (the notification was sent then). */
  doneAt: string | null;
}

/**
 * Part of every way of sending the message. `remade`: null when the message used is the one last
 * shown; otherwise that message, made again because the AWS connection or region changed since
 * it was shown (the shown one would name the wrong DKIM tokens or MAIL FROM host), for the panel
 * to show in its place.
 */
export interface HandOffSent {
  remade: HandOffView | null;
}

export interface HandOffCopied extends HandOffSent {
  copied: true;
}

export interface HandOffSaved extends HandOffSent {
  /** Where the file was saved; null when the person cancelled. */
  path: string | null;
}

export interface HandOffMailed extends HandOffSent {
  opened: boolean;
  /** `full`: the whole message is in the mail. `note`: a short note, the message saved to attach. */
  mode: 'full' | 'note' | 'cancelled';
  /** The file to attach, in `note` mode. */
  attach: string | null;
}
