/** The renderer's only way to the main process: the bridge the preload exposes. */
import type { AssistantBridge, ChannelName, InputOf, OutputOf, Result } from '../../electron/ipc/contract';

declare global {
  interface Window {
    assistant: AssistantBridge;
  }
}

export function invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
  return window.assistant.invoke(channel, input);
}
