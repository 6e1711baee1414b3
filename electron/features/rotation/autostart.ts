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
