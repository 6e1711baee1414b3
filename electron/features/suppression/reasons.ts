/**
 * The pure part of the suppression list: which reasons are on, why an address is there and what
 * removing it means, in words a person reads, and the shapes SES returns turned into views.
 */
import type { SuppressedAddress, SuppressedAddressDetail, SuppressionReason } from './types';

export const REASONS: readonly SuppressionReason[] = ['BOUNCE', 'COMPLAINT'];

export function isReason(value: unknown): value is SuppressionReason {
  return value === 'BOUNCE' || value === 'COMPLAINT';
}

/** The reasons SES reported, known ones only, in a fixed order, without repeats. */
export function normaliseReasons(raw: readonly unknown[] | undefined): SuppressionReason[] {
  const seen = new Set((raw ?? []).filter(isReason));
  return REASONS.filter((r) => seen.has(r));
}

export function missingReasons(on: readonly SuppressionReason[]): SuppressionReason[] {
  return REASONS.filter((r) => !on.includes(r));
}

/** One sentence on what the account-level settings do now. */
export function settingsSummary(on: readonly SuppressionReason[]): string {
  if (on.length === REASONS.length)
    return 'SES stops sending by itself to any address that bounced for good or marked your mail as spam. That protects your bounce and complaint rates.';
  if (on.includes('BOUNCE'))
    return 'SES stops sending to addresses that bounced for good, but keeps sending to people who marked your mail as spam. Every new complaint counts against your account.';
  if (on.includes('COMPLAINT'))
    return 'SES stops sending to people who marked your mail as spam, but keeps trying addresses that bounced for good. Every new bounce counts against your account.';
  return 'SES keeps sending to addresses that bounced for good and to people who marked your mail as spam. Each of those counts against your account; turn the suppression list on.';
}

export function whyThere(reason: SuppressionReason): string {
  return reason === 'BOUNCE'
    ? 'Mail to this address bounced for good (the mailbox does not exist or refuses mail), so SES no longer sends to it.'
    : 'The person marked a message from you as spam, so SES no longer sends to this address.';
}

export function whatRemovingMeans(reason: SuppressionReason): string {
  return reason === 'BOUNCE'
    ? 'SES will send to this address again. If it still does not exist, the next message bounces and counts against your bounce rate. Remove it only if you know the address works now.'
    : 'SES will send to this person again. They asked not to get your mail: another complaint counts against your complaint rate. Remove it only if they asked to hear from you again.';
}

export interface RawSummary {
  EmailAddress?: string;
  Reason?: string;
  LastUpdateTime?: Date;
}

export function toAddress(raw: RawSummary): SuppressedAddress | null {
  if (!raw.EmailAddress || !isReason(raw.Reason)) return null;
  return {
    address: raw.EmailAddress,
    reason: raw.Reason,
    lastUpdate: (raw.LastUpdateTime ?? new Date(0)).toISOString(),
    why: whyThere(raw.Reason),
  };
}

export function toDetail(
  raw: RawSummary & { Attributes?: { MessageId?: string; FeedbackId?: string } },
): SuppressedAddressDetail | null {
  const base = toAddress(raw);
  if (!base) return null;
  return {
    ...base,
    messageId: raw.Attributes?.MessageId || null,
    feedbackId: raw.Attributes?.FeedbackId || null,
    removing: whatRemovingMeans(base.reason),
  };
}

/**
 * Whether an address matches what the person typed: any part of it, ignoring case and spaces
 * around. SES has no search of its own, only an exact look-up.
 */
export function matches(address: string, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q.length > 0 && address.toLowerCase().includes(q);
}
