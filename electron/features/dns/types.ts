/**
 * The DNS step's data, shared by the plan, the checker, the IPC contract and the CLI's JSON.
 * The report's shape is stable and documented in the README: add fields, never rename them.
 */

export type RecordType = 'CNAME' | 'TXT' | 'MX';

/** Why a record is in the plan; also the `purpose` field of the CLI's JSON. */
export type RecordPurpose = 'dkim' | 'dmarc' | 'mail-from-mx' | 'mail-from-spf';

export interface PlannedRecord {
  purpose: RecordPurpose;
  type: RecordType;
  /** The full name, without a trailing dot (e.g. abc._domainkey.example.com). */
  name: string;
  /**
   * The name relative to the DNS zone that holds it (abc._domainkey, or abc._domainkey.mail for
   * mail.shop.example in the zone shop.example), for hosts whose name field wants that.
   */
  relativeName: string;
  /** The value to publish; for MX, "10 feedback-smtp.<region>.amazonses.com". */
  value: string;
  /** One sentence a person can read: what this record does. */
  why: string;
  /** Required records make SES work; an optional one is only offered. */
  required: boolean;
}

export interface PlanNote {
  code: string;
  message: string;
}

export interface DnsPlan {
  /** The domain as DNS knows it (ASCII; xn--… for an international name). */
  domain: string;
  /** The same name as people read it (bücher.example); equal to `domain` for ASCII names. */
  unicodeDomain: string;
  /** The DNS zone the records go in: the domain itself, or the zone above a subdomain identity. */
  zone: string;
  region: string;
  mailFromDomain: string;
  records: PlannedRecord[];
  /** The apex SPF record as it would read with amazonses.com merged in: optional, never required. */
  apexSpfOption: { name: string; existing: string | null; merged: string; alreadyIncluded: boolean } | null;
  /** Things found while planning: a DMARC policy kept, a MAIL FROM refused, … */
  notes: PlanNote[];
}

export type RecordStatus = 'ok' | 'missing' | 'wrong' | 'propagating';

/** A mistake found by name; codes are stable (see README, "DNS check"). */
export type ProblemCode =
  | 'DOUBLED_DOMAIN'
  | 'DKIM_NOT_CNAME'
  | 'SPF_MULTIPLE'
  | 'SPF_TOO_MANY_LOOKUPS'
  | 'SPF_PERMERROR'
  | 'MAIL_FROM_CNAME_CLASH'
  | 'DMARC_MISSING'
  | 'DMARC_MALFORMED'
  | 'STRAY_TRAILING_DOT'
  | 'STRAY_QUOTES'
  | 'NO_ANSWER'
  | 'OTHER_REGION';

export interface DnsProblem {
  code: ProblemCode;
  /** What is wrong, in plain words. */
  message: string;
  /** What to do about it, in the DNS host's own terms where we know them. */
  fix: string;
}

export interface RecordCheck {
  purpose: RecordPurpose;
  type: RecordType;
  name: string;
  expected: string;
  /** What the domain's own (authoritative) nameservers answer for this name and type. */
  found: string[];
  status: RecordStatus;
  problems: DnsProblem[];
}

export interface DnsHostInfo {
  id: string;
  name: string;
}

/** A DNS host and how to word instructions for it. */
export interface DnsHost extends DnsHostInfo {
  /** How the host's form labels the record name. */
  nameField: string;
  /** `relative`: type `abc._domainkey`, the host adds the domain. `either`: both work. */
  nameStyle: 'relative' | 'either';
  /** Host-specific advice, in plain words. */
  tips: string[];
}

/** What the DNS screen shows: the plan, and the host its instructions are worded for. */
export interface DnsPlanView extends DnsPlan {
  /** The recognised host, or a generic one (id "other") when unknown. */
  host: DnsHost;
  /** False when the domain's DNS could not be read, so DMARC and MAIL FROM were planned blind. */
  dnsRead: boolean;
}

export interface DnsReport {
  domain: string;
  /** The DNS host recognised from the NS records, or null when unknown. */
  dnsHost: DnsHostInfo | null;
  records: RecordCheck[];
  /** Problems that belong to no single record (the apex SPF record). */
  problems: DnsProblem[];
  /** What the check assumed about DMARC: a policy kept, reordered, inherited from a parent, … */
  notes: PlanNote[];
  /** The domain's NS names (or the servers asked, when it names none). */
  nameservers: string[];
  /** The servers the questions went to (host or host:port). */
  asked: string[];
  checkedAt: string;
  elapsedMs: number;
}
