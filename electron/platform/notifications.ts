/**
 * The NotifierPort (core/ports.ts) on top of Electron's native notifications: reminders and the
 * sandbox review decisions go through here. A click opens the screen the notification names. Where
 * no notification server answers (Notification.isSupported() is false) the window is opened on that
 * screen instead, so the message is never lost.
 */
import type { App, Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import type { Notification, NotifierPort } from '../core/ports';

export const APP_USER_MODEL_ID = 'com.ses-setup-assistant.app';

export interface NotifierDeps {
  Notification: {
    new (options: NotificationConstructorOptions): ElectronNotification;
    isSupported(): boolean;
  };
  app: Pick<App, 'setAppUserModelId'>;
  platform: NodeJS.Platform;
  /** Shows the window on a screen (from a click, or instead of a notification). */
  open(step: string | undefined): void;
}

export function createNotifier(deps: NotifierDeps): NotifierPort & { readonly supported: boolean } {
  // Windows shows no toast for an app without a user model ID.
  if (deps.platform === 'win32') deps.app.setAppUserModelId(APP_USER_MODEL_ID);
  const supported = deps.Notification.isSupported();
  // Keep shown notifications referenced: a collected one loses its click handler.
  const live = new Set<ElectronNotification>();
  return {
    supported,
    notify(n: Notification) {
      if (!supported) {
        deps.open(n.openStep);
        return;
      }
      const shown = new deps.Notification({ title: n.title, body: n.body });
      live.add(shown);
      shown.on('click', () => deps.open(n.openStep));
      shown.on('close', () => live.delete(shown));
      shown.show();
    },
  };
}
