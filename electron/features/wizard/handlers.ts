/**
 * Two small services every screen uses: copying a value the person needs (a DNS record, a policy)
 * to the clipboard, and opening a help or console page in their browser. The contract lets through
 * only https links to the allow-listed hosts (platform/origin.ts), and main.ts checks again.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';

export function wizardHandlers(ctx: ServiceContext): Pick<Handlers, 'clipboard.copy' | 'links.open'> {
  return {
    'clipboard.copy': async ({ text }) => {
      ctx.clipboard.writeText(text);
      return { copied: true };
    },
    'links.open': async ({ url }) => ({ opened: ctx.openExternal.open(url) }),
  };
}
