/**
 * Updates against the mocked electron and a mocked electron-updater: a packaged build looks for an
 * update after launch, asks before downloading and again before installing, and does nothing on
 * "no"; electron-updater's download-at-once and install-at-quit are off; failures are logged without
 * signed URLs and never thrown; development builds and SES_ASSISTANT_UPDATES=off never ask at all.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createElectronMock, FakeBrowserWindow } from './electron-mock';

const electron = createElectronMock();
/** The update questions: each answer is the index of the button the person pressed. */
const showMessageBox = vi.fn(async (..._args: unknown[]) => ({ response: 1, checkboxChecked: false }));
Object.assign(electron.dialog, { showMessageBox });
vi.mock('electron', () => electron);

/** electron-updater's autoUpdater: the test decides what the feed holds and how downloads end. */
const updater = Object.assign(new EventEmitter(), {
  autoDownload: true,
  autoInstallOnAppQuit: true,
  logger: console as unknown,
  currentVersion: { version: '0.1.0' },
  checkForUpdates: vi.fn(async (): Promise<unknown> => null),
  downloadUpdate: vi.fn(async (): Promise<unknown> => []),
  quitAndInstall: vi.fn(),
});
vi.mock('electron-updater', () => ({ autoUpdater: updater }));

const { checkForUpdatesAfterLaunch, logSafe } = await import('../../electron/platform/updates');

/** The feed electron-builder writes beside app.asar (resources/app-update.yml). */
const resources = mkdtempSync(path.join(os.tmpdir(), 'ses-assistant-resources-'));
const feed = path.join(resources, 'app-update.yml');
writeFileSync(feed, 'provider: github\nowner: example-owner\nrepo: ses-setup-assistant\n');

function recordingLog() {
  const lines: string[] = [];
  const add = (m: string, f?: object) => void lines.push(`${m}${f ? ` ${JSON.stringify(f)}` : ''}`);
  return { lines, info: add, error: add };
}

/** The person's answers, in order: 0 is the first button (Download, Restart and install). */
function answers(...responses: number[]) {
  for (const response of responses)
    showMessageBox.mockResolvedValueOnce({ response, checkboxChecked: false });
}

/** A feed with 0.2.0 on it: the check finds it, and a download completes. */
function feedWithUpdate() {
  updater.checkForUpdates.mockImplementation(async () => {
    updater.emit('update-available', { version: '0.2.0' });
    return { updateInfo: { version: '0.2.0' } };
  });
  updater.downloadUpdate.mockImplementation(async () => {
    updater.emit('update-downloaded', { version: '0.2.0' });
    return ['/cache/update.AppImage'];
  });
}

function start(overrides: { packaged?: boolean; env?: NodeJS.ProcessEnv; feed?: string } = {}) {
  const log = recordingLog();
  const order: string[] = [];
  const beforeInstall = vi.fn(() => void order.push('beforeInstall'));
  updater.quitAndInstall.mockImplementation(() => void order.push('quitAndInstall'));
  const done = checkForUpdatesAfterLaunch({
    packaged: overrides.packaged ?? true,
    feed: 'feed' in overrides ? overrides.feed : feed,
    env: overrides.env ?? {},
    log,
    dialog: electron.dialog as never,
    window: () => null,
    beforeInstall,
  });
  return { log, order, beforeInstall, done };
}

/** The messages of the questions asked so far. */
const asked = () => showMessageBox.mock.calls.map((call) => (call.at(-1) as { message: string }).message);

beforeEach(() => {
  updater.removeAllListeners();
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  for (const fn of [updater.checkForUpdates, updater.downloadUpdate, updater.quitAndInstall, showMessageBox])
    fn.mockReset();
  updater.checkForUpdates.mockResolvedValue(null);
  updater.downloadUpdate.mockResolvedValue([]);
  showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
});

