import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  autostartDir,
  autostartEntry,
  linuxAutostartEnabled,
  quoteExecArg,
  setLinuxAutostart,
} from '../../../electron/features/rotation/autostart';
import { reminderText, startReminderTimer } from '../../../electron/features/rotation/reminder-timer';
import { reminderPlan } from '../../../electron/features/rotation/reminders';
import { readyToRetire, retireAt, userNameOf } from '../../../electron/features/rotation/rotation';
import { recordingNotifier } from '../../../electron/core/ports';
import { buildTestApp } from '../../support/assistant';
import { rotationState } from '../../../electron/core/rotation-state';

describe('the XDG autostart entry', () => {
  it('goes to ~/.config/autostart, or under XDG_CONFIG_HOME when that is an absolute path', () => {
    expect(autostartDir('/home/ann')).toBe('/home/ann/.config/autostart');
    expect(autostartDir('/home/ann', { XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/autostart');
    expect(autostartDir('/home/ann', { XDG_CONFIG_HOME: 'relative' })).toBe('/home/ann/.config/autostart');
  });

  it('quotes Exec arguments as the Desktop Entry Specification asks', () => {
    expect(quoteExecArg('/usr/bin/ses')).toBe('/usr/bin/ses');
    expect(quoteExecArg('/opt/My App/run')).toBe('"/opt/My App/run"');
    expect(quoteExecArg('a"b$c`d\\e')).toBe('"a\\"b\\$c\\`d\\\\e"');
    expect(quoteExecArg('50%')).toBe('50%%');
  });

  it('is written when turned on, read back as on, and removed when turned off', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'autostart-'));
    const entry = autostartEntry({ name: 'SES Setup Assistant', execPath: '/opt/SES/ses' });
    expect(entry).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
    expect(entry).toContain('Exec=/opt/SES/ses --at-login\n');
    const file = await setLinuxAutostart(home, true, entry);
    expect(file).toBe(path.join(home, '.config/autostart/ses-setup-assistant.desktop'));
    expect(await readFile(file, 'utf8')).toBe(entry);
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    expect(await linuxAutostartEnabled(home)).toBe(true);
    await setLinuxAutostart(home, false, entry);
    expect(await linuxAutostartEnabled(home)).toBe(false);
    await setLinuxAutostart(home, false, entry); // turning off twice is fine
  });
});

describe('the reminder timer', () => {
  async function appWithKey(createdAt: string, now: () => Date) {
    const app = await buildTestApp({ endpoint: 'http://127.0.0.1:9', clock: now });
    // The notifier the context was built with is a recording one already; use it.
    const ctx = app.assistant.context;
    await app.settings.update((s) => ({
      ...s,
      profiles: [
        {
          id: 'p1',
          label: 'sender',
          credentialKind: 'long-term',
          accountId: '123456789012',
          arn: 'arn:aws:iam::123456789012:user/sender',
          region: 'us-east-1',
          connectedAt: createdAt,
        },
      ],
      activeProfileId: 'p1',
      keyCreatedAt: { p1: createdAt },
    }));
    return { app, ctx, notifier: ctx.notifier as ReturnType<typeof recordingNotifier> };
  }

  it('notifies once when a reminder is owed, opening the rotation screen, and sleeps until the next one', async () => {
    let now = new Date('2026-04-09T11:00:00Z'); // one day before a due date of 10 April
    const timers: { fn: () => void; ms: number }[] = [];
    const { ctx, notifier, app } = await appWithKey('2026-01-10T09:00:00Z', () => now);
    const timer = startReminderTimer(ctx, {
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => undefined,
      timeZone: 'UTC',
    });
    // The first check runs at start; scheduling the next wake-up is the last thing it does.
    await expect.poll(() => timers.length).toBe(1);
    expect(notifier.sent).toEqual([
      expect.objectContaining({ title: 'Your AWS key is due for a change tomorrow', openStep: 'rotation' }),
    ]);
    expect(app.settings.get().reminders.lastRemindedAt).toBe(now.toISOString());
    // Next wake-up: 10:00 UTC on the due date, 23 hours later.
    expect(timers.at(-1)!.ms).toBe(6 * 3_600_000); // capped at six hours
    await timer.check();
    expect(notifier.sent).toHaveLength(1); // not twice for the same reminder
    now = new Date('2026-04-10T10:00:00Z');
    await timer.check();
    expect(notifier.sent.at(-1)!.title).toBe('Your AWS key is due for a change today');
    timer.stop();
  });

  it('stays quiet while snoozed and for a key whose age is unknown', async () => {
    const now = new Date('2026-05-01T12:00:00Z');
    const { ctx, notifier, app } = await appWithKey('2026-01-10T09:00:00Z', () => now);
    await app.settings.update((s) => ({
      ...s,
      reminders: { ...s.reminders, snoozeUntil: '2026-05-02T00:00:00Z' },
    }));
    const timer = startReminderTimer(ctx, {
      setTimer: () => 0,
      clearTimer: () => undefined,
      timeZone: 'UTC',
    });
    await timer.check();
    expect(notifier.sent).toHaveLength(0);
    await app.settings.update((s) => ({
      ...s,
      keyCreatedAt: {},
      reminders: { ...s.reminders, snoozeUntil: null },
    }));
    expect(await timer.check()).toBeNull();
    expect(notifier.sent).toHaveLength(0);
    timer.stop();
  });

  it('words the reminder for the days left', () => {
    const plan = (now: string) =>
      reminderPlan({ keyCreatedAt: new Date('2026-01-10T09:00:00Z'), now: new Date(now), timeZone: 'UTC' });
    expect(reminderText(plan('2026-03-27T10:00:00Z')).title).toBe(
      'Your AWS key is due for a change in 14 days',
    );
    expect(reminderText(plan('2026-04-11T10:00:00Z')).title).toBe(
      'Your AWS key is 1 day past its change date',
    );
    expect(reminderText(plan('2026-04-15T10:00:00Z')).title).toBe(
      'Your AWS key is 5 days past its change date',
    );
  });
});

