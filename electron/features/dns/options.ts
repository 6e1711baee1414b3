import type { ServiceContext } from '../../core/context';
import type { CheckOptions } from './checker';

/** Where DNS questions go: a given nameserver alone also serves as the resolver view. */
export function dnsOptions(ctx: ServiceContext): CheckOptions {
  const { authoritative, resolver, timeoutMs } = ctx.peers.dns ?? {};
  const view = resolver ?? authoritative;
  return {
    authoritative: authoritative ? [authoritative] : undefined,
    resolver: view ? [view] : undefined,
    clock: ctx.clock,
    ...(timeoutMs ? { timeoutMs } : {}),
  };
}
