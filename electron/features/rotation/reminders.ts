/**
 * When to remind the person to rotate their key. Pure: it takes the clock reading and the time zone
 * as arguments, so the same inputs always give the same plan and tests can move time freely.
 *
 * The due date is a calendar date in the person's own time zone (creation date + period), so a
 * daylight-saving change never moves it by a day. Reminders fire at 10:00 local time on the days
 * 14, 7 and 1 before the due date, on the due date, and every day after it until the key is rotated.
 * A snooze holds every reminder back until it ends; a reminder missed meanwhile fires once when it does.
 */

export const DEFAULT_PERIOD_DAYS = 90;
export const REMINDER_DAYS_BEFORE = [14, 7, 1] as const;
export const REMINDER_HOUR = 10;

export type KeyAgeStatus = 'fresh' | 'soon' | 'due' | 'overdue';

export interface ScheduleInput {
  keyCreatedAt: Date;
  periodDays?: number;
  now: Date;
  lastRemindedAt?: Date | null;
  snoozeUntil?: Date | null;
  /** IANA time zone, e.g. "Europe/Berlin"; defaults to this computer's. */
  timeZone?: string;
}

export interface ReminderPlan {
  /** 10:00 local time on the due date. */
  dueAt: Date;
  /** The due date as the person reads it (YYYY-MM-DD in their time zone). */
  dueDate: string;
  /** Whole calendar days since the key was created, in the person's time zone. */
  ageDays: number;
  /** Calendar days until the due date; negative once overdue. */
  daysLeft: number;
  status: KeyAgeStatus;
  /** A reminder is owed now (and has not been given since it became due). */
  remindNow: boolean;
  /** When the next reminder will fire, after the one owed now (if any). */
  nextReminderAt: Date;
}

interface CivilDate {
  y: number;
  m: number;
  d: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a time zone, as if that reading were UTC (ms). */
function wallClock(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

export function civilDateIn(instant: Date, timeZone: string): CivilDate {
  const w = new Date(wallClock(instant, timeZone));
  return { y: w.getUTCFullYear(), m: w.getUTCMonth() + 1, d: w.getUTCDate() };
}

function addDays(date: CivilDate, days: number): CivilDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function dayNumber(date: CivilDate): number {
  return Math.round(Date.UTC(date.y, date.m - 1, date.d) / 86_400_000);
}

/**
 * The instant at which the clocks in `timeZone` show `hour`:00 on `date`. When that hour does not
 * exist (clocks jump forward), the first instant after the gap is used.
 */
export function atLocalHour(date: CivilDate, hour: number, timeZone: string): Date {
  const wanted = Date.UTC(date.y, date.m - 1, date.d, hour);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const offset = wallClock(new Date(guess), timeZone) - guess;
    guess = wanted - offset;
  }
  // In a gap the wall clock never shows `wanted`; step forward to where it is past it.
  while (wallClock(new Date(guess), timeZone) < wanted) guess += 15 * 60_000;
  return new Date(guess);
}

function iso(date: CivilDate): string {
  return `${date.y}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function reminderPlan(input: ScheduleInput): ReminderPlan {
  const timeZone = input.timeZone ?? defaultTimeZone();
  const period = input.periodDays ?? DEFAULT_PERIOD_DAYS;
  const created = civilDateIn(input.keyCreatedAt, timeZone);
  const dueDay = addDays(created, period);
  const today = civilDateIn(input.now, timeZone);
  const daysLeft = dayNumber(dueDay) - dayNumber(today);
  const ageDays = dayNumber(today) - dayNumber(created);
  const dueAt = atLocalHour(dueDay, REMINDER_HOUR, timeZone);

  /** The scheduled reminder instants, in order: the days before, then every day from the due date. */
  function* scheduled(): Generator<Date> {
    for (const before of REMINDER_DAYS_BEFORE) {
      yield atLocalHour(addDays(dueDay, -before), REMINDER_HOUR, timeZone);
    }
    for (let after = 0; ; after++) yield atLocalHour(addDays(dueDay, after), REMINDER_HOUR, timeZone);
  }

  const now = input.now.getTime();
  const createdAt = input.keyCreatedAt.getTime();
  const last = input.lastRemindedAt?.getTime() ?? -Infinity;
  const snooze = input.snoozeUntil?.getTime() ?? -Infinity;

  // Owed: a scheduled reminder has passed since the last one given, and no snooze holds it back.
  let owed = false;
  let next: number | null = null;
  for (const at of scheduled()) {
    const t = at.getTime();
    // A short period can put the early reminders before the key existed: those never fire.
    if (t <= createdAt) continue;
    if (t <= now) {
      if (t > last) owed = true;
      continue;
    }
    next = t;
    break;
  }
  const snoozed = snooze > now;
  const remindNow = owed && !snoozed;
  // While snoozed, an owed reminder fires when the snooze ends; otherwise the next one is held back
  // to the end of the snooze at the latest.
  const nextReminderAt = new Date(snoozed ? (owed ? snooze : Math.max(next!, snooze)) : next!);

  const status: KeyAgeStatus =
    daysLeft < 0
      ? 'overdue'
      : daysLeft === 0
        ? 'due'
        : daysLeft <= REMINDER_DAYS_BEFORE[0]
          ? 'soon'
          : 'fresh';
  return { dueAt, dueDate: iso(dueDay), ageDays, daysLeft, status, remindNow, nextReminderAt };
}
