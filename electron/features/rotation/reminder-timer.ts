/**
 * The reminder clock: wakes at the next reminder time (and at least every few hours, since settings
 * change), and when a reminder is owed sends one notification whose click opens the key screen.
 * Timers are injected so tests drive it with a fake clock.
 */
import type { ServiceContext } from '../../core/context';
import { reminderPlan, type ReminderPlan } from './reminders';

export interface ReminderTimerOptions {
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  timeZone?: string;
  /** Also run on every wake-up (e.g. let a rotation waiting at the hand-over move on). */
  onTick?: () => Promise<void>;
}

const MAX_SLEEP_MS = 6 * 3_600_000;
const MIN_SLEEP_MS = 60_000;

export interface ReminderTimer {
  /** Checks now; returns the plan (null when there is no key to remind about). */
  check(): Promise<ReminderPlan | null>;
  stop(): void;
}

export function reminderText(plan: ReminderPlan): { title: string; body: string } {
  const why = 'Rotating takes a minute: the assistant makes a new key and tells you which apps to update.';
  if (plan.daysLeft > 1)
    return { title: `Your AWS key is due for a change in ${plan.daysLeft} days`, body: why };
  if (plan.daysLeft === 1) return { title: 'Your AWS key is due for a change tomorrow', body: why };
  if (plan.daysLeft === 0) return { title: 'Your AWS key is due for a change today', body: why };
  const late = -plan.daysLeft;
  return { title: `Your AWS key is ${late} day${late === 1 ? '' : 's'} past its change date`, body: why };
}

/** The plan for the active connection's key, or null when its age is unknown or it is not rotatable. */
export function currentPlan(ctx: ServiceContext, timeZone?: string): ReminderPlan | null {
  const s = ctx.settings.get();
  const profile = s.profiles.find((p) => p.id === s.activeProfileId);
  const created = profile ? s.keyCreatedAt[profile.id] : undefined;
  if (!profile || !created || profile.credentialKind !== 'long-term') return null;
  if (s.rotation && s.rotation.phase !== 'done') return null; // a rotation is already under way
  return reminderPlan({
    keyCreatedAt: new Date(created),
    periodDays: s.reminders.periodDays,
    now: ctx.clock(),
    lastRemindedAt: s.reminders.lastRemindedAt ? new Date(s.reminders.lastRemindedAt) : null,
    snoozeUntil: s.reminders.snoozeUntil ? new Date(s.reminders.snoozeUntil) : null,
    timeZone,
  });
}

export function startReminderTimer(ctx: ServiceContext, options: ReminderTimerOptions = {}): ReminderTimer {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  let handle: unknown = null;
  let stopped = false;

  async function check(): Promise<ReminderPlan | null> {
    await options.onTick?.().catch(() => undefined);
    const plan = currentPlan(ctx, options.timeZone);
    if (plan?.remindNow) {
      ctx.notifier.notify({ ...reminderText(plan), openStep: 'rotation' });
      await ctx.settings.update((s) => ({
        ...s,
        reminders: { ...s.reminders, lastRemindedAt: ctx.clock().toISOString() },
      }));
    }
    return plan;
  }

  function schedule(plan: ReminderPlan | null): void {
    if (stopped) return;
    const until = plan ? plan.nextReminderAt.getTime() - ctx.clock().getTime() : MAX_SLEEP_MS;
    const ms = Math.max(MIN_SLEEP_MS, Math.min(MAX_SLEEP_MS, until));
    handle = setTimer(() => void tick(), ms);
  }

  async function tick(): Promise<void> {
    let plan: ReminderPlan | null = null;
    try {
      plan = await check();
    } catch (err) {
      ctx.log.error('reminder check failed', { error: (err as Error).name });
    }
    schedule(plan);
  }

  void tick();
  return {
    check,
    stop() {
      stopped = true;
      if (handle !== null) clearTimer(handle);
    },
  };
}
