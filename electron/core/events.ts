/** What the main process pushes to the renderer while long work runs (window.assistant.on). */
import type { EVENT_NAMES } from '../ipc/channel-names';

export type EventName = (typeof EVENT_NAMES)[number];
export interface ProgressEvent {
  task: string;
  message: string;
}
