/**
 * Writing the DNS records at Cloudflare with a token the person makes for this one zone.
 * Its part of the IPC contract: each channel's input schema and output type. Merged in ../contract.ts.
 */
import { channel } from '../channel';
import {
  cloudflareConnectInput,
  cloudflareDomainInput,
  cloudflarePreviewInput,
  cloudflareWriteInput,
} from '../inputs/cloudflare';
import type {
  CloudflarePreview,
  CloudflareStatus,
  CloudflareWriteResult,
} from '../../features/cloudflare/types';

export const cloudflareContract = {
  /** Whether a token is kept for the domain, and the zone it opens (no network). */
  'cloudflare.status': channel<CloudflareStatus>()(cloudflareDomainInput),
  /** Opens Cloudflare's token page pre-filled with the two permissions and a name. */
  'cloudflare.openTokenPage': channel<{ opened: boolean }>()(cloudflareDomainInput),
  /**
   * Verifies a pasted token (a user's or an account's), finds the domain's zone with it, keeps it in
   * the keychain; a token that reaches other zones only with `allowOtherZones` naming exactly them.
   */
  'cloudflare.connect': channel<CloudflareStatus>()(cloudflareConnectInput),
  'cloudflare.forget': channel<CloudflareStatus>()(cloudflareDomainInput),
  /** What writing would add, change, find already right and leave alone. Changes nothing. */
  'cloudflare.preview': channel<CloudflarePreview>()(cloudflarePreviewInput),
  'cloudflare.write': channel<CloudflareWriteResult>()(cloudflareWriteInput),
} as const;
