import { describe, expect, it } from 'vitest';
import { atLocalHour, reminderPlan } from '../../../electron/features/rotation/reminders';

const at = (s: string) => new Date(s);

/** Every reminder instant between two dates, found by stepping a fake clock hour by hour. */
function remindersBetween(
  keyCreatedAt: Date,
  from: Date,
  to: Date,
  timeZone: string,
  extra: { periodDays?: number; snoozeUntil?: Date } = {},
): Date[] {
  const fired: Date[] = [];
  let last: Date | null = null;
  for (let t = from.getTime(); t <= to.getTime(); t += 15 * 60_000) {
    const now = new Date(t);
    const plan = reminderPlan({ keyCreatedAt, now, lastRemindedAt: last, timeZone, ...extra });
    if (plan.remindNow) {
      fired.push(now);
      last = now;
    }
  }
  return fired;
}

describe('the rotation due date', () => {
  it('is 90 days after the key was created, counted in calendar days of the person’s time zone', () => {
    const plan = reminderPlan({
      keyCreatedAt: at('2026-01-15T09:00:00Z'),
      now: at('2026-01-20T12:00:00Z'),
      timeZone: 'Europe/Berlin',
    });
    expect(plan.dueDate).toBe('2026-04-15');
    expect(plan.dueAt.toISOString()).toBe('2026-04-15T08:00:00.000Z'); // 10:00 CEST
    expect(plan.ageDays).toBe(5);
    expect(plan.daysLeft).toBe(85);
    expect(plan.status).toBe('fresh');
  });

  it('uses the local date, not the UTC date, of the key’s creation', () => {
    // 23:30 in New York on 31 Dec is already 1 Jan in UTC.
    const plan = reminderPlan({
      keyCreatedAt: at('2026-01-01T04:30:00Z'),
      now: at('2026-01-01T05:00:00Z'),
      periodDays: 30,
      timeZone: 'America/New_York',
    });
    expect(plan.dueDate).toBe('2026-01-30');
    const tokyo = reminderPlan({
      keyCreatedAt: at('2026-01-01T04:30:00Z'),
      now: at('2026-01-01T05:00:00Z'),
      periodDays: 30,
      timeZone: 'Asia/Tokyo',
    });
    expect(tokyo.dueDate).toBe('2026-01-31');
  });

  it('follows an adjusted period and says when it is soon, due and overdue', () => {
    const keyCreatedAt = at('2026-02-01T12:00:00Z');
    const plan = (now: string) =>
      reminderPlan({ keyCreatedAt, now: at(now), periodDays: 60, timeZone: 'UTC' });
    expect(plan('2026-03-10T12:00:00Z').status).toBe('fresh');
    expect(plan('2026-03-20T12:00:00Z').status).toBe('soon');
    expect(plan('2026-04-02T12:00:00Z')).toMatchObject({ status: 'due', daysLeft: 0 });
    expect(plan('2026-04-05T12:00:00Z')).toMatchObject({ status: 'overdue', daysLeft: -3 });
  });
});

