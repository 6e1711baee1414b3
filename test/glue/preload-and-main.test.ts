import { describe, expect, it, vi } from 'vitest';
import { createElectronMock } from './electron-mock';

const electron = createElectronMock();
vi.mock('electron', () => electron);

describe('the preload', () => {
  it('exposes only invoke, firstState and on, for allow-listed names', async () => {
    await import('../../electron/preload');
    // The app state is asked for as the page begins to load, before any script of the page runs.
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('app.state', {});
    expect(Object.keys(electron.exposed)).toEqual(['assistant']);
    const bridge = electron.exposed.assistant as {
      invoke: (c: string, i: unknown) => Promise<unknown>;
      firstState: () => Promise<unknown>;
      on: (e: string, l: (p: unknown) => void) => () => void;
    };
    expect(Object.keys(bridge).sort()).toEqual(['firstState', 'invoke', 'on']);

    // That answer is given once, without asking again; after it, the state is asked anew.
    await expect(bridge.firstState()).resolves.toEqual({ channel: 'app.state', input: {} });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    await expect(bridge.firstState()).resolves.toEqual({ channel: 'app.state', input: {} });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(2);

    await expect(bridge.invoke('app.state', {})).resolves.toEqual({ channel: 'app.state', input: {} });
    await expect(bridge.invoke('fs.readFile', {})).rejects.toThrow('Unknown channel');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(3);

    const listener = vi.fn();
    const off = bridge.on('progress', listener);
    electron.ipcRendererListeners.get('progress')!({ sender: 'ipc internals' }, { task: 't', message: 'm' });
    expect(listener).toHaveBeenCalledWith({ task: 't', message: 'm' });
    off();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalled();
    expect(() => bridge.on('anything', vi.fn())).toThrow('Unknown event');
  });
});

describe('the preload, when the first ask finds no answer', () => {
  it('leaves the failure to the page when it takes the answer, with no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    // A plain function, not a vi.fn: a mock function handles the promises it returns itself (to
    // record how they settled), which would hide an unhandled rejection.
    const mocked = electron.ipcRenderer.invoke;
    let asked = 0;
    electron.ipcRenderer.invoke = (() => {
      asked++;
      return Promise.reject(new Error("No handler registered for 'app.state'"));
    }) as unknown as typeof mocked;
    process.on('unhandledRejection', onUnhandled);
    try {
      vi.resetModules();
      await import('../../electron/preload');
      expect(asked).toBe(1);
      const bridge = electron.exposed.assistant as { firstState: () => Promise<unknown> };
      // Unhandled rejections are reported after the microtasks of a turn: give them that turn.
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
      await expect(bridge.firstState()).rejects.toThrow('No handler registered');
      expect(asked).toBe(1);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      electron.ipcRenderer.invoke = mocked;
    }
  });
});

describe('main.ts', () => {
  it('registers the app:// scheme before ready and takes the single-instance lock', async () => {
    await import('../../electron/main');
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        // codeCache needs standard: later launches reuse the scripts' compiled code.
        privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }),
      }),
    ]);
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.app.whenReady).toHaveBeenCalled();
  });
});
