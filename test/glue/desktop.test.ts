import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { createDesktop, type DesktopDeps } from '../../electron/platform/desktop';
import { applyLoginItem, startedAtLogin, withLoginItem } from '../../electron/platform/login-item';
import { createTray } from '../../electron/platform/tray';
import { buildTestApp, type TestApp } from '../support/assistant';
import { FakeMenu, FakeNotification, FakeTray } from './electron-desktop-mock';

class FakeWindow extends EventEmitter {
  hidden = false;
  webContents = { reload: vi.fn() };
  hide() {
    this.hidden = true;
  }
  isDestroyed() {
    return false;
  }
  isVisible() {
    return !this.hidden;
  }
  isMinimized() {
    return false;
  }
}

let app: TestApp;
let window: FakeWindow;
let shown: number;
const electronApp = { setAppUserModelId: vi.fn(), quit: vi.fn() };

function desktop(platform: NodeJS.Platform = 'linux') {
  const deps: DesktopDeps = {
    app: electronApp,
    Notification: FakeNotification as unknown as DesktopDeps['Notification'],
    tray: { Tray: FakeTray as never, Menu: FakeMenu as never, icon: () => 'icon' },
    platform,
    showWindow: () => {
      shown++;
      return window as unknown as BrowserWindow;
    },
  };
  return createDesktop(deps);
}

/** A connection whose key is `ageDays` old, without talking to AWS. */
async function withKeyAged(ageDays: number) {
  await app.settings.update((s) => ({
    ...s,
    profiles: [
      {
        id: 'p1',
        label: 'sender',
        credentialKind: 'long-term',
        accessKeyIdMasked: 'AKIA…TEST',
        accountId: '123456789012',
        arn: 'arn:aws:iam::123456789012:user/sender',
        region: 'us-east-1',
        connectedAt: new Date().toISOString(),
      },
    ],
    activeProfileId: 'p1',
    keyCreatedAt: { p1: new Date(Date.now() - ageDays * 86_400_000).toISOString() },
  }));
}

beforeEach(async () => {
  app = await buildTestApp({ endpoint: 'http://127.0.0.1:9' });
  window = new FakeWindow();
  shown = 0;
  FakeTray.created = [];
  FakeTray.refuse = false;
  FakeNotification.shown = [];
  FakeNotification.supported = true;
  electronApp.quit.mockClear();
  electronApp.setAppUserModelId.mockClear();
});

describe('the tray', () => {
  it('offers Open, Rotate key now, Check status and Quit, each doing what it says', async () => {
    const d = desktop();
    d.start(app.assistant.context, app.router, { atLogin: true });
    const tray = FakeTray.created[0]!;
    expect(tray.menu!.items.filter((i) => i.label).map((i) => i.label)).toEqual([
      'Open SES Setup Assistant',
      'Rotate key now…',
      'Check key status',
      'Quit',
    ]);
    const click = (label: string) => tray.menu!.items.find((i) => i.label?.startsWith(label))!.click!();
    click('Open');
    await expect.poll(() => shown).toBe(1);
    click('Rotate');
    // open() moves the wizard, then shows and reloads the window: wait for its last act.
    await expect.poll(() => vi.mocked(window.webContents.reload).mock.calls.length).toBe(1);
    expect(app.settings.get().step).toBe('rotation');
    click('Quit');
    expect(electronApp.quit).toHaveBeenCalled();
  });

  it('is simply absent where the desktop refuses a tray icon', () => {
    FakeTray.refuse = true;
    const tray = createTray(
      { Tray: FakeTray as never, Menu: FakeMenu as never, icon: 'icon' },
      {
        open: vi.fn(),
        rotateNow: vi.fn(),
        checkStatus: vi.fn(),
        quit: vi.fn(),
      },
    );
    expect(tray).toBeNull();
  });
});

