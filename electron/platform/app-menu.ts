/**
 * The application menu of a packaged build: on macOS the app menu (About, Hide, Quit…), Edit (so
 * Cmd+C and Cmd+V work in the fields) and Window; elsewhere no menu bar at all. Electron's default
 * menu, with its developer tools and reload entries, stays in development builds only.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';

export function packagedMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}

export function applyAppMenu(
  menu: Pick<typeof Menu, 'setApplicationMenu' | 'buildFromTemplate'>,
  platform: NodeJS.Platform,
  packaged: boolean,
): void {
  if (!packaged) return;
  const template = packagedMenuTemplate(platform);
  menu.setApplicationMenu(template ? menu.buildFromTemplate(template) : null);
}
