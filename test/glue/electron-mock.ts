/**
 * A stand-in for the `electron` module, recording what the app's glue asks of it. Electron's own
 * binary cannot be downloaded on the test machines, so main.ts, preload.ts and platform/ are
 * exercised against this, as Electron Fiddle and GitHub Desktop do in their unit tests.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { createDesktopFakes } from './electron-desktop-mock';

export class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadedUrl?: string;
  constructor(public options: { webPreferences: Record<string, unknown> }) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {}
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

export function createElectronMock() {
  const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const exposed: Record<string, unknown> = {};
  const app = Object.assign(new EventEmitter(), {
    getPath: vi.fn((name: string) => `/tmp/ses-assistant-glue/${name}`),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => new Promise<void>(() => undefined)),
    quit: vi.fn(),
  });
  const session = {
    defaultSession: {
      permissionRequestHandler: undefined as undefined | ((...a: unknown[]) => void),
      permissionCheckHandler: undefined as undefined | ((...a: unknown[]) => boolean),
      setPermissionRequestHandler(h: (...a: unknown[]) => void) {
        this.permissionRequestHandler = h;
      },
      setPermissionCheckHandler(h: (...a: unknown[]) => boolean) {
        this.permissionCheckHandler = h;
      },
    },
  };
  const ipcRendererListeners = new Map<string, (...a: unknown[]) => void>();
  return {
    app,
    session,
    handlers,
    exposed,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: vi.fn((channel: string, fn: (event: unknown, input: unknown) => unknown) =>
        handlers.set(channel, fn),
      ),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
    clipboard: { writeText: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => (exposed[key] = api)) },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, input: unknown) => ({ channel, input })),
      on: vi.fn((event: string, fn: (...a: unknown[]) => void) => ipcRendererListeners.set(event, fn)),
      removeListener: vi.fn((event: string) => ipcRendererListeners.delete(event)),
    },
    ipcRendererListeners,
    ...createDesktopFakes(),
  };
}
