/**
 * The composition root: opens the settings, keychain and log, builds the services and the router,
 * and connects them to Electron. Everything with logic lives in features/ and core/ (plain Node) and platform/.
 */
import {
  app,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  session,
  Tray,
} from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRouter } from './ipc/router';
import { createAssistant } from './assistant';
import { fileLog } from './core/log';
import { keychainStore } from './core/secret-store';
import { openSettings } from './core/settings';
import { osLocale } from './platform/locale';
import { bindRouter } from './platform/ipc-bridge';
import { registerAppScheme, serveRenderer } from './platform/protocol';
import { createMainWindow, denyAllPermissions } from './platform/window';
import { createDesktop } from './platform/desktop';
import { applyLoginItem, startedAtLogin, withLoginItem } from './platform/login-item';
import { TRAY_ICON_DATA_URL } from './platform/tray-icon';
import { openExternalLink } from './platform/external-links';
import { applyAppMenu } from './platform/app-menu';
import { clearClipboardOnQuit, createClipboard } from './platform/clipboard';
import { customEndpoints } from './platform/custom-endpoints';
import { createSaveFile } from './platform/save-file';
import { startSandboxWatch } from './features/sandbox/watch';
import { checkForUpdatesAfterLaunch } from './platform/updates';
import { watchScreenLock } from './platform/screen-lock';

registerAppScheme();

let mainWindow: BrowserWindow | null = null;

// Tray, notifications, reminders and launch at login.
const desktop = createDesktop({
  app,
  Notification,
  tray: { Tray, Menu, icon: () => nativeImage.createFromDataURL(TRAY_ICON_DATA_URL) },
  platform: process.platform,
  showWindow: () => {
    if (!mainWindow) openWindow();
    mainWindow!.show();
    mainWindow!.focus();
    return mainWindow!;
  },
});

function openWindow(): void {
  // Developer tools only in development builds.
  mainWindow = createMainWindow(path.join(__dirname, 'preload.cjs'), { devTools: !app.isPackaged });
  desktop.adopt(mainWindow);
  mainWindow.on('closed', () => (mainWindow = null));
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const log = fileLog(path.join(userData, 'logs'));
  const settings = await openSettings(userData);
  applyAppMenu(Menu, process.platform, app.isPackaged);
  // A copied SMTP password is cleared after a minute, and at quit, unless something else was copied since.
  const appClipboard = createClipboard({ clipboard, ClipboardItem, platform: process.platform, log });
  clearClipboardOnQuit(app, appClipboard);
  const assistant = createAssistant({
    settings,
    osLocale: osLocale(app),
    secretStore: keychainStore(),
    log,
    homeDir: app.getPath('home'),
    // SES_ASSISTANT_*_ENDPOINT: in a packaged build only with SES_ASSISTANT_ALLOW_CUSTOM_ENDPOINTS=1.
    awsEndpoints: customEndpoints(process.env, { packaged: app.isPackaged, log }),
    clipboard: appClipboard,
    notifier: desktop.notifier,
    // Allow-listed https links, and the narrowly checked mail draft of the DNS hand-off.
    openExternal: { open: openExternalLink },
    // The DNS hand-off saved where the person chooses, Documents offered first.
    saveFile: createSaveFile({
      dialog,
      defaultDir: () => app.getPath('documents'),
      window: () => mainWindow,
      writeFile: (file, content) => writeFile(file, content, 'utf8'),
      joinPath: (dir, name) => path.join(dir, name),
    }),
    // Progress of long tasks (a new key being accepted, a rotation) goes to the window.
    emit: (event, payload) => mainWindow?.webContents.send(event, payload),
  });
  // Admin access never outlives the person's attention: a locked screen or sleep forgets it. On
  // Linux the lock is watched (D-Bus, the idle state) only while admin access is open.
  const admin = assistant.context.admin;
  const screenLock = watchScreenLock({
    platform: process.platform,
    powerMonitor,
    env: process.env,
    log,
    onLocked: (reason, how) => {
      if (admin.summary()) log.info('admin access forgotten: screen locked or away', { how });
      admin.forget(reason);
    },
  });
  admin.onChange((open) => (open ? screenLock.start() : screenLock.stop()));
  app.on('before-quit', () => screenLock.stop());
  powerMonitor.on('suspend', () => admin.forget('suspended'));
  denyAllPermissions(session.defaultSession);
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  const loginItem = {
    app,
    platform: process.platform,
    homeDir: app.getPath('home'),
    // $APPIMAGE (the image's own path) is preferred to execPath, which lies in its temporary mount.
    execPath: process.execPath,
    env: process.env,
  };
  const router = createRouter(
    withLoginItem(assistant.handlers, (enabled) => applyLoginItem(loginItem, enabled)),
    log,
  );
  bindRouter(ipcMain, router);
  // Production-access reviews: checked every 30 minutes while a decision is awaited.
  const sandboxWatch = startSandboxWatch(assistant.context);
  app.on('before-quit', () => sandboxWatch.stop());
  desktop.start(assistant.context, router, { atLogin: startedAtLogin(process.argv) });
  // Packaged builds look for an update; it is downloaded, and installed, only when the person says so.
  void checkForUpdatesAfterLaunch({
    packaged: app.isPackaged,
    feed: process.resourcesPath && path.join(process.resourcesPath, 'app-update.yml'),
    env: process.env,
    log,
    dialog,
    window: () => mainWindow,
    beforeInstall: () => desktop.quitting(),
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.show(); // it may be hidden in the tray
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
  app.on('before-quit', () => desktop.quitting());
  void app.whenReady().then(start);
}
