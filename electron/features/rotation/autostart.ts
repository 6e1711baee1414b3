/**
 * Launch at login on Linux: an XDG autostart entry, `~/.config/autostart/<name>.desktop` (or under
 * $XDG_CONFIG_HOME). macOS and Windows use Electron's app.setLoginItemSettings instead (see
 * platform/login-item.ts). Plain file logic, so it is tested in Node with a temporary home folder.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const AUTOSTART_FILE = 'ses-setup-assistant.desktop';
/** The app is told it was started at login: it then stays in the tray, or opens if a reminder is owed. */
export const AT_LOGIN_ARG = '--at-login';

export function autostartDir(homeDir: string, env: NodeJS.ProcessEnv = {}): string {
  const config =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(homeDir, '.config');
  return path.join(config, 'autostart');
}

/** Quotes one argument of an Exec line as the Desktop Entry Specification asks. */
export function quoteExecArg(arg: string): string {
  if (!/[\s"'\\`$<>~|&;*?#()]/.test(arg)) return arg.replace(/%/g, '%%');
  return `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`).replace(/%/g, '%%')}"`;
}

/** What the autostart entry starts, or why none can be written. */
export type LaunchTarget = { ok: true; execPath: string } | { ok: false; reason: string };

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The program an autostart entry must start. Run from an AppImage, `process.execPath` lies inside
 * the image's temporary mount (`/tmp/.mount_XXXX/…`), gone once the app quits; the AppImage runtime
 * puts the image's own path in `$APPIMAGE`, and that is what is started at login. A path inside the
 * temporary folder (or an AppImage mount) would not survive a restart: no entry is written then,
 * and the reason says so.
 */
export function launchTarget(execPath: string, env: NodeJS.ProcessEnv, tmpDir: string): LaunchTarget {
  const appImage = env.APPIMAGE && path.isAbsolute(env.APPIMAGE) ? env.APPIMAGE : null;
  const target = appImage ?? execPath;
  const mounted = target.split(path.sep).some((part) => part.startsWith('.mount_'));
  if (isInside(tmpDir, target) || mounted)
    return {
      ok: false,
      reason: appImage
        ? `The AppImage is in a temporary folder (${path.dirname(appImage)}), which is emptied when the computer restarts, so it could not be started at login.`
        : `The app is running from a temporary folder (${path.dirname(target)}), which is gone after a restart, so it could not be started at login.`,
    };
  return { ok: true, execPath: target };
}

export function autostartEntry(options: {
  name: string;
  execPath: string;
  args?: string[];
  comment?: string;
}): string {
  const exec = [options.execPath, ...(options.args ?? []), AT_LOGIN_ARG].map(quoteExecArg).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${options.name}`,
    `Comment=${options.comment ?? 'Reminds you when your Amazon SES key is due for a change'}`,
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export async function setLinuxAutostart(
  homeDir: string,
  enabled: boolean,
  entry: string,
  env: NodeJS.ProcessEnv = {},
): Promise<string> {
  const dir = autostartDir(homeDir, env);
  const file = path.join(dir, AUTOSTART_FILE);
  if (!enabled) {
    await rm(file, { force: true });
    return file;
  }
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.tmp`;
  await writeFile(tmp, entry, { mode: 0o644 });
  await rename(tmp, file);
  return file;
}

export async function linuxAutostartEnabled(homeDir: string, env: NodeJS.ProcessEnv = {}): Promise<boolean> {
  try {
    const text = await readFile(path.join(autostartDir(homeDir, env), AUTOSTART_FILE), 'utf8');
    return !/^Hidden=true$/m.test(text) && !/^X-GNOME-Autostart-enabled=false$/m.test(text);
  } catch {
    return false;
  }
}
