/**
 * The main window, created with Electron's security checklist applied: an isolated, sandboxed page
 * without Node, that cannot navigate away, open windows or be granted permissions.
 */
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { openDocumentationLink } from './external-links';
import { APP_ENTRY, isAppUrl } from './origin';

/** Links to documentation open in the person's browser; every other navigation is refused. */
export function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openDocumentationLink(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Electron grants every permission by default (camera, notifications for pages…); the page needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * `devTools`: only for development builds; main.ts passes `!app.isPackaged`. Off unless asked for,
 * so a packaged build cannot open the developer tools (which could read the page, a pasted secret
 * included).
 */
export function createMainWindow(preload: string, options: { devTools?: boolean } = {}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1040,
    height: 760,
    minWidth: 720,
    minHeight: 560,
    show: false,
    title: 'SES Setup Assistant',
    // Written out here, not built elsewhere, so that electronegativity can read every option.
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools === true,
    },
  });
  hardenContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}
