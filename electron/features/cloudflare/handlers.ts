/**
 * Writing the DNS records at Cloudflare with a token the person makes for this one zone (issue #15).
 */
import type { ServiceContext } from '../../core/context';
import type { cloudflareContract } from '../../ipc/contracts/cloudflare';
import type { Handlers } from '../../ipc/router';

export function cloudflareHandlers(_ctx: ServiceContext): Pick<Handlers, keyof typeof cloudflareContract> {
  return {};
}
