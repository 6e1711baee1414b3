/**
 * The screen lock as the main process sees it (electron/platform/screen-lock.ts). Electron's
 * powerMonitor is a stand-in; on Linux the D-Bus side is real: two private buses (one standing in for
 * the session bus, one for the system bus), the real dbus-monitor and gdbus, and signals sent as a
 * screen saver sends them (`gdbus emit`) and as logind does (from the owner of org.freedesktop.login1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AWAY_AFTER_S,
  IDLE_POLL_MS,
  sessionObjectPath,
  watchScreenLock,
  type ScreenLockWatch,
} from '../../electron/platform/screen-lock';
import { startPrivateBus, type NameOwner, type PrivateBus } from '../peers/dbus';

let sessionBus: PrivateBus;
let systemBus: PrivateBus;
let logind: NameOwner;
beforeAll(async () => {
  [sessionBus, systemBus] = await Promise.all([startPrivateBus(), startPrivateBus()]);
  logind = await systemBus.own('org.freedesktop.login1');
});
afterAll(async () => {
  await logind?.stop();
  await Promise.all([sessionBus?.stop(), systemBus?.stop()]);
});

type IdleState = 'active' | 'idle' | 'locked' | 'unknown';

const running: ScreenLockWatch[] = [];
afterEach(() => {
  for (const watch of running.splice(0)) watch.stop();
  vi.useRealTimers();
});

/** A watch as main.ts starts it while admin access is open, with what it reported and spawned. */
function watching(
  options: { platform?: NodeJS.Platform; sessionId?: string | null; tools?: 'missing' } = {},
) {
  const powerMonitor = Object.assign(new EventEmitter(), {
    idle: 'active' as IdleState,
    getSystemIdleState: vi.fn((_thresholdS: number): IdleState => powerMonitor.idle),
  });
  const locked: { reason: string; how: string }[] = [];
  const children: ChildProcess[] = [];
  const logLines: string[] = [];
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    DBUS_SESSION_BUS_ADDRESS: sessionBus.address,
    DBUS_SYSTEM_BUS_ADDRESS: systemBus.address,
  };
  if (options.sessionId !== null) env.XDG_SESSION_ID = options.sessionId ?? '2';
  const watch = watchScreenLock({
    platform: options.platform ?? 'linux',
    powerMonitor,
    env,
    log: {
      info: (m, f) => void logLines.push(`${m} ${JSON.stringify(f ?? {})}`),
      error: (m, f) => void logLines.push(`${m} ${JSON.stringify(f ?? {})}`),
    },
    onLocked: (reason, how) => void locked.push({ reason, how }),
    ...(options.tools === 'missing' ? { dbusMonitor: 'no-such-dbus-monitor', gdbus: 'no-such-gdbus' } : {}),
    spawn: ((...args: Parameters<typeof spawn>) => {
      const child = spawn(...args);
      children.push(child);
      return child;
    }) as typeof spawn,
  });
  running.push(watch);
  watch.start();
  return { watch, powerMonitor, locked, children, logLines };
}

const SESSION = '/org/freedesktop/login1/session/_32';
const screenSaver = (name: string, active: boolean) => () =>
  sessionBus.emit(`/${name.replace(/\./g, '/')}`, `${name}.ActiveChanged`, String(active));
const logindLock =
  (path = SESSION) =>
  () =>
    logind.emit(path, 'org.freedesktop.login1.Session.Lock');
const lockedHint =
  (value: boolean, path = SESSION) =>
  () =>
    logind.emit(
      path,
      'org.freedesktop.DBus.Properties.PropertiesChanged',
      `('org.freedesktop.login1.Session', {'LockedHint': <${value}>}, @as [])`,
    );

/**
 * Sends the signal until the watch reports it (dbus-monitor needs a moment to subscribe, and a signal
 * sent before that reaches nobody): a condition, never a fixed wait.
 */
async function seen(locked: { how: string }[], how: RegExp, send: () => Promise<void>) {
  await vi.waitFor(
    async () => {
      await send();
      expect(locked.map((l) => l.how)).toContainEqual(expect.stringMatching(how));
    },
    { timeout: 10_000, interval: 100 },
  );
}

