/**
 * Saving a file where the person chooses (the DNS hand-off), and opening a mail draft, against the
 * mocked electron: the dialog comes first and nothing is written when it is cancelled; only a plain
 * file name is suggested; main.ts hands both ports to the services; a mailto link passes only in the
 * narrow form the hand-off writes, and the renderer's own links stay https-only.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssistantDeps } from '../../electron/assistant';
import { createElectronMock, FakeBrowserWindow } from './electron-mock';

const electron = createElectronMock();
vi.mock('electron', () => electron);

const started: { deps?: AssistantDeps } = {};
vi.mock('../../electron/assistant', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/assistant')>();
  return {
    ...real,
    createAssistant: (deps: AssistantDeps) => {
      started.deps = deps;
      return real.createAssistant(deps);
    },
  };
});

const { createSaveFile, safeFileName } = await import('../../electron/platform/save-file');
const { openExternalLink, openDocumentationLink } = await import('../../electron/platform/external-links');
const { createMainWindow } = await import('../../electron/platform/window');

const dir = mkdtempSync(path.join(os.tmpdir(), 'ses-assistant-save-'));

function port(window: unknown = null) {
  return createSaveFile({
    dialog: electron.dialog as never,
    defaultDir: () => '/home/person/Documents',
    window: () => window as never,
    writeFile: (file, content) => writeFile(file, content, 'utf8'),
    joinPath: (d, n) => path.join(d, n),
  });
}

beforeEach(() => {
  electron.dialog.showSaveDialog.mockClear();
  electron.shell.openExternal.mockClear();
  FakeBrowserWindow.created = [];
});

describe('the save port', () => {
  it('asks where to save, offering Documents and the suggested name, then writes there', async () => {
    const target = path.join(dir, 'chosen.html');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const window = { id: 'main window' };
    const saved = await port(window).save('DNS records for bücher.example.html', '<p>x</p>', 'html');
    expect(saved).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('<p>x</p>');
    const [parent, options] = electron.dialog.showSaveDialog.mock.calls[0]! as [
      unknown,
      Record<string, unknown>,
    ];
    expect(parent).toBe(window);
    expect(options).toMatchObject({
      defaultPath: path.join('/home/person/Documents', 'DNS records for bücher.example.html'),
      filters: [{ name: 'Web page', extensions: ['html'] }],
    });
  });

  it('writes nothing and answers null when the person cancels', async () => {
    const target = path.join(dir, 'never.txt');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: target });
    expect(await port().save('x.txt', 'text', 'text')).toBeNull();
    expect(existsSync(target)).toBe(false);
    // Without a window the dialog is asked for on its own.
    expect(electron.dialog.showSaveDialog.mock.calls[0]).toHaveLength(1);
    expect((electron.dialog.showSaveDialog.mock.calls[0]![0] as { filters: unknown }).filters).toEqual([
      { name: 'Text', extensions: ['txt'] },
    ]);
  });

  it('suggests only a plain file name, never a folder', () => {
    expect(safeFileName('../../etc/passwd')).toBe('-..-etc-passwd');
    expect(safeFileName('C:\\Windows\\x.txt')).toBe('C--Windows-x.txt');
    expect(safeFileName('...')).toBe('file');
    expect(safeFileName('a'.repeat(300))).toHaveLength(120);
  });
});

describe('mail drafts and links', () => {
  it('opens a hand-off mail draft, and documentation links, and nothing else', () => {
    expect(openExternalLink('mailto:?subject=DNS%20records&body=Hello')).toBe(true);
    expect(openExternalLink('https://docs.aws.amazon.com/ses/')).toBe(true);
    expect(electron.shell.openExternal.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      'mailto:?subject=DNS%20records&body=Hello',
      'https://docs.aws.amazon.com/ses/',
    ]);
    for (const url of [
      'mailto:boss@example.com?subject=x',
      'mailto:?attach=/home/person/.aws/credentials',
      'mailto:?subject=a&cc=x@example.com',
      'file:///etc/passwd',
      'ms-settings:privacy',
      'https://evil.example/',
    ])
      expect(openExternalLink(url), url).toBe(false);
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(2);
  });

  it('keeps the renderer’s own ways out (window.open, documentation links) https-only', () => {
    expect(openDocumentationLink('mailto:?subject=x')).toBe(false);
    const window = createMainWindow('/p') as unknown as FakeBrowserWindow;
    window.webContents.windowOpenHandler!({ url: 'mailto:?subject=x' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('main.ts', () => {
  afterEach(() => electron.app.removeAllListeners());

  it('hands the services a save port over the dialog and an external-link port that takes mail drafts', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'ses-assistant-main-'));
    electron.app.getPath.mockImplementation((name: string) => path.join(userData, name));
    electron.app.whenReady.mockImplementation(() => Promise.resolve());
    vi.resetModules();
    await import('../../electron/main');
    await vi.waitFor(() => expect(started.deps).toBeDefined());

    const target = path.join(dir, 'from-main.txt');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await started.deps!.saveFile!.save('records.txt', 'the records', 'text')).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('the records');
    const options = electron.dialog.showSaveDialog.mock.calls.at(-1)!.at(-1) as { defaultPath: string };
    expect(options.defaultPath).toBe(path.join(userData, 'documents', 'records.txt'));

    expect(started.deps!.openExternal!.open('mailto:?subject=x&body=y')).toBe(true);
    expect(started.deps!.openExternal!.open('mailto:?bcc=x@example.com')).toBe(false);
  });
});
