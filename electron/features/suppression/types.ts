/**
 * What the suppression list and the reputation alarms show (renderer/features/suppression/).
 * Dates cross IPC as ISO strings.
 */
import type { RateKind } from '../../core/facts/reputation';

/** Why SES put an address on the account's suppression list. */
export type SuppressionReason = 'BOUNCE' | 'COMPLAINT';

/** Whose keys read or changed the list: the admin session when open, otherwise the sending user. */
export type ReadWith = 'admin' | 'sending-user';

export interface SuppressionSettings {
  region: string;
  /** The reasons for which SES adds addresses by itself (GetAccount → SuppressionAttributes). */
  suppressedReasons: SuppressionReason[];
  /** The reasons still off: what "Turn on" would add. */
  missing: SuppressionReason[];
  allOn: boolean;
  /** One plain sentence on what the settings mean now. */
  summary: string;
  readWith: ReadWith;
  /** Whether the account is in the sandbox here (GetAccount's ProductionAccessEnabled), null when not said. */
  sandbox: boolean | null;
  /** In the sandbox: that AWS does not allow changing the list until production access, in words. */
  sandboxNote: string | null;
}

export interface SuppressedAddress {
  address: string;
  reason: SuppressionReason;
  /** When SES last added or updated the address (ISO). */
  lastUpdate: string;
  /** Why it is there, in words. */
  why: string;
}

export interface SuppressedAddressDetail extends SuppressedAddress {
  /** The message whose bounce or complaint put it there, when SES says (Attributes.MessageId). */
  messageId: string | null;
  /** SES's identifier of that bounce or complaint (Attributes.FeedbackId). */
  feedbackId: string | null;
  /** What removing it means, in words. */
  removing: string;
}

export interface SuppressionPage {
  region: string;
  addresses: SuppressedAddress[];
  /** Where the next page starts; null on the last page. */
  nextToken: string | null;
  /** For a search: how many addresses were looked through, and whether the search stopped early. */
  searched?: { looked: number; stoppedEarly: boolean; query: string };
  readWith: ReadWith;
}

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface AlarmView {
  name: string;
  kind: RateKind;
  metric: string;
  /** The rate (a fraction) at which it fires, and the same in words ("4 %"). */
  threshold: number;
  thresholdWords: string;
  state: AlarmState;
  /** CloudWatch's own reason for the state, when it gave one. */
  stateReason: string | null;
  /** When the state last changed (ISO), when known. */
  since: string | null;
}

export interface AlarmsView {
  region: string;
  /** The alarms the assistant made in this region, as CloudWatch reports them now. */
  alarms: AlarmView[];
  /** The address the alarm topic emails, once set up. */
  notifyAddress: string | null;
  /** What AWS advises staying below, the lines the alarms warn at, and where AWS reviews and pauses, in words. */
  lines: { kind: RateKind; adviseBelow: string; warnAt: string; reviewAt: string; pauseAt: string }[];
  asOf: string;
  sources: readonly string[];
}

/** What a background check found (checkAlarms in index.ts). */
export interface AlarmCheck {
  /** Every alarm of the assistant's in ALARM now. */
  alarming: AlarmView[];
  /** Those that were not in ALARM at the previous check. */
  newlyAlarming: AlarmView[];
  /** The tray notification to show, or null when nothing is new. */
  notification: { title: string; body: string; openStep: string } | null;
}
