/**
 * The composition root: opens the settings, keychain and log, builds the services and the router,
 * and connects them to Electron. Everything with logic lives in services/ (plain Node) and platform/.
 */
import { app, BrowserWindow, clipboard, ipcMain, session } from 'electron';
import path from 'node:path';
import { createRouter } from './ipc/router';
import { createAssistant } from './services/assistant';
import { endpointsFromEnvironment } from './services/endpoints';
import { fileLog } from './services/log';
import { keychainStore } from './services/secret-store';
import { openSettings } from './services/settings';
import { bindRouter } from './platform/ipc-bridge';
import { registerAppScheme, serveRenderer } from './platform/protocol';
import { createMainWindow, denyAllPermissions } from './platform/window';

registerAppScheme();

let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const log = fileLog(path.join(userData, 'logs'));
  const settings = await openSettings(userData);
  const assistant = createAssistant({
    settings,
    secretStore: keychainStore(),
    log,
    homeDir: app.getPath('home'),
    awsEndpoints: endpointsFromEnvironment(process.env),
    clipboard: { writeText: (text) => clipboard.writeText(text) },
  });
  denyAllPermissions(session.defaultSession);
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  bindRouter(ipcMain, createRouter(assistant.handlers, log));
  mainWindow = createMainWindow(path.join(__dirname, 'preload.cjs'));
  mainWindow.on('closed', () => (mainWindow = null));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createMainWindow(path.join(__dirname, 'preload.cjs'));
  });
  void app.whenReady().then(start);
}