describe('retiring the old key', () => {
  const base = rotationState.parse({
    profileId: 'p',
    phase: 'handover',
    userName: 'u',
    region: 'us-east-1',
    oldKeyId: 'AKIAOLD',
    startedAt: '2026-01-01T00:00:00Z',
    handedOverAt: '2026-01-01T00:00:00Z',
    retireAfterHours: 24,
  });

  it('waits the whole period after the hand-over, counted again from any later use', () => {
    expect(retireAt(base)!.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(readyToRetire(base, new Date('2026-01-01T23:59:00Z'))).toBe(false);
    expect(readyToRetire(base, new Date('2026-01-02T00:00:00Z'))).toBe(true);
    const usedLater = { ...base, oldKeyLastUsedAt: '2026-01-01T12:00:00Z' };
    expect(readyToRetire(usedLater, new Date('2026-01-02T06:00:00Z'))).toBe(false);
    expect(retireAt(usedLater)!.toISOString()).toBe('2026-01-02T12:00:00.000Z');
    const usedBefore = { ...base, oldKeyLastUsedAt: '2025-12-31T12:00:00Z' };
    expect(retireAt(usedBefore)!.toISOString()).toBe('2026-01-02T00:00:00.000Z');
  });

  it('goes at once when the person confirms, and never before the hand-over', () => {
    expect(readyToRetire({ ...base, confirmedUnused: true }, new Date('2026-01-01T00:01:00Z'))).toBe(true);
    expect(retireAt({ ...base, handedOverAt: null })).toBeNull();
  });

  it('reads the user name from its ARN, with or without a path', () => {
    expect(userNameOf('arn:aws:iam::123456789012:user/ses-sender')).toBe('ses-sender');
    expect(userNameOf('arn:aws:iam::123456789012:user/apps/mail/ses-sender')).toBe('ses-sender');
  });
});

describe('the rotation and reminder channels’ input rules', () => {
  it('accept what the screen sends and refuse the rest, without echoing it', async () => {
    const { contract } = await import('../../../electron/ipc/contract');
    const set = contract['reminders.set'].input;
    expect(set.safeParse({ snoozeUntil: '2026-04-12T18:00:00.000Z' }).success).toBe(true);
    expect(
      set.safeParse({ snoozeUntil: null, stayInTray: true, launchAtLogin: false, periodDays: 30 }).success,
    ).toBe(true);
    const bad = set.safeParse({ periodDays: 3 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe('Choose at least 7 days.');
    expect(set.safeParse({ snoozeUntil: 'tomorrow' }).success).toBe(false);
    expect(set.safeParse({ somethingElse: 1 }).success).toBe(false);
    expect(contract['rotation.rollback'].input.safeParse({}).success).toBe(false);
    expect(contract['rotation.rollback'].input.safeParse({ confirm: true }).success).toBe(true);
    expect(contract['rotation.start'].input.safeParse({ profileId: 'p1', retireAfterHours: 0 }).success).toBe(
      false,
    );
  });
});
