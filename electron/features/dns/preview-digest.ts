/**
 * What a person confirmed is what gets written: a preview carries a fingerprint of the changes it
 * shows, the write plans again and compares, and writes nothing when DNS or SES changed in between
 * (the person is then shown the new preview to confirm). Used by every path that writes records.
 */
import { createHash } from 'node:crypto';

/** The fingerprint of what a preview would write (the same code builds the same key order). */
export function previewDigest(whatWouldBeWritten: unknown): string {
  return createHash('sha256').update(JSON.stringify(whatWouldBeWritten)).digest('hex');
}
