/**
 * Fakes of Electron's Tray, Menu, Notification and nativeImage, recording what the desktop glue asks
 * of them. Spread into the `electron` mock by createElectronMock().
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeMenuItem {
  label?: string;
  type?: string;
  click?: () => void;
  role?: string;
}

export class FakeMenu {
  /** What Menu.setApplicationMenu was last given: undefined until then, null for no menu bar. */
  static application: FakeMenu | null | undefined = undefined;
  constructor(public items: FakeMenuItem[]) {}
  static buildFromTemplate(items: FakeMenuItem[]) {
    return new FakeMenu(items);
  }
  static setApplicationMenu(menu: FakeMenu | null) {
    FakeMenu.application = menu;
  }
}

export class FakeTray extends EventEmitter {
  static created: FakeTray[] = [];
  static refuse = false;
  menu?: FakeMenu;
  tooltip?: string;
  constructor(public image: unknown) {
    super();
    if (FakeTray.refuse) throw new Error('no tray on this desktop');
    FakeTray.created.push(this);
  }
  setContextMenu(menu: FakeMenu) {
    this.menu = menu;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
}

export class FakeNotification extends EventEmitter {
  static supported = true;
  static shown: FakeNotification[] = [];
  static isSupported() {
    return FakeNotification.supported;
  }
  constructor(public options: { title: string; body: string }) {
    super();
  }
  show() {
    FakeNotification.shown.push(this);
  }
}

export function createDesktopFakes() {
  return {
    Tray: FakeTray,
    Menu: FakeMenu,
    Notification: FakeNotification,
    nativeImage: { createFromDataURL: vi.fn((url: string) => ({ url })) },
  };
}