describe('an update found after launch', () => {
  it('is downloaded only after a yes, and installed only after a second yes', async () => {
    feedWithUpdate();
    answers(0, 0);
    const { order, done } = start();
    expect(await done).toBe('checked');
    // electron-updater's defaults would download at once and install at quit: both off.
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    await vi.waitFor(() => expect(updater.quitAndInstall).toHaveBeenCalledTimes(1));
    expect(asked()).toEqual([
      'SES Setup Assistant 0.2.0 is available',
      'SES Setup Assistant 0.2.0 is ready to install',
    ]);
    const [download] = showMessageBox.mock.calls[0]!.slice(-1) as [
      { buttons: string[]; cancelId: number; detail: string },
    ];
    expect(download.buttons).toEqual(['Download', 'Not now']);
    expect(download.cancelId).toBe(1);
    expect(download.detail).toMatch(/You have 0\.1\.0/);
    expect(updater.downloadUpdate).toHaveBeenCalledTimes(1);
    // The window is let go of before the app quits, and the installer is not run silently.
    expect(order).toEqual(['beforeInstall', 'quitAndInstall']);
    expect(updater.quitAndInstall).toHaveBeenCalledWith(false, true);
  });

  it('"Not now" downloads nothing and installs nothing', async () => {
    feedWithUpdate();
    answers(1);
    const { log, beforeInstall, done } = start();
    await done;
    await vi.waitFor(() => expect(log.lines).toContain('update 0.2.0 offered {"download":false}'));
    expect(asked()).toEqual(['SES Setup Assistant 0.2.0 is available']);
    expect(updater.downloadUpdate).not.toHaveBeenCalled();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(beforeInstall).not.toHaveBeenCalled();
  });

  it('"Later" after the download installs nothing, now or at quit', async () => {
    feedWithUpdate();
    answers(0, 1);
    const { log, beforeInstall, done } = start();
    await done;
    await vi.waitFor(() => expect(log.lines).toContain('update 0.2.0 downloaded {"install":false}'));
    expect(updater.downloadUpdate).toHaveBeenCalledTimes(1);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(beforeInstall).not.toHaveBeenCalled();
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('asks once, modal to the window when it is open', async () => {
    feedWithUpdate();
    const window = new FakeBrowserWindow({ webPreferences: {} });
    const log = recordingLog();
    await checkForUpdatesAfterLaunch({
      packaged: true,
      feed,
      env: {},
      log,
      dialog: electron.dialog as never,
      window: () => window as never,
      beforeInstall: () => undefined,
    });
    updater.emit('update-available', { version: '0.2.0' }); // a second notice of the same update
    await vi.waitFor(() => expect(log.lines).toContain('update 0.2.0 offered {"download":false}'));
    expect(showMessageBox).toHaveBeenCalledTimes(1);
    expect(showMessageBox.mock.calls[0]![0]).toBe(window);
  });
});

describe('a failed update', () => {
  const signed =
    'https://release-assets.githubusercontent.com/github-production-release-asset/1/abc?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261204&X-Amz-Signature=0123456789abcdef';

  it('is logged with its code and no signed URL, and never thrown', async () => {
    const error = Object.assign(new Error(`HttpError: 403 Forbidden url: ${signed}\nheaders: {"x": "y"}`), {
      code: 'HTTP_ERROR_403',
    });
    updater.checkForUpdates.mockImplementation(async () => {
      updater.emit('error', error); // electron-updater emits, then rejects with the same error
      throw error;
    });
    const { log, done } = start();
    expect(await done).toBe('failed');
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatch(/^update check or download failed \{"code":"HTTP_ERROR_403","reason":/);
    expect(log.lines[0]).toContain('github-production-release-asset/1/abc?…');
    expect(log.lines[0]).not.toMatch(/X-Amz|AKIA|headers/);
  });

  it('while downloading is logged, and nothing is installed', async () => {
    feedWithUpdate();
    updater.downloadUpdate.mockRejectedValue(
      Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }),
    );
    answers(0);
    const { log, done } = start();
    expect(await done).toBe('checked');
    await vi.waitFor(() => expect(log.lines.some((l) => l.startsWith('update download failed'))).toBe(true));
    expect(log.lines.find((l) => l.startsWith('update download failed'))).toContain('"code":"ENOSPC"');
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('a later error event, with no one waiting on it, is logged and does not end the process', async () => {
    const { log, done } = start();
    await done;
    expect(() => updater.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'))).not.toThrow();
    expect(log.lines).toEqual([
      'update check or download failed {"reason":"net::ERR_INTERNET_DISCONNECTED"}',
    ]);
  });

  it('keeps a log line to one line and drops any URL query', () => {
    expect(logSafe(new Error(`first ${signed}\nsecond`))).toBe(
      'first https://release-assets.githubusercontent.com/github-production-release-asset/1/abc?…',
    );
    expect(logSafe('x'.repeat(500))).toHaveLength(300);
  });
});

describe('no update check', () => {
  it('in development, in a build without a feed, or with SES_ASSISTANT_UPDATES=off', async () => {
    feedWithUpdate();
    expect(await start({ packaged: false }).done).toBe('development');
    expect(await start({ feed: undefined }).done).toBe('no-feed');
    expect(await start({ feed: path.join(resources, 'missing.yml') }).done).toBe('no-feed');
    for (const value of ['off', 'OFF', '0', 'false', 'no'])
      expect(await start({ env: { SES_ASSISTANT_UPDATES: value } }).done, value).toBe('turned-off');
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(showMessageBox).not.toHaveBeenCalled();
    expect(await start({ env: { SES_ASSISTANT_UPDATES: 'on' } }).done).toBe('checked');
  });
});

describe('main.ts, started', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    electron.app.removeAllListeners();
  });

  async function startMain(packaged: boolean) {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'ses-assistant-updates-'));
    electron.app.isPackaged = packaged;
    electron.app.getPath.mockImplementation((name: string) => path.join(userData, name));
    electron.app.whenReady.mockImplementation(() => Promise.resolve());
    FakeBrowserWindow.created = [];
    vi.resetModules();
    await import('../../electron/main');
    await vi.waitFor(() => expect(FakeBrowserWindow.created.length).toBeGreaterThan(0));
    return { log: () => readFileSync(path.join(userData, 'userData', 'logs', 'main.log'), 'utf8') };
  }

  it('packaged: looks for an update after launch, and asks about the one it finds', async () => {
    delete process.env.SES_ASSISTANT_UPDATES;
    // Electron sets process.resourcesPath; the feed is found there.
    Object.assign(process, { resourcesPath: resources });
    onTestFinished(() => void Reflect.deleteProperty(process, 'resourcesPath'));
    feedWithUpdate();
    const { log } = await startMain(true);
    await vi.waitFor(() => expect(updater.checkForUpdates).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(log()).toMatch(/update 0\.2\.0 offered \{"download":false\}/));
    expect(updater.downloadUpdate).not.toHaveBeenCalled();
  });

  it('development: never looks', async () => {
    delete process.env.SES_ASSISTANT_UPDATES;
    await startMain(false);
    // start() runs on to its end in the same turn as it opens the window.
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });
});
