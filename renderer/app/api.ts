/** The renderer's only way to the main process: the bridge the preload exposes. */
import type {
  AppState,
  AssistantBridge,
  ChannelName,
  InputOf,
  OutputOf,
  Result,
} from '../../electron/ipc/contract';

declare global {
  interface Window {
    assistant: AssistantBridge;
  }
}

/** The app state the preload asked for as the page began to load (once; see AssistantBridge). */
export function firstState(): Promise<Result<AppState>> {
  return window.assistant.firstState();
}

export function invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
  return window.assistant.invoke(channel, input);
}