describe('notifications', () => {
  it('show a native notification whose click opens the rotation screen', async () => {
    const d = desktop();
    d.start(app.assistant.context, app.router, { atLogin: false });
    shown = 0;
    d.notifier.notify({ title: 'Key due', body: 'Rotate it', openStep: 'rotation' });
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['Key due']);
    FakeNotification.shown[0]!.emit('click');
    await expect.poll(() => shown).toBe(1);
    expect(app.settings.get().step).toBe('rotation');
  });

  it('open the window on the screen instead when no notification server answers', async () => {
    FakeNotification.supported = false;
    const d = desktop();
    d.notifier.notify({ title: 'Sandbox review', body: 'AWS answered', openStep: 'connected' });
    await expect.poll(() => shown).toBe(1);
    expect(FakeNotification.shown).toHaveLength(0);
  });

  it('set the app user model ID on Windows, where toasts need it', () => {
    desktop('win32').notifier.notify({ title: 'x', body: 'y' });
    expect(electronApp.setAppUserModelId).toHaveBeenCalledWith('com.ses-setup-assistant.app');
    electronApp.setAppUserModelId.mockClear();
    desktop('linux').notifier.notify({ title: 'x', body: 'y' });
    expect(electronApp.setAppUserModelId).not.toHaveBeenCalled();
  });
});

describe('at login and when the window closes', () => {
  it('stays in the tray at login when nothing is due, and opens the rotation screen when a reminder is owed', async () => {
    await withKeyAged(10);
    desktop().start(app.assistant.context, app.router, { atLogin: true });
    // Whether to open is decided synchronously in start(): nothing to wait for.
    expect(shown).toBe(0);

    await withKeyAged(100);
    desktop().start(app.assistant.context, app.router, { atLogin: true });
    await expect.poll(() => shown).toBe(1);
    expect(app.settings.get().step).toBe('rotation');
    // The reminder timer's first check also runs now and notifies; let it finish here, or its
    // notification would land in the next test (which turns notifications off) as a second window.
    await expect.poll(() => app.settings.get().reminders.lastRemindedAt).not.toBeNull();
  });

  it('opens the window at login where notifications cannot be shown (no tray is detectable either)', async () => {
    FakeNotification.supported = false;
    await withKeyAged(10);
    desktop().start(app.assistant.context, app.router, { atLogin: true });
    await expect.poll(() => shown).toBe(1);
  });

  it('hides the window instead of closing it when “stay in the tray” is on, until Quit', async () => {
    const d = desktop();
    d.start(app.assistant.context, app.router, { atLogin: true });
    d.adopt(window as unknown as BrowserWindow);
    const closeOnce = () => {
      const event = {
        defaultPrevented: false,
        preventDefault() {
          this.defaultPrevented = true;
        },
      };
      window.emit('close', event);
      return event.defaultPrevented;
    };
    expect(closeOnce()).toBe(false);
    await app.router.invoke('reminders.set', { stayInTray: true });
    app.assistant.context.admin.open(
      { kind: 'keys', accessKeyId: 'AKIAADMINEXAMPLE0000', secretAccessKey: 'x'.repeat(40) },
      {
        arn: 'arn:aws:iam::123456789012:user/admin',
        accountId: '123456789012',
        kind: 'long-term',
        since: new Date().toISOString(),
      },
    );
    expect(closeOnce()).toBe(true);
    expect(window.hidden).toBe(true);
    // Hidden in the tray, the window keeps no admin access.
    expect(app.assistant.context.admin.summary()).toBeNull();
    d.quitting();
    expect(closeOnce()).toBe(false);
  });
});

describe('launch at login', () => {
  it('uses the login item on macOS and Windows', async () => {
    const setLoginItemSettings = vi.fn();
    for (const platform of ['darwin', 'win32'] as const) {
      await applyLoginItem(
        { app: { setLoginItemSettings }, platform, homeDir: '/nonexistent', execPath: '/x' },
        true,
      );
    }
    expect(setLoginItemSettings).toHaveBeenCalledTimes(2);
    expect(setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true, args: ['--at-login'] });
  });

  it('writes and removes an XDG autostart file on Linux when the setting changes', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'rotation-home-'));
    const apply = (enabled: boolean) =>
      applyLoginItem(
        {
          app: { setLoginItemSettings: vi.fn() },
          platform: 'linux',
          homeDir: home,
          execPath: '/opt/SES Assistant/ses-assistant',
        },
        enabled,
      );
    const handlers = withLoginItem(app.assistant.handlers, apply);
    await handlers['reminders.set']({ launchAtLogin: true });
    const file = path.join(home, '.config', 'autostart', 'ses-setup-assistant.desktop');
    expect(await readFile(file, 'utf8')).toContain('Exec="/opt/SES Assistant/ses-assistant" --at-login');
    await handlers['reminders.set']({ launchAtLogin: false });
    await expect(readFile(file, 'utf8')).rejects.toThrow();
    expect(startedAtLogin(['electron', '.', '--at-login'])).toBe(true);
    expect(startedAtLogin(['electron', '.'])).toBe(false);
  });
});
