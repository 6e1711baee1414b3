/**
 * The language switch: the choice is kept in the settings, so the next start speaks it too; null
 * goes back to following the operating system's language.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';

export function languageHandlers(
  ctx: ServiceContext,
  deps: { state: Handlers['app.state'] },
): Pick<Handlers, 'language.set'> {
  return {
    'language.set': async ({ language }) => {
      await ctx.settings.update((s) => ({ ...s, language }));
      return deps.state({});
    },
  };
}
