/**
 * The shapes of the bounce and complaint events: as stored on disk, as shown on the feedback screen
 * and the dashboard card. Plain data; the contract imports these as types.
 */
import type { AssistantError } from '../../core/errors';

export type FeedbackKind = 'bounce' | 'complaint' | 'delivery';

/** One recipient's bounce, complaint or delivery, as SES reported it. */
export interface FeedbackEvent {
  /** Unique: the notification's id and the recipient's place in it. */
  id: string;
  /**
   * The notification it came in: its topic and SNS message id ("<topic ARN>/<MessageId>"), the key that
   * keeps a redelivered message from counting twice.
   */
  notificationId: string;
  kind: FeedbackKind;
  address: string;
  /** When it happened, as SES reports it (ISO). */
  at: string;
  /** When the assistant stored it (ISO). */
  receivedAt: string;
  bounceType?: string;
  bounceSubType?: string;
  complaintType?: string;
  complaintSubType?: string;
  /** What the receiving server said (the DSN's Diagnostic-Code or, for a delivery, its SMTP answer). */
  diagnostic?: string;
  /** The enhanced status code, e.g. 5.1.1. */
  status?: string;
  /** The message it answered. */
  message: { id: string; subject?: string; from?: string; sentAt?: string };
}

/** What an event means and what to do about it, in plain words (from core/facts/feedback.ts). */
export interface FeedbackMeaning {
  title: string;
  explanation: string;
  action: string;
  /** True when the address should not be mailed again. */
  stopMailing: boolean;
}

export type FeedbackEventView = FeedbackEvent & { meaning: FeedbackMeaning };

export interface FeedbackPage {
  events: FeedbackEventView[];
  /** Events stored in all. */
  total: number;
  /** Events that match the filter and search. */
  matched: number;
}

export interface FeedbackCounts {
  bounce: number;
  complaint: number;
  delivery: number;
  /** Messages that could not be read, kept aside. */
  unreadable: number;
}

export interface FeedbackRetention {
  days: number;
  maxEvents: number;
}

/** One run of reading the queue. */
export interface PollReport {
  at: string;
  received: number;
  stored: number;
  duplicates: number;
  unreadable: number;
  /** Forged or unverifiable messages: deleted from the queue, kept aside, never stored as events. */
  refused: number;
  /** Messages whose signing certificate could not be fetched now: left in the queue for the next read. */
  deferred: number;
  complaints: number;
}

/** Messages refused as forged or unverifiable, and why the newest one was, in one sentence. */
export interface FeedbackRefusals {
  count: number;
  latest: { at: string; reason: string } | null;
}

export interface FeedbackSetup {
  queueUrl: string;
  queueArn: string;
  accountId: string;
  identities: string[];
  deliveries: boolean;
  setUpAt: string;
  /** 'updated': the sending user's policy now lets it read the queue; 'manual': the person must add the statement. */
  policy: 'updated' | 'manual';
  /**
   * Topics someone else had already set on a sender (their own pipeline): the queue listens to them
   * too, and they stay where they are.
   */
  joined: { identity: string; topicName: string; types: ('Bounce' | 'Complaint' | 'Delivery')[] }[];
}

export interface FeedbackStatus {
  region: string;
  setup: FeedbackSetup | null;
  /** Senders the assistant verified in this region, offered on the set-up form. */
  knownIdentities: string[];
  /** The statement to add by hand when the assistant did not create the sending user's policy. */
  manualStatement: string | null;
  lastCheck: { report: PollReport | null; error: AssistantError | null; at: string } | null;
  counts: FeedbackCounts;
  refused: FeedbackRefusals;
  retention: FeedbackRetention;
}

/** The dashboard card: the counts and the last few events. */
export interface FeedbackSummary {
  setUp: boolean;
  counts: FeedbackCounts;
  latest: FeedbackEventView[];
  lastError: AssistantError | null;
}

export interface FeedbackCsv {
  fileName: string;
  csv: string;
  rows: number;
}
