/**
 * The only door between the page and the main process: `window.assistant.invoke` for the contract's
 * channels and `window.assistant.on` for its events. Nothing else of Electron or Node is exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES } from './ipc/channel-names';

const channels = new Set<string>(CHANNEL_NAMES);
const events = new Set<string>(EVENT_NAMES);

contextBridge.exposeInMainWorld('assistant', {
  invoke(channel: string, input: unknown) {
    if (!channels.has(channel)) return Promise.reject(new Error('Unknown channel'));
    return ipcRenderer.invoke(channel, input);
  },
  on(event: string, listener: (payload: unknown) => void) {
    if (!events.has(event)) throw new Error('Unknown event');
    // The IPC event object is not passed on: it would give the page access to ipcRenderer.
    const wrapped = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => void ipcRenderer.removeListener(event, wrapped);
  },
});
