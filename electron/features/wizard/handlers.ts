/**
 * Small services every screen uses: copying a value the person needs (a DNS record, a policy) to the
 * clipboard, opening a help or console page in their browser, and keeping the answers typed on a
 * screen until they are sent (drafts). The contract lets through only https links to the
 * allow-listed hosts (platform/origin.ts), and main.ts checks again.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';
import { draftStore } from '../../core/drafts';

export function wizardHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'clipboard.copy' | 'links.open' | 'drafts.get' | 'drafts.save'> {
  const drafts = draftStore(ctx.settings);
  return {
    'drafts.get': async () => drafts.get(),
    'drafts.save': async ({ form, answers }) => {
      await drafts.update((d) => ({ ...d, [form]: answers }));
      return { saved: true };
    },
    'clipboard.copy': async ({ text }) => {
      ctx.clipboard.writeText(text);
      return { copied: true };
    },
    'links.open': async ({ url }) => ({ opened: ctx.openExternal.open(url) }),
  };
}
