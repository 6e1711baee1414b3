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
vi.mock('../../electron/features/handoff', async (original) => ({
  ...(await original<object>()),
  startHandOffWatch: () => {
    handOff.started++;
    return { check: async () => [], stop: () => void handOff.stopped++ };
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
  handOff.started = 0;
  handOff.stopped = 0;
  FakeTray.created = [];
  FakeNotification.supported = true;
});

describe('the background checks', () => {
  it('starts the DNS hand-off watch with the services and stops it when the app quits', () => {
    const d = desktop();
    d.start(app.assistant.context, app.router, { atLogin: false });
    expect(handOff).toEqual({ started: 1, stopped: 0 });
    d.quitting();
    expect(handOff).toEqual({ started: 1, stopped: 1 });
  });

  it('stops it through the tray’s Quit too', () => {
    desktop().start(app.assistant.context, app.router, { atLogin: false });
    const quit = FakeTray.created[0]!.menu!.items.find((item) => item.label === 'Quit');
    quit!.click!();
    expect(handOff.stopped).toBe(1);
    expect(electronApp.quit).toHaveBeenCalled();
  });
});
