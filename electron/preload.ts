/**
 * The only door between the page and the main process: `window.assistant.invoke` for the contract's
 * channels, `window.assistant.on` for its events, and `firstState` for the app state asked for at
 * load. Nothing else of Electron or Node is exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES } from './ipc/channel-names';

const channels = new Set<string>(CHANNEL_NAMES);
const events = new Set<string>(EVENT_NAMES);

// The first screen cannot show before the app state: asked now, while the page's scripts load.
let firstState: Promise<unknown> | null = ipcRenderer.invoke('app.state', {});
// A failure is the page's to see when it takes the answer, not an unhandled rejection before.
firstState.catch(() => undefined);

contextBridge.exposeInMainWorld('assistant', {
  invoke(channel: string, input: unknown) {
    if (!channels.has(channel)) return Promise.reject(new Error('Unknown channel'));
    return ipcRenderer.invoke(channel, input);
  },
  firstState() {
    const asked = firstState ?? ipcRenderer.invoke('app.state', {});
    firstState = null;
    return asked;
  },
  on(event: string, listener: (payload: unknown) => void) {
    if (!events.has(event)) throw new Error('Unknown event');
    // The IPC event object is not passed on: it would give the page access to ipcRenderer.
    const wrapped = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => void ipcRenderer.removeListener(event, wrapped);
  },
});
