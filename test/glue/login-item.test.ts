/**
 * Launch at login on Linux when the app runs from an AppImage: the autostart entry starts the
 * image ($APPIMAGE), never process.execPath inside its temporary mount, and nothing is written when
 * the program would not survive a restart (it sits in the temporary folder); the person is told why.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLoginItem, withLoginItem } from '../../electron/platform/login-item';
import { launchTarget } from '../../electron/features/rotation/autostart';
import { createRouter } from '../../electron/ipc/router';
import { silentLog } from '../../electron/core/log';
import { buildTestApp, type TestApp } from '../support/assistant';

const TMP = '/tmp';
const MOUNT_EXEC = '/tmp/.mount_SESSetAbC123/ses-setup-assistant';

let app: TestApp;
let home: string;
const autostartFile = () => path.join(home, '.config', 'autostart', 'ses-setup-assistant.desktop');

beforeEach(async () => {
  app = await buildTestApp({ endpoint: 'http://127.0.0.1:9' });
  // Only the program the entry starts is judged; where the entry itself is written does not matter.
  home = await mkdtemp(path.join(os.tmpdir(), 'login-home-'));
});

const linux = (execPath: string, env: NodeJS.ProcessEnv) => ({
  app: { setLoginItemSettings: vi.fn() },
  platform: 'linux' as const,
  homeDir: home,
  execPath,
  env,
  tmpDir: TMP,
});

describe('launch at login from an AppImage', () => {
  it('starts $APPIMAGE, not the executable inside the temporary mount', async () => {
    const result = await applyLoginItem(
      linux(MOUNT_EXEC, { APPIMAGE: '/home/ann/Applications/SES Setup Assistant.AppImage' }),
      true,
    );
    expect(result).toEqual({ applied: true });
    const entry = await readFile(autostartFile(), 'utf8');
    expect(entry).toContain('Exec="/home/ann/Applications/SES Setup Assistant.AppImage" --at-login\n');
    expect(entry).not.toContain('.mount_');
  });

  it('refuses, writing nothing, when the AppImage itself is in the temporary folder', async () => {
    const result = await applyLoginItem(
      linux(MOUNT_EXEC, { APPIMAGE: '/tmp/SES_Setup_Assistant.AppImage' }),
      true,
    );
    expect(result).toMatchObject({ applied: false, reason: expect.stringMatching(/temporary folder/) });
    await expect(readFile(autostartFile(), 'utf8')).rejects.toThrow();
  });

  it('refuses the temporary mount when $APPIMAGE is missing, and any path in the temporary folder', () => {
    expect(launchTarget(MOUNT_EXEC, {}, TMP)).toMatchObject({ ok: false });
    expect(launchTarget('/tmp/unpacked/ses', {}, TMP)).toMatchObject({ ok: false });
    expect(launchTarget('/tmp/../tmp/ses', {}, TMP)).toMatchObject({ ok: false });
    // An AppImage mounted under another TMPDIR is still a mount.
    expect(launchTarget('/run/user/1000/.mount_SESx/ses', {}, TMP)).toMatchObject({ ok: false });
    // A relative $APPIMAGE is not trusted; execPath is judged instead.
    expect(launchTarget('/opt/ses/ses', { APPIMAGE: 'SES.AppImage' }, TMP)).toEqual({
      ok: true,
      execPath: '/opt/ses/ses',
    });
    expect(launchTarget('/tmpfoo/ses', {}, TMP)).toEqual({ ok: true, execPath: '/tmpfoo/ses' });
  });

  it('the key screen’s switch: refused with a plain reason, and the setting goes back to off', async () => {
    const handlers = withLoginItem(app.assistant.handlers, (enabled) =>
      applyLoginItem(linux(MOUNT_EXEC, { APPIMAGE: '/tmp/SES.AppImage' }), enabled),
    );
    const router = createRouter(handlers, silentLog);
    const result = await router.invoke('reminders.set', { launchAtLogin: true });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'LOGIN_ITEM_REFUSED', explanation: expect.stringMatching(/temporary folder/) },
    });
    expect(app.settings.get().reminders.launchAtLogin).toBe(false);
    await expect(readFile(autostartFile(), 'utf8')).rejects.toThrow();
    // Turning it off always works.
    expect((await router.invoke('reminders.set', { launchAtLogin: false })).ok).toBe(true);
  });
});
