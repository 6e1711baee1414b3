/**
 * Launch at login, an opt-in: Electron's login item on macOS and Windows, an XDG autostart file on
 * Linux (features/rotation/autostart.ts). Applied whenever the person changes the setting on the key screen.
 */
import type { App } from 'electron';
import os from 'node:os';
import type { Handlers } from '../ipc/router';
import { fail } from '../core/errors';
import {
  AT_LOGIN_ARG,
  autostartEntry,
  launchTarget,
  setLinuxAutostart,
} from '../features/rotation/autostart';

export interface LoginItemDeps {
  app: Pick<App, 'setLoginItemSettings'>;
  platform: NodeJS.Platform;
  homeDir: string;
  execPath: string;
  /** Where $APPIMAGE and $XDG_CONFIG_HOME are read. */
  env?: NodeJS.ProcessEnv;
  /** The temporary folder nothing may be started from at login (default os.tmpdir()). */
  tmpDir?: string;
}

/** Done, or refused with a reason the person can act on. */
export type LoginItemResult = { applied: true } | { applied: false; reason: string };

export async function applyLoginItem(deps: LoginItemDeps, enabled: boolean): Promise<LoginItemResult> {
  if (deps.platform === 'darwin' || deps.platform === 'win32') {
    deps.app.setLoginItemSettings({ openAtLogin: enabled, args: [AT_LOGIN_ARG] });
    return { applied: true };
  }
  const env = deps.env ?? {};
  const target = launchTarget(deps.execPath, env, deps.tmpDir ?? os.tmpdir());
  // Turning it off always works; turning it on needs a program that is still there after a restart.
  if (enabled && !target.ok) return { applied: false, reason: target.reason };
  await setLinuxAutostart(
    deps.homeDir,
    enabled,
    autostartEntry({ name: 'SES Setup Assistant', execPath: target.ok ? target.execPath : deps.execPath }),
    env,
  );
  return { applied: true };
}

/**
 * Wraps `reminders.set` so a change of "launch at login" reaches the operating system. When the
 * system side is refused, the setting goes back to off and the person is told why.
 */
export function withLoginItem(
  handlers: Handlers,
  apply: (enabled: boolean) => Promise<LoginItemResult>,
): Handlers {
  const set = handlers['reminders.set'];
  return {
    ...handlers,
    'reminders.set': async (input) => {
      const result = await set(input);
      if (input.launchAtLogin === undefined) return result;
      const applied = await apply(result.reminders.launchAtLogin);
      if (applied.applied) return result;
      await set({ launchAtLogin: false });
      return fail({
        code: 'LOGIN_ITEM_REFUSED',
        title: 'Launch at login was not turned on',
        explanation: applied.reason,
        fix: 'Move the app (for an AppImage, the .AppImage file) to a lasting folder such as your home folder, start it from there, and turn this on again.',
        retryable: false,
      });
    },
  };
}

/** Started by the login item: stay quiet in the tray unless something needs the person. */
export function startedAtLogin(argv: readonly string[]): boolean {
  return argv.includes(AT_LOGIN_ARG);
}
