/**
 * DNS for SES: the records a domain needs, the live check of what it publishes, and the SPF
 * merge. The pieces live beside this file; this is the feature's front door, and the only part
 * of it other features may import.
 *
 * Screen: the DNS records screen (renderer/features/dns/DnsStep.tsx).
 */
export { mergeSpf, SPF_LOOKUP_LIMIT } from './spf';
export { evaluateSpf, type SpfEvaluation } from './spf';
export { buildPlan, mailFromFor, type ExistingRecords, type PlanInput } from './record-plan';
export { checkDomain, type CheckOptions } from './checker';
export { planFor, readToday, type Today } from './today';
export { recogniseHost, GENERIC_HOST } from './hosts';
export { toBind, toCsv } from './export';
export { recordsToWrite } from './diff';
export type * from './types';
export { dnsOptions } from './options';
export { dmarcProblem, isDmarc } from './dmarc';
export { removeRecord } from './route53';
export { previewDigest } from './preview-digest';