describe('Linux: the screen lock, from D-Bus', () => {
  it('names its logind session’s object path as logind does (a leading digit escaped)', () => {
    expect(sessionObjectPath('2')).toBe('/org/freedesktop/login1/session/_32');
    expect(sessionObjectPath('c2')).toBe('/org/freedesktop/login1/session/c2');
    expect(sessionObjectPath('12')).toBe('/org/freedesktop/login1/session/_312');
  });

  it('a screen saver turning on (ActiveChanged(true), session bus) is a lock, under each desktop’s name', async () => {
    const { locked } = watching();
    for (const name of [
      'org.freedesktop.ScreenSaver',
      'org.gnome.ScreenSaver',
      'org.cinnamon.ScreenSaver',
      'org.mate.ScreenSaver',
    ])
      await seen(
        locked,
        new RegExp(`^${name.replace(/\./g, '\\.')}\\.ActiveChanged`),
        screenSaver(name, true),
      );
    expect(new Set(locked.map((l) => l.reason))).toEqual(new Set(['screen-locked']));
  });

  it('logind locking this session (Lock, or LockedHint=true, system bus) is a lock', async () => {
    const { locked } = watching();
    await seen(locked, /login1\.Session\.Lock$/, logindLock());
    await seen(locked, /LockedHint/, lockedHint(true));
    expect(new Set(locked.map((l) => l.reason))).toEqual(new Set(['screen-locked']));
  });

  it('an unlock, a screen saver turning off, another session’s lock and a Lock not from logind are not', async () => {
    const { locked } = watching();
    // Both monitors are listening once each has passed one signal on.
    await seen(locked, /login1\.Session\.Lock$/, logindLock());
    await seen(locked, /org\.gnome\.ScreenSaver/, screenSaver('org.gnome.ScreenSaver', true));
    locked.splice(0);

    await screenSaver('org.freedesktop.ScreenSaver', false)();
    await lockedHint(false)();
    await logind.emit(SESSION, 'org.freedesktop.login1.Session.Unlock');
    await logindLock('/org/freedesktop/login1/session/_33')();
    await lockedHint(true, '/org/freedesktop/login1/session/_33')();
    // Anyone may send a signal that looks like logind's; only logind's own name is listened to.
    await systemBus.emit(SESSION, 'org.freedesktop.login1.Session.Lock');
    // Signals on one bus arrive in order: once these two are seen, the ones before them were read.
    await seen(locked, /org\.mate\.ScreenSaver/, screenSaver('org.mate.ScreenSaver', true));
    await seen(locked, /login1\.Session\.Lock$/, logindLock());
    expect(locked.map((l) => l.how)).toEqual([
      expect.stringMatching(/^org\.mate\.ScreenSaver/),
      expect.stringMatching(/login1\.Session\.Lock$/),
    ]);
  });

  it('outside a logind session (no XDG_SESSION_ID), a lock of any session counts', async () => {
    const { locked } = watching({ sessionId: null });
    await seen(locked, /login1\.Session\.Lock$/, logindLock('/org/freedesktop/login1/session/_33'));
  });

  it('stop() ends its listeners (dbus-monitor on the session bus, gdbus on the system bus)', async () => {
    const { watch, locked, children } = watching();
    await seen(locked, /login1\.Session\.Lock$/, logindLock());
    expect(children.map((c) => c.spawnargs.slice(0, 2))).toEqual([
      ['dbus-monitor', '--session'],
      ['gdbus', 'monitor'],
    ]);
    watch.stop();
    await vi.waitFor(() =>
      expect(children.map((c) => c.exitCode !== null || c.signalCode !== null)).toEqual([true, true]),
    );
  });
});

describe('Linux: the idle state, polled as the fallback', () => {
  it(`every ${IDLE_POLL_MS / 1000} s: 'locked' is a lock, ${AWAY_AFTER_S / 60} minutes without input is “away”; stopped with the watch`, async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    // Neither dbus-monitor nor gdbus on this computer: said in the log; the poll still does its work.
    const { watch, powerMonitor, locked, logLines } = watching({ tools: 'missing' });
    await vi.waitFor(() =>
      expect(logLines.filter((l) => /a listener could not run.*ENOENT/.test(l))).toHaveLength(2),
    );
    vi.advanceTimersByTime(IDLE_POLL_MS);
    expect(powerMonitor.getSystemIdleState).toHaveBeenLastCalledWith(AWAY_AFTER_S);
    expect(locked).toEqual([]);
    powerMonitor.idle = 'idle';
    vi.advanceTimersByTime(IDLE_POLL_MS);
    expect(locked).toEqual([{ reason: 'away', how: expect.stringMatching(/idle/) }]);
    powerMonitor.idle = 'locked';
    vi.advanceTimersByTime(IDLE_POLL_MS);
    expect(locked[1]).toEqual({ reason: 'screen-locked', how: expect.stringMatching(/locked/) });
    watch.stop();
    const calls = powerMonitor.getSystemIdleState.mock.calls.length;
    vi.advanceTimersByTime(IDLE_POLL_MS * 10);
    expect(powerMonitor.getSystemIdleState.mock.calls.length).toBe(calls);
  });
});

describe('macOS and Windows: Electron’s lock-screen', () => {
  it('is a lock; nothing is spawned and nothing polled', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    for (const platform of ['darwin', 'win32'] as const) {
      const { powerMonitor, locked, children } = watching({ platform });
      powerMonitor.emit('lock-screen');
      expect(locked).toEqual([{ reason: 'screen-locked', how: 'lock-screen' }]);
      vi.advanceTimersByTime(IDLE_POLL_MS * 20);
      expect(powerMonitor.getSystemIdleState).not.toHaveBeenCalled();
      expect(children).toEqual([]);
    }
  });
});
