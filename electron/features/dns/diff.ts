/**
 * Which planned records still need writing after a check: the missing and the wrong ones, never
 * those already in place or only propagating. For publishing to Route 53 ("only what is missing").
 */
import type { DnsPlan, DnsReport, PlannedRecord } from './types';

export function recordsToWrite(plan: DnsPlan, report: DnsReport): PlannedRecord[] {
  const byKey = new Map(report.records.map((r) => [`${r.purpose} ${r.name}`, r]));
  return plan.records.filter((record) => {
    const check = byKey.get(`${record.purpose} ${record.name}`);
    if (!check) return true;
    // A CNAME at the MAIL FROM name would make any MX or TXT written there fail: a person decides.
    if (check.problems.some((p) => p.code === 'MAIL_FROM_CNAME_CLASH')) return false;
    return check.status === 'missing' || check.status === 'wrong';
  });
}
