/**
 * The Cloudflare panel's channels on the DNS screen: the token page, the token (verified, kept in
 * the keychain, forgotten), the preview of the change and the write. The work is in service.ts.
 */
import type { ServiceContext } from '../../core/context';
import type { cloudflareContract } from '../../ipc/contracts/cloudflare';
import type { Handlers } from '../../ipc/router';
import { connect, currentStatus, forget, openTokenPage, preview, write } from './service';

export function cloudflareHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof cloudflareContract> {
  return {
    'cloudflare.status': ({ domain }) => currentStatus(ctx, domain),
    'cloudflare.openTokenPage': async ({ domain }) => openTokenPage(ctx, domain),
    'cloudflare.connect': ({ domain, token, allowOtherZones }) =>
      connect(ctx, domain, token, allowOtherZones),
    'cloudflare.forget': ({ domain }) => forget(ctx, domain),
    'cloudflare.preview': ({ domain, spf, mailFrom }) => preview(ctx, domain, spf, mailFrom),
    'cloudflare.write': ({ domain, spf, unproxy, mailFrom, digest }) =>
      write(ctx, domain, { spf, unproxy, mailFrom, digest }),
  };
}
