/**
 * The tray icon and its menu: Open, Rotate key now, Check status, Quit. On desktops without a tray
 * (vanilla GNOME has no StatusNotifier host) the icon is simply not seen; the app stays reachable
 * through its window, notifications and the window opened at login.
 */
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';

export interface TrayActions {
  open(): void;
  rotateNow(): void;
  checkStatus(): void;
  quit(): void;
}

export interface TrayDeps {
  Tray: new (image: NativeImage | string) => Tray;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): Menu };
  icon: NativeImage | string;
}

export function trayMenuTemplate(actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: 'Open SES Setup Assistant', click: () => actions.open() },
    { label: 'Rotate key now…', click: () => actions.rotateNow() },
    { label: 'Check key status', click: () => actions.checkStatus() },
    { type: 'separator' },
    { label: 'Quit', click: () => actions.quit() },
  ];
}

/** Creates the tray icon, or returns null when the platform refuses one. */
export function createTray(deps: TrayDeps, actions: TrayActions): Tray | null {
  try {
    const tray = new deps.Tray(deps.icon);
    tray.setToolTip('SES Setup Assistant');
    tray.setContextMenu(deps.Menu.buildFromTemplate(trayMenuTemplate(actions)));
    tray.on('click', () => actions.open());
    return tray;
  } catch {
    return null;
  }
}
