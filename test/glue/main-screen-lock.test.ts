/**
 * main.ts, started against the mocked electron on Linux, forgets admin access when the screen locks:
 * the lock comes over a private D-Bus session bus (the real dbus-monitor reads it), as GNOME sends
 * it, since Electron's powerMonitor sends no 'lock-screen' on Linux.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createElectronMock, FakeBrowserWindow } from './electron-mock';
import { startPrivateBus, type PrivateBus } from '../peers/dbus';

const electron = createElectronMock();
const powerMonitor = Object.assign(electron.powerMonitor, {
  getSystemIdleState: vi.fn(() => 'active'),
});
vi.mock('electron', () => electron);

const started: { assistant?: ReturnType<typeof import('../../electron/assistant').createAssistant> } = {};
vi.mock('../../electron/assistant', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/assistant')>();
  return {
    ...real,
    createAssistant: (deps: Parameters<typeof real.createAssistant>[0]) =>
      (started.assistant = real.createAssistant(deps)),
  };
});

let sessionBus: PrivateBus;
let systemBus: PrivateBus;
const saved = { ...process.env };
beforeAll(async () => {
  [sessionBus, systemBus] = await Promise.all([startPrivateBus(), startPrivateBus()]);
  process.env.DBUS_SESSION_BUS_ADDRESS = sessionBus.address;
  process.env.DBUS_SYSTEM_BUS_ADDRESS = systemBus.address;
  process.env.XDG_SESSION_ID = '2';
});
afterAll(async () => {
  electron.app.emit('before-quit');
  process.env = { ...saved };
  await Promise.all([sessionBus?.stop(), systemBus?.stop()]);
});

const ADMIN_KEYS = {
  kind: 'keys' as const,
  accessKeyId: 'AKIAADMINEXAMPLE0000',
  secretAccessKey: 'x'.repeat(40),
};
const WHO = {
  arn: 'arn:aws:iam::123456789012:user/admin',
  accountId: '123456789012',
  kind: 'long-term' as const,
};

describe('main.ts on Linux', () => {
  it('forgets admin access when GNOME’s screen saver locks the screen, said as a lock', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'ses-assistant-main-'));
    electron.app.getPath.mockImplementation((name: string) => path.join(userData, name));
    electron.app.whenReady.mockImplementation(() => Promise.resolve());
    expect(process.platform).toBe('linux');
    await import('../../electron/main');
    await vi.waitFor(() => expect(FakeBrowserWindow.created.length).toBeGreaterThan(0));
    const admin = started.assistant!.context.admin;
    admin.open(ADMIN_KEYS, WHO);
    // The watch subscribes when admin access opens: the signal is sent until it is heard.
    await vi.waitFor(
      async () => {
        await sessionBus.emit('/org/gnome/ScreenSaver', 'org.gnome.ScreenSaver.ActiveChanged', 'true');
        expect(admin.summary()).toBeNull();
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(admin.ended()!.reason).toBe('screen-locked');
    expect(powerMonitor.listenerCount('lock-screen')).toBe(1);
  });
});