describe('reminders', () => {
  it('fire 14, 7 and 1 days before the due date, on it, and daily once overdue', () => {
    const fired = remindersBetween(
      at('2026-01-10T15:00:00Z'),
      at('2026-03-20T00:00:00Z'),
      at('2026-04-13T00:00:00Z'),
      'UTC',
    );
    expect(fired.map((d) => d.toISOString())).toEqual([
      '2026-03-27T10:00:00.000Z',
      '2026-04-03T10:00:00.000Z',
      '2026-04-09T10:00:00.000Z',
      '2026-04-10T10:00:00.000Z', // due
      '2026-04-11T10:00:00.000Z',
      '2026-04-12T10:00:00.000Z',
    ]);
  });

  it('stay at 10:00 local time across the spring daylight-saving change (New York, 8 March 2026)', () => {
    // Due 2026-03-15: the 14-day reminder is on 1 March (EST), the 7-day one on 8 March (EDT).
    const fired = remindersBetween(
      at('2025-12-15T15:00:00Z'),
      at('2026-02-25T00:00:00Z'),
      at('2026-03-17T00:00:00Z'),
      'America/New_York',
    );
    expect(fired.map((d) => d.toISOString())).toEqual([
      '2026-03-01T15:00:00.000Z', // 10:00 EST
      '2026-03-08T14:00:00.000Z', // 10:00 EDT, the day the clocks changed
      '2026-03-14T14:00:00.000Z',
      '2026-03-15T14:00:00.000Z',
      '2026-03-16T14:00:00.000Z',
    ]);
  });

  it('stay at 10:00 local time across the autumn change (Berlin, 25 October 2026) and count days correctly', () => {
    const keyCreatedAt = at('2026-07-27T22:30:00Z'); // 28 July 00:30 in Berlin
    const plan = reminderPlan({ keyCreatedAt, now: at('2026-10-24T12:00:00Z'), timeZone: 'Europe/Berlin' });
    expect(plan.dueDate).toBe('2026-10-26');
    expect(plan.daysLeft).toBe(2);
    const fired = remindersBetween(
      keyCreatedAt,
      at('2026-10-24T00:00:00Z'),
      at('2026-10-27T00:00:00Z'),
      'Europe/Berlin',
    );
    expect(fired.map((d) => d.toISOString())).toEqual([
      '2026-10-24T00:00:00.000Z', // the 14- and 7-day reminders were missed: one fires at once
      '2026-10-25T09:00:00.000Z', // 10:00 CET, one day before, the day the clocks went back
      '2026-10-26T09:00:00.000Z',
    ]);
  });

  it('handle a half-hour zone and a zone whose daylight saving moves by 30 minutes', () => {
    const kolkata = atLocalHour({ y: 2026, m: 5, d: 1 }, 10, 'Asia/Kolkata');
    expect(kolkata.toISOString()).toBe('2026-05-01T04:30:00.000Z');
    const lordHowe = atLocalHour({ y: 2026, m: 4, d: 5 }, 10, 'Australia/Lord_Howe'); // DST ends that day
    expect(lordHowe.toISOString()).toBe('2026-04-04T23:30:00.000Z');
  });

  it('find the first instant after a skipped hour when 10:00 does not exist', () => {
    // Pacific/Apia has no 10:00 gap, so use a synthetic check on a real gap: 02:00 in New York on 8 March.
    const gap = atLocalHour({ y: 2026, m: 3, d: 8 }, 2, 'America/New_York');
    expect(gap.toISOString()).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
  });

  it('are held back by a snooze, and one missed reminder fires when it ends', () => {
    const fired = remindersBetween(
      at('2026-01-10T15:00:00Z'),
      at('2026-04-09T00:00:00Z'),
      at('2026-04-14T00:00:00Z'),
      'UTC',
      { snoozeUntil: at('2026-04-12T18:00:00Z') },
    );
    expect(fired.map((d) => d.toISOString())).toEqual([
      '2026-04-12T18:00:00.000Z', // three held-back reminders become one
      '2026-04-13T10:00:00.000Z',
    ]);
    const snoozed = reminderPlan({
      keyCreatedAt: at('2026-01-10T15:00:00Z'),
      now: at('2026-04-11T12:00:00Z'),
      snoozeUntil: at('2026-04-12T18:00:00Z'),
      timeZone: 'UTC',
    });
    expect(snoozed.remindNow).toBe(false);
    expect(snoozed.nextReminderAt.toISOString()).toBe('2026-04-12T18:00:00.000Z');
  });

  it('never fire for reminder days before the key existed (a short period)', () => {
    const created = at('2026-05-01T12:00:00Z');
    const plan = reminderPlan({
      keyCreatedAt: created,
      periodDays: 7,
      now: at('2026-05-01T12:05:00Z'),
      timeZone: 'UTC',
    });
    expect(plan.remindNow).toBe(false);
    expect(plan.nextReminderAt.toISOString()).toBe('2026-05-07T10:00:00.000Z');
  });

  it('tell the next reminder time so a timer can sleep until then', () => {
    const plan = reminderPlan({
      keyCreatedAt: at('2026-01-10T15:00:00Z'),
      now: at('2026-02-01T00:00:00Z'),
      timeZone: 'UTC',
    });
    expect(plan.remindNow).toBe(false);
    expect(plan.nextReminderAt.toISOString()).toBe('2026-03-27T10:00:00.000Z');
  });

  it('use the computer’s own time zone (TZ) when none is given', () => {
    // Node re-reads the process time zone when TZ is assigned, so this runs the default path for real.
    const saved = process.env.TZ;
    const plan = () =>
      reminderPlan({
        keyCreatedAt: at('2026-01-01T04:30:00Z'),
        now: at('2026-01-02T00:00:00Z'),
        periodDays: 30,
      });
    try {
      process.env.TZ = 'America/New_York';
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York');
      expect(plan()).toMatchObject({ dueDate: '2026-01-30', dueAt: at('2026-01-30T15:00:00Z') });
      process.env.TZ = 'Asia/Tokyo';
      expect(plan()).toMatchObject({ dueDate: '2026-01-31', dueAt: at('2026-01-31T01:00:00Z') });
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
