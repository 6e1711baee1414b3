/**
 * DNS for SES: the records a domain needs, the live check of what it publishes, and the SPF
 * merge. The pieces live in ./dns/; this is the area's front door.
 */
export { mergeSpf, countSpfLookups, SPF_LOOKUP_LIMIT } from './spf';
export { buildPlan, mailFromFor, normaliseDomain, type ExistingRecords, type PlanInput } from './record-plan';
export { checkDomain, readExisting, type CheckOptions } from './checker';
export { recogniseHost, GENERIC_HOST, type DnsHost } from './hosts';
export { toBind, toCsv } from './export';
export { recordsToWrite } from './diff';
export type * from './types';
export { dnsOptions } from './options';
export { dmarcProblem, isDmarc } from './dmarc';
export { removeRecord } from './route53';
