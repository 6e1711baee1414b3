/**
 * The hand-off message for whoever runs the DNS elsewhere, and the watch that tells when every record is in place (issue #15).
 */
import type { ServiceContext } from '../../core/context';
import type { handoffContract } from '../../ipc/contracts/handoff';
import type { Handlers } from '../../ipc/router';

export function handoffHandlers(_ctx: ServiceContext): Pick<Handlers, keyof typeof handoffContract> {
  return {};
}
