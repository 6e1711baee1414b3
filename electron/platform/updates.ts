/**
 * Updates, only when the person says so. After launch a packaged build asks the release feed
 * electron-builder wrote into the app (app-update.yml: the project's GitHub Releases) whether a newer
 * version exists. If one does, the person is asked before it is downloaded, and asked again before
 * the app restarts to install it. electron-updater's own defaults (download as soon as found, install
 * at quit) are turned off, so nothing is downloaded or installed unasked.
 *
 * Not in development (app.isPackaged is false), not in a build that has no feed, and not when
 * SES_ASSISTANT_UPDATES=off. electron-updater is loaded only past these checks. A failure is
 * logged and dropped: an update that cannot be checked or fetched never stops the app. Log lines
 * carry versions and error codes; URLs lose their query (GitHub's download links are signed there).
 */
import { existsSync } from 'node:fs';
import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import type { Log } from '../core/log';

/** What the app uses of electron-updater's autoUpdater. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: { info(m?: unknown): void; warn(m?: unknown): void; error(m?: unknown): void } | null;
  readonly currentVersion: { version: string };
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdatesDeps {
  packaged: boolean;
  /** app-update.yml, which electron-builder writes beside app.asar from its `publish` settings. */
  feed: string | undefined;
  env: NodeJS.ProcessEnv;
  log: Log;
  dialog: Pick<Dialog, 'showMessageBox'>;
  /** The window the questions belong to, when it is open. */
  window: () => BrowserWindow | null;
  /** Lets the window really close (it would hide in the tray) before the app quits to install. */
  beforeInstall: () => void;
}

export type UpdatesOutcome = 'development' | 'no-feed' | 'turned-off' | 'checked' | 'failed';

/** SES_ASSISTANT_UPDATES=off (or 0, false, no) turns the check off. */
export function updatesTurnedOff(env: NodeJS.ProcessEnv): boolean {
  return /^(off|0|false|no)$/i.test(env.SES_ASSISTANT_UPDATES?.trim() ?? '');
}

/** A message fit for the log: one line, URLs without their query or fragment, at most 300 characters. */
export function logSafe(message: unknown): string {
  const text = String(message instanceof Error ? message.message : message).split('\n')[0] ?? '';
  return text.replace(/\b(https?:\/\/[^\s?#"'<>]+)[?#][^\s"'<>]*/g, '$1?…').slice(0, 300);
}

const QUESTIONS = {
  download: (version: string, current: string): MessageBoxOptions => ({
    type: 'question',
    title: 'Update available',
    message: `SES Setup Assistant ${version} is available`,
    detail: `You have ${current}. Download it now? Nothing is installed until you say so.`,
    buttons: ['Download', 'Not now'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  }),
  install: (version: string): MessageBoxOptions => ({
    type: 'question',
    title: 'Update ready',
    message: `SES Setup Assistant ${version} is ready to install`,
    detail:
      'Restart now to install it? The assistant closes, installs the update and opens again. ' +
      'If you choose Later, nothing is installed; it is offered again the next time the assistant starts.',
    buttons: ['Restart and install', 'Later'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  }),
};

/** Looks for an update once, after launch; resolves when the check is done (not when the person answers). */
export async function checkForUpdatesAfterLaunch(deps: UpdatesDeps): Promise<UpdatesOutcome> {
  const { log } = deps;
  if (!deps.packaged) return 'development';
  if (!deps.feed || !existsSync(deps.feed)) {
    log.info('no update feed in this build (app-update.yml)');
    return 'no-feed';
  }
  if (updatesTurnedOff(deps.env)) {
    log.info('update check turned off (SES_ASSISTANT_UPDATES)');
    return 'turned-off';
  }
  const logged = new WeakSet<object>();
  const failed = (what: string, error: unknown) => {
    if (error && typeof error === 'object') {
      if (logged.has(error)) return;
      logged.add(error);
    }
    const code = (error as { code?: unknown } | null)?.code;
    log.error(`update ${what} failed`, { ...(typeof code === 'string' && { code }), reason: logSafe(error) });
  };

  let updater: Updater;
  try {
    updater = (await import('electron-updater')).autoUpdater;
  } catch (error) {
    failed('setup', error);
    return 'failed';
  }

  const ask = async (options: MessageBoxOptions): Promise<boolean> => {
    const window = deps.window();
    const { response } = window
      ? await deps.dialog.showMessageBox(window, options)
      : await deps.dialog.showMessageBox(options);
    return response === 0;
  };

  try {
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = false;
    updater.logger = {
      info: (m) => log.info(`updater: ${logSafe(m)}`),
      warn: (m) => log.info(`updater: ${logSafe(m)}`),
      error: (m) => log.error(`updater: ${logSafe(m)}`),
    };
    // Without a listener an 'error' event would be thrown, and end the main process.
    updater.on('error', (error) => failed('check or download', error));
    let offered = false;
    updater.on('update-available', ({ version }) => {
      if (offered) return;
      offered = true;
      void (async () => {
        const yes = await ask(QUESTIONS.download(version, updater.currentVersion.version));
        log.info(`update ${version} offered`, { download: yes });
        if (yes) await updater.downloadUpdate();
      })().catch((error) => failed('download', error));
    });
    updater.on('update-downloaded', ({ version }) => {
      void (async () => {
        const yes = await ask(QUESTIONS.install(version));
        log.info(`update ${version} downloaded`, { install: yes });
        if (!yes) return;
        deps.beforeInstall();
        // Not silent: where the installer has a window (Windows), the person sees it.
        updater.quitAndInstall(false, true);
      })().catch((error) => failed('install', error));
    });
    await updater.checkForUpdates();
    return 'checked';
  } catch (error) {
    failed('check', error);
    return 'failed';
  }
}
