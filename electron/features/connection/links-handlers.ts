/**
 * Opening a link in the person's browser. The contract lets through only https links to the
 * allow-listed hosts (platform/origin.ts), and main.ts checks the same list again before opening.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';

export function linksHandlers(ctx: ServiceContext): Pick<Handlers, 'links.open'> {
  return {
    'links.open': async ({ url }) => ({ opened: ctx.openExternal.open(url) }),
  };
}
