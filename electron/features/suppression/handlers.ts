/**
 * The account-level suppression list and the reputation alarms (issue #16).
 */
import type { ServiceContext } from '../../core/context';
import type { suppressionContract } from '../../ipc/contracts/suppression';
import type { Handlers } from '../../ipc/router';

export function suppressionHandlers(_ctx: ServiceContext): Pick<Handlers, keyof typeof suppressionContract> {
  return {};
}
