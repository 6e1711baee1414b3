/**
 * main.ts, started against the mocked electron, speaks the operating system's language until the
 * person chooses one, remembers the choice in the settings file, and refuses a language it does not
 * speak before anything is saved.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createElectronMock, FakeBrowserWindow } from './electron-mock';

const electron = createElectronMock();
vi.mock('electron', () => electron);
afterAll(() => void electron.app.emit('before-quit'));

/** A call as the app's own top frame makes it. */
const fromApp = { senderFrame: { parent: null, url: 'app://assistant/index.html' } };
const call = (channel: string, input: unknown) =>
  electron.handlers.get(channel)!(fromApp, input) as Promise<{
    ok: boolean;
    value?: unknown;
    error?: { code: string };
  }>;

describe('main.ts and the language', () => {
  it('follows app.getLocale(), then the choice made in the app, kept in settings.json', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'ses-assistant-lang-'));
    electron.app.getPath.mockImplementation((name: string) => path.join(userData, name));
    electron.app.getLocale.mockImplementation(() => 'ja-JP');
    electron.app.whenReady.mockImplementation(() => Promise.resolve());
    await import('../../electron/main');
    await vi.waitFor(() => expect(FakeBrowserWindow.created.length).toBeGreaterThan(0));

    await expect(call('app.state', {})).resolves.toMatchObject({
      ok: true,
      value: { language: 'ja', languageChosen: false },
    });
    await expect(call('language.set', { language: 'en' })).resolves.toMatchObject({
      ok: true,
      value: { language: 'en', languageChosen: true },
    });
    const saved = () => JSON.parse(readFileSync(path.join(userData, 'userData', 'settings.json'), 'utf8'));
    expect(saved().language).toBe('en');

    const refused = await call('language.set', { language: 'fr' });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('INVALID_INPUT');
    expect(saved().language).toBe('en');

    // null follows the operating system again.
    await expect(call('language.set', { language: null })).resolves.toMatchObject({
      value: { language: 'ja', languageChosen: false },
    });
  });
});
