/**
 * The tray's look at the reputation alarms: every 15 minutes while the app runs (window or tray),
 * one notification when an alarm the assistant created starts firing. It uses the sending user's
 * key only (never admin access, which a timer must not use) and makes no AWS call while the ledger
 * holds no alarm. A failed look is logged without detail and tried again at the next interval.
 */
import type { ServiceContext } from '../../core/context';
import { checkAlarms } from './check';

export const ALARM_CHECK_INTERVAL_MS = 15 * 60_000;

export interface AlarmWatchOptions {
  intervalMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  check?: typeof checkAlarms;
}

export interface AlarmWatch {
  /** Looks now; resolves once the look (and any notification) is done. */
  look(): Promise<void>;
  stop(): void;
}

export function startAlarmWatch(ctx: ServiceContext, options: AlarmWatchOptions = {}): AlarmWatch {
  const intervalMs = options.intervalMs ?? ALARM_CHECK_INTERVAL_MS;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  const check = options.check ?? checkAlarms;
  let handle: unknown = null;
  let stopped = false;

  async function look(): Promise<void> {
    try {
      const { notification } = await check(ctx);
      if (notification && !stopped) ctx.notifier.notify(notification);
    } catch (err) {
      // The feedback screen shows what is wrong; the tray only tries again later.
      ctx.log.info('reputation alarms: not read', { error: (err as { name?: string })?.name ?? 'unknown' });
    }
  }

  const schedule = () => {
    handle = setTimer(() => {
      void look().finally(() => {
        if (!stopped) schedule();
      });
    }, intervalMs);
  };
  schedule();
  return {
    look,
    stop() {
      stopped = true;
      if (handle !== null) clearTimer(handle);
    },
  };
}
