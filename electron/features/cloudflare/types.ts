/**
 * What the Cloudflare part of the DNS screen shows: whether a token is kept for the domain, what
 * writing would change in its Cloudflare zone, and what was written. Shared with the IPC contract.
 */
import type { PlanNote, RecordPurpose, RecordType } from '../dns/types';

export interface CloudflareZoneInfo {
  id: string;
  name: string;
  /** Cloudflare's zone status: 'active', or 'pending' until the nameservers point to Cloudflare. */
  status: string;
}

export interface CloudflareStatus {
  domain: string;
  /** True when a verified token for the domain's zone is in the keychain (the token itself never leaves). */
  tokenSaved: boolean;
  zone: CloudflareZoneInfo | null;
  /** Zones the token can change besides this one: more than 0 means it was not narrowed to this domain. */
  otherZones: number;
  /** Their names, as the person confirmed them (empty for a token kept before names were asked for). */
  otherZoneNames: string[];
}

/** The apex SPF record, which is written only when the person chose the merged record. */
export type SpfChoice = 'keep' | 'merge';

export type ChangePurpose = RecordPurpose | 'apex-spf';

/** One planned record against what the zone holds. */
export interface CloudflareChange {
  purpose: ChangePurpose;
  type: RecordType;
  name: string;
  /** The value SES needs (for MX, "10 host"). */
  value: string;
  action: 'add' | 'change' | 'in-place';
  /** The Cloudflare record changed or already right. */
  recordId?: string;
  /** What the record holds today, for a change. */
  current?: string;
  /** True when the record is proxied (orange cloud) today. */
  proxied?: boolean;
  /**
   * A change that switches the record to "DNS only": made only after the person agreed, since the
   * record may serve something else through Cloudflare's proxy.
   */
  unproxy: boolean;
}

/** A record at one of the names that the assistant does not touch, and why. */
export interface LeftAlone {
  type: string;
  name: string;
  content: string;
  why: string;
}

export interface CloudflarePreview {
  domain: string;
  zone: CloudflareZoneInfo;
  changes: CloudflareChange[];
  leftAlone: LeftAlone[];
  /** Records elsewhere in the zone, never touched. */
  otherRecords: number;
  spf: {
    existing: string | null;
    merged: string;
    alreadyIncluded: boolean;
    /** DNS lookups of the merged record, when counted; over 10 it is never offered. */
    lookups: number | null;
    /** Whether the merged record may be written (it stays within 10 lookups). */
    canMerge: boolean;
    chosen: SpfChoice;
  } | null;
  notes: PlanNote[];
  /** The fingerprint of what this preview would write: a write needs it, and does only that. */
  digest: string;
}

export interface CloudflareWriteResult extends CloudflarePreview {
  /**
   * True when the zone, DNS or SES changed since the preview that was confirmed: nothing was
   * written, and this result is the new preview to confirm.
   */
  stale: boolean;
  written: CloudflareChange[];
  /** Proxied records left as they were because switching them to DNS only was not agreed. */
  skipped: CloudflareChange[];
}
