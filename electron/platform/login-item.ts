/**
 * Launch at login, an opt-in: Electron's login item on macOS and Windows, an XDG autostart file on
 * Linux (features/rotation/autostart.ts). Applied whenever the person changes the setting on the key screen.
 */
import type { App } from 'electron';
import type { Handlers } from '../ipc/router';
import { AT_LOGIN_ARG, autostartEntry, setLinuxAutostart } from '../features/rotation/autostart';

export interface LoginItemDeps {
  app: Pick<App, 'setLoginItemSettings'>;
  platform: NodeJS.Platform;
  homeDir: string;
  execPath: string;
  env?: NodeJS.ProcessEnv;
}

export async function applyLoginItem(deps: LoginItemDeps, enabled: boolean): Promise<void> {
  if (deps.platform === 'darwin' || deps.platform === 'win32') {
    deps.app.setLoginItemSettings({ openAtLogin: enabled, args: [AT_LOGIN_ARG] });
    return;
  }
  await setLinuxAutostart(
    deps.homeDir,
    enabled,
    autostartEntry({ name: 'SES Setup Assistant', execPath: deps.execPath }),
    deps.env,
  );
}

/** Wraps `reminders.set` so a change of "launch at login" reaches the operating system. */
export function withLoginItem(handlers: Handlers, apply: (enabled: boolean) => Promise<void>): Handlers {
  const set = handlers['reminders.set'];
  return {
    ...handlers,
    'reminders.set': async (input) => {
      const result = await set(input);
      if (input.launchAtLogin !== undefined) await apply(result.reminders.launchAtLogin);
      return result;
    },
  };
}

/** Started by the login item: stay quiet in the tray unless something needs the person. */
export function startedAtLogin(argv: readonly string[]): boolean {
  return argv.includes(AT_LOGIN_ARG);
}
