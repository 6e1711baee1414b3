/** "What this app created": the list, and removing one entry or all of them. */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';
import { removeAll, removeOne } from './removal';

export function ledgerHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'ledger.list' | 'ledger.remove' | 'ledger.removeAll'> {
  return {
    'ledger.list': async () => ctx.settings.get().ledger,
    'ledger.remove': ({ kind, id, region }) => removeOne(ctx, kind, id, region),
    'ledger.removeAll': () => removeAll(ctx),
  };
}
