/**
 * Binds every contract channel to the router, after checking that the call comes from the app's
 * own top-level page: a frame or window from anywhere else gets a refusal and reaches no service.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../ipc/contract';
import type { Router } from '../ipc/router';
import { isAppUrl } from './origin';

export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

export function bindRouter(ipcMain: IpcMain, router: Router): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: {
            code: 'FOREIGN_SENDER',
            title: 'Request refused',
            explanation: 'Only the assistant’s own window may ask for this.',
            fix: 'Restart the app.',
            retryable: false,
          },
        };
      }
      return router.invoke(channel, input);
    });
  }
}
