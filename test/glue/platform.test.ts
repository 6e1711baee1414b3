import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronMock, FakeBrowserWindow } from './electron-mock';

const electron = createElectronMock();
vi.mock('electron', () => electron);

const { createMainWindow, denyAllPermissions } = await import('../../electron/platform/window');
const { bindRouter, isTrustedSender } = await import('../../electron/platform/ipc-bridge');
const { resolveInside } = await import('../../electron/platform/renderer-files');
const { CHANNELS } = await import('../../electron/ipc/contract');

beforeEach(() => {
  FakeBrowserWindow.created = [];
  electron.shell.openExternal.mockClear();
});

describe('the main window', () => {
  it('is isolated, sandboxed and without Node', () => {
    const window = createMainWindow('/app/preload.cjs') as unknown as FakeBrowserWindow;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  it('loads the renderer from the app:// origin, not file://', () => {
    const window = createMainWindow('/app/preload.cjs') as unknown as FakeBrowserWindow;
    expect(window.loadedUrl).toBe('app://assistant/index.html');
  });

  it('denies window.open, opening only allow-listed documentation in the browser', () => {
    const window = createMainWindow('/p') as unknown as FakeBrowserWindow;
    const open = window.webContents.windowOpenHandler!;
    expect(open({ url: 'https://docs.aws.amazon.com/ses/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://docs.aws.amazon.com/ses/');
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses navigation and redirects away from the app', () => {
    const window = createMainWindow('/p') as unknown as FakeBrowserWindow;
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = { preventDefault: vi.fn() };
      window.webContents.emit(name, away, 'https://evil.example/');
      expect(away.preventDefault).toHaveBeenCalled();
      const lookalike = { preventDefault: vi.fn() };
      window.webContents.emit(name, lookalike, 'app://assistant.evil.com/');
      expect(lookalike.preventDefault).toHaveBeenCalled();
      const inside = { preventDefault: vi.fn() };
      window.webContents.emit(name, inside, 'app://assistant/index.html');
      expect(inside.preventDefault).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const session = electron.session.defaultSession;
    denyAllPermissions(session as never);
    const callback = vi.fn();
    session.permissionRequestHandler!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler!({}, 'notifications')).toBe(false);
  });
});

describe('the IPC bridge', () => {
  const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });

  it('binds every contract channel and passes trusted calls to the router', async () => {
    const invoke = vi.fn(async (channel: unknown) => ({ ok: true as const, value: channel }));
    bindRouter(electron.ipcMain as never, { invoke });
    expect([...electron.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const result = await electron.handlers.get('app.state')!(topFrame('app://assistant/index.html'), {});
    expect(result).toEqual({ ok: true, value: 'app.state' });
  });

  it('rejects calls from other origins, from sub-frames and without a frame', async () => {
    const invoke = vi.fn();
    bindRouter(electron.ipcMain as never, { invoke });
    const handler = electron.handlers.get('connection.connect')!;
    for (const event of [
      topFrame('https://evil.example/'),
      topFrame('app://assistant.evil.com/'),
      { senderFrame: { url: 'app://assistant/index.html', parent: {} } },
      { senderFrame: null },
    ]) {
      expect(await handler(event, {})).toMatchObject({ ok: false, error: { code: 'FOREIGN_SENDER' } });
      expect(isTrustedSender(event as never)).toBe(false);
    }
    expect(invoke).not.toHaveBeenCalled();
  });
});

describe('the app:// file server', () => {
  it('serves files inside the renderer folder only', () => {
    expect(resolveInside('/app/renderer', '/')).toBe('/app/renderer/index.html');
    expect(resolveInside('/app/renderer', '/assets/index.js')).toBe('/app/renderer/assets/index.js');
    expect(resolveInside('/app/renderer', '/../main.cjs')).toBe('/app/renderer/main.cjs');
    expect(resolveInside('/app/renderer', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/app/renderer/etc/passwd');
  });
});
