/**
 * Keeps checking a handed-off domain while the person waits for whoever manages its DNS, and tells
 * them once, with a desktop notification, when every record is in place. Each check is the DNS
 * screen's live check, run with the facts saved at hand-off time: no AWS call, so no key and never
 * admin access. Nothing is asked of DNS while no domain is awaited. Timers and the clock are
 * injected so tests drive it without waiting.
 */
import type { ServiceContext } from '../../core/context';
import { checkDomain, dnsOptions } from '../dns/index';
import type { DnsReport } from '../dns/types';
import { handOffState, isAwaited } from './state';
import type { HandOffFacts } from './prepare';

/** Records usually show within minutes; a check every five costs a handful of DNS questions. */
export const DEFAULT_INTERVAL_MS = 5 * 60_000;
/** Never more often than this, whatever a caller asks. */
export const MIN_INTERVAL_MS = 10_000;
/** DNS changes take up to 72 hours to be seen everywhere; after two weeks the person has moved on. */
export const WATCH_FOR_MS = 14 * 24 * 60 * 60_000;

export interface HandOffWatchOptions {
  intervalMs?: number;
  /** The first check after start: records may have appeared while the app was closed. */
  firstCheckMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** The live check; the DNS feature's by default. */
  check?: (facts: HandOffFacts) => Promise<DnsReport>;
}

export interface HandOffWatch {
  /** Checks every awaited domain now; resolves to the domains found all in place this time. */
  check(): Promise<string[]>;
  stop(): void;
}

/** In place: what the domain's own nameservers and the resolver both answer is right. */
export function allInPlace(report: DnsReport): boolean {
  return report.records.length > 0 && report.records.every((r) => r.status === 'ok');
}

export function startHandOffWatch(ctx: ServiceContext, options: HandOffWatchOptions = {}): HandOffWatch {
  const intervalMs = Math.max(MIN_INTERVAL_MS, options.intervalMs ?? DEFAULT_INTERVAL_MS);
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  const live = options.check ?? ((facts) => checkDomain(facts, dnsOptions(ctx)));
  const state = handOffState(ctx.settings);
  let handle: unknown = null;
  let stopped = false;
  let running: Promise<string[]> | null = null;

  async function checkAll(): Promise<string[]> {
    const now = ctx.clock();
    const awaited = Object.entries(state.get().domains).filter(([, e]) => isAwaited(e, now, WATCH_FOR_MS));
    const done: string[] = [];
    for (const [domain, entry] of awaited) {
      try {
        const report = await live({ domain, ...entry });
        const at = ctx.clock().toISOString();
        const complete = allInPlace(report);
        // Re-read: the person may have stopped waiting while the check ran.
        let tell = false;
        await state.update((s) => {
          const current = s.domains[domain];
          if (!current || current.doneAt !== null || current.since !== entry.since) return s;
          tell = complete;
          return {
            domains: {
              ...s.domains,
              [domain]: { ...current, lastCheckedAt: at, doneAt: complete ? at : null },
            },
          };
        });
        if (!tell) continue;
        done.push(domain);
        ctx.notifier.notify({
          title: `Your DNS records for ${domain} are in place`,
          body: 'Every record you asked for can now be seen. SES verifies the domain on its own, usually within the hour.',
          openStep: 'dns',
        });
      } catch (err) {
        // Offline or DNS unreachable: try again next time; the DNS screen shows errors when opened.
        ctx.log.info('handoff watch: check failed', { domain, error: (err as Error).name });
      }
    }
    return done;
  }

  /** One check at a time: a click on "check now" during a timed check shares its answer. */
  function check(): Promise<string[]> {
    running ??= checkAll().finally(() => (running = null));
    return running;
  }

  function schedule(ms = intervalMs): void {
    if (stopped) return;
    handle = setTimer(() => void check().finally(() => schedule()), ms);
  }

  schedule(options.firstCheckMs ?? 30_000);
  return {
    check,
    stop() {
      stopped = true;
      if (handle !== null) clearTimer(handle);
    },
  };
}
