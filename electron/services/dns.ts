/**
 * DNS for SES: the records a domain needs, the live check of what it publishes, and the SPF
 * merge. The pieces live in ./dns/; this is the area's front door.
 */
export { mergeSpf, countSpfLookups, SPF_LOOKUP_LIMIT } from './dns/spf';
export {
  buildPlan,
  mailFromFor,
  normaliseDomain,
  type ExistingRecords,
  type PlanInput,
} from './dns/record-plan';
export { checkDomain, readExisting, type CheckOptions } from './dns/checker';
export { recogniseHost, GENERIC_HOST, type DnsHost } from './dns/hosts';
export { toBind, toCsv } from './dns/export';
export { recordsToWrite } from './dns/diff';
export type * from './dns/types';
