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
  /** Called as each window is made: a test can look at what was in place by then. */
  static onCreate: ((window: FakeBrowserWindow) => void) | undefined;
  webContents = new FakeWebContents();
  loadedUrl?: string;
  constructor(public options: { webPreferences: Record<string, unknown> }) {
    super();
    FakeBrowserWindow.created.push(this);
    FakeBrowserWindow.onCreate?.(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {}
  isMinimized() {
    return false;
  }
  isVisible() {
    return true;
  }
  isDestroyed() {
    return false;
  }
  restore() {}
  focus() {}
}

/** Electron's ClipboardItem: keeps the MIME types and payloads it was built with. */
export class FakeClipboardItem {
  constructor(public items: Record<string, unknown>) {}
  get types() {
    return Object.keys(this.items);
  }
}

/** The system clipboard: what is on it, and what each write put there. */
export function createFakeClipboard() {
  const clip = {
    text: '',
    formats: [] as string[],
    writes: [] as FakeClipboardItem[][],
    writeText: vi.fn(async (text: string) => {
      clip.text = text;
      clip.formats = ['text/plain'];
    }),
    write: vi.fn(async (items: FakeClipboardItem[]) => {
      clip.writes.push(items);
      clip.text = String(items[0]?.items['text/plain'] ?? '');
      clip.formats = items.flatMap((i) => i.types);
    }),
    readText: vi.fn(async () => clip.text),
    clear: vi.fn(() => {
      clip.text = '';
      clip.formats = [];
    }),
  };
  return clip;
}

export function createElectronMock() {
  const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const exposed: Record<string, unknown> = {};
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: vi.fn((name: string) => `/tmp/ses-assistant-glue/${name}`),
    getLocale: vi.fn(() => 'en-US'),
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
    /** The save dialog: cancelled unless a test says where the person saved. */
    dialog: {
      showSaveDialog: vi.fn(
        async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({
          canceled: true,
          filePath: '',
        }),
      ),
    },
    clipboard: createFakeClipboard(),
    powerMonitor: new EventEmitter(),
    ClipboardItem: FakeClipboardItem,
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
