/**
 * The desktop side of reminders and rotation, put together for main.ts: the notifier (reminders and
 * sandbox review decisions), the tray, staying in the tray when the window closes, launch at login,
 * the reminder timer, the DNS hand-off watch, the bounce and complaint reader and the alarm watch. Thin: the decisions are in features/rotation/ (reminders, reminder-timer, autostart).
 */
import type { App, BrowserWindow } from 'electron';
import type { Router } from '../ipc/router';
import type { StepId } from '../ipc/schemas';
import type { ServiceContext } from '../core/context';
import type { NotifierPort } from '../core/ports';
import { currentPlan, startReminderTimer, type ReminderTimer } from '../features/rotation/reminder-timer';
import { startHandOffWatch, type HandOffWatch } from '../features/handoff';
import { startFeedbackPoll, type FeedbackPoll } from '../features/feedback';
import { startAlarmWatch } from '../features/suppression';
import { createNotifier, type NotifierDeps } from './notifications';
import { createTray, type TrayDeps } from './tray';

export interface DesktopDeps {
  app: Pick<App, 'setAppUserModelId' | 'quit'>;
  Notification: NotifierDeps['Notification'];
  tray: Omit<TrayDeps, 'icon'> & { icon: () => TrayDeps['icon'] };
  platform: NodeJS.Platform;
  /** Shows (creating if needed) the main window. */
  showWindow(): BrowserWindow;
}

export interface Desktop {
  notifier: NotifierPort & { readonly supported: boolean };
  /** Called once the services exist: tray, timer, close-to-tray. */
  start(ctx: ServiceContext, router: Router, options: { atLogin: boolean }): void;
  /** Call before quitting for real, so close-to-tray lets the window go. */
  quitting(): void;
  /** Hook for each new window: close hides it instead when "stay in the tray" is on. */
  adopt(window: BrowserWindow): void;
}

export function createDesktop(deps: DesktopDeps): Desktop {
  let router: Router | null = null;
  let ctx: ServiceContext | null = null;
  let timer: ReminderTimer | null = null;
  let handOffWatch: HandOffWatch | null = null;
  let feedbackPoll: FeedbackPoll | null = null;
  let alarmWatch: { stop(): void } | null = null;
  let mainWindow: BrowserWindow | null = null;
  /** Bounces and complaints are long-polled only while the person can see the window. */
  const windowOpen = () =>
    !!mainWindow && !mainWindow.isDestroyed() && mainWindow.isVisible() && !mainWindow.isMinimized();
  const stopBackground = () => {
    timer?.stop();
    handOffWatch?.stop();
    feedbackPoll?.stop();
    alarmWatch?.stop();
  };
  let quitting = false;

  async function open(step?: string): Promise<void> {
    if (step && router) await router.invoke('wizard.goTo', { step: step as StepId });
    const window = deps.showWindow();
    // The screen reads the step at load: reload an open window so it shows the one asked for.
    if (step) window.webContents.reload();
  }

  // Made on first use: Electron's notification API is only asked once the app is ready.
  let real: ReturnType<typeof createNotifier> | null = null;
  const notifierNow = () =>
    (real ??= createNotifier({
      Notification: deps.Notification,
      app: deps.app,
      platform: deps.platform,
      open: (step) => void open(step),
    }));
  const notifier: Desktop['notifier'] = {
    get supported() {
      return notifierNow().supported;
    },
    notify: (n) => notifierNow().notify(n),
  };

  return {
    notifier,
    start(context, r, { atLogin }) {
      ctx = context;
      router = r;
      createTray(
        { ...deps.tray, icon: deps.tray.icon() },
        {
          open: () => void open(),
          rotateNow: () => void open('rotation'),
          checkStatus: () => void open('rotation'),
          quit: () => {
            quitting = true;
            stopBackground();
            deps.app.quit();
          },
        },
      );
      timer = startReminderTimer(context, {
        // A rotation waiting at the hand-over retires the old key on its own once the period is over.
        onTick: async () => void (await r.invoke('rotation.status', {})),
      });
      // Records handed off to someone else's DNS: checked now and then, one notification when all are in.
      handOffWatch = startHandOffWatch(context);
      // Bounce and complaint events from the queue the assistant set up, and its reputation alarms.
      feedbackPoll = startFeedbackPoll(context, { windowOpen });
      alarmWatch = startAlarmWatch(context);
      // Started at login: stay in the tray unless a reminder is owed, or a notification cannot be shown.
      const plan = currentPlan(context);
      if (!atLogin || plan?.remindNow || !notifier.supported) {
        void open(atLogin && plan?.remindNow ? 'rotation' : undefined);
      }
    },
    quitting() {
      quitting = true;
      stopBackground();
    },
    adopt(window) {
      mainWindow = window;
      // Back on screen (from the tray, or un-minimised): read the bounces now, not at the tray's pace.
      const wake = () => feedbackPoll?.wake();
      window.on('show', wake);
      window.on('restore', wake);
      window.on('close', (event) => {
        if (!quitting && ctx?.settings.get().reminders.stayInTray) {
          event.preventDefault();
          window.hide();
          // Out of sight is out of use: admin access is not kept for a window in the tray.
          ctx.admin.forget('hidden');
        }
      });
    },
  };
}
