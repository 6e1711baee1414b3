/**
 * The background checks the desktop runs while the app is open or in the tray: each starts with the
 * services and stops on Quit, so nothing keeps asking DNS or AWS after the person quit.
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { createDesktop, type DesktopDeps } from '../../electron/platform/desktop';
import { buildTestApp, type TestApp } from '../support/assistant';
import { FakeMenu, FakeNotification, FakeTray } from './electron-desktop-mock';

const handOff = vi.hoisted(() => ({ started: 0, stopped: 0 }));
const feedback = vi.hoisted(() => ({
  started: 0,
  stopped: 0,
  woken: 0,
  windowOpen: null as null | (() => boolean),
}));
const alarms = vi.hoisted(() => ({ started: 0, stopped: 0 }));
vi.mock('../../electron/features/handoff', async (original) => ({
  ...(await original<object>()),
  startHandOffWatch: () => {
    handOff.started++;
    return { check: async () => [], stop: () => void handOff.stopped++ };
  },
}));
vi.mock('../../electron/features/feedback', async (original) => ({
  ...(await original<object>()),
  startFeedbackPoll: (_ctx: unknown, options: { windowOpen: () => boolean }) => {
    feedback.started++;
    feedback.windowOpen = options.windowOpen;
    return { stop: () => void feedback.stopped++, wake: () => void feedback.woken++ };
  },
}));
vi.mock('../../electron/features/suppression', async (original) => ({
  ...(await original<object>()),
  startAlarmWatch: () => {
    alarms.started++;
    return { look: async () => undefined, stop: () => void alarms.stopped++ };
  },
}));

let app: TestApp;
const electronApp = { setAppUserModelId: vi.fn(), quit: vi.fn() };

function desktop() {
  const deps: DesktopDeps = {
    app: electronApp,
    Notification: FakeNotification as unknown as DesktopDeps['Notification'],
    tray: { Tray: FakeTray as never, Menu: FakeMenu as never, icon: () => 'icon' },
    platform: 'linux',
    showWindow: () =>
      Object.assign(new EventEmitter(), { webContents: { reload: vi.fn() } }) as never as BrowserWindow,
  };
  return createDesktop(deps);
}

beforeEach(async () => {
  app = await buildTestApp({ endpoint: 'http://127.0.0.1:9' });
  for (const watch of [handOff, feedback, alarms]) Object.assign(watch, { started: 0, stopped: 0 });
  feedback.woken = 0;
  FakeTray.created = [];
  FakeNotification.supported = true;
});

describe('the background checks', () => {
  it('starts the hand-off watch, the bounce and complaint reader and the alarm watch, and stops each on quit', () => {
    const d = desktop();
    d.start(app.assistant.context, app.router, { atLogin: false });
    for (const watch of [handOff, feedback, alarms]) expect(watch).toMatchObject({ started: 1, stopped: 0 });
    d.quitting();
    for (const watch of [handOff, feedback, alarms]) expect(watch).toMatchObject({ started: 1, stopped: 1 });
  });

  it('stops them through the tray’s Quit too', () => {
    desktop().start(app.assistant.context, app.router, { atLogin: false });
    const quit = FakeTray.created[0]!.menu!.items.find((item) => item.label === 'Quit');
    quit!.click!();
    for (const watch of [handOff, feedback, alarms]) expect(watch.stopped).toBe(1);
    expect(electronApp.quit).toHaveBeenCalled();
  });

  it('long-polls bounces and complaints only while the window is on screen', () => {
    const d = desktop();
    d.start(app.assistant.context, app.router, { atLogin: false });
    const windowOpen = feedback.windowOpen!;
    expect(windowOpen()).toBe(false); // no window yet: the app started in the tray
    const state = { visible: true, minimized: false, destroyed: false };
    const window = Object.assign(new EventEmitter(), {
      isVisible: () => state.visible,
      isMinimized: () => state.minimized,
      isDestroyed: () => state.destroyed,
    });
    d.adopt(window as never as BrowserWindow);
    expect(windowOpen()).toBe(true);
    state.minimized = true;
    expect(windowOpen()).toBe(false);
    state.minimized = false;
    state.visible = false;
    expect(windowOpen()).toBe(false);
    state.visible = true;
    state.destroyed = true;
    expect(windowOpen()).toBe(false);
  });

  it('wakes the reader when the window comes back on screen, from the tray or un-minimised', () => {
    const d = desktop();
    d.start(app.assistant.context, app.router, { atLogin: false });
    const window = Object.assign(new EventEmitter(), {
      isVisible: () => true,
      isMinimized: () => false,
      isDestroyed: () => false,
    });
    d.adopt(window as never as BrowserWindow);
    expect(feedback.woken).toBe(0);
    window.emit('show');
    window.emit('restore');
    expect(feedback.woken).toBe(2);
  });
});
