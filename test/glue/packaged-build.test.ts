/**
 * A packaged build (app.isPackaged) against the mocked electron: no developer tools, a minimal
 * application menu, and SES_ASSISTANT_*_ENDPOINT overrides honoured only when asked for twice;
 * everywhere, an endpoint must be https, or http to this computer only. main.ts itself is started
 * (whenReady resolves) with a temporary user-data folder, once packaged and once not.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssistantDeps } from '../../electron/assistant';
import { createElectronMock, FakeBrowserWindow } from './electron-mock';
import { FakeMenu } from './electron-desktop-mock';

const electron = createElectronMock();
vi.mock('electron', () => electron);

/** What main.ts handed to createAssistant, the last time it started. */
const started: {
  deps?: AssistantDeps;
  assistant?: ReturnType<typeof import('../../electron/assistant').createAssistant>;
} = {};
vi.mock('../../electron/assistant', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/assistant')>();
  return {
    ...real,
    createAssistant: (deps: AssistantDeps) => {
      started.deps = deps;
      started.assistant = real.createAssistant(deps);
      return started.assistant;
    },
  };
});

const { createMainWindow } = await import('../../electron/platform/window');
const { applyAppMenu } = await import('../../electron/platform/app-menu');
const { customEndpoints, endpointProblem, isLoopbackHost } =
  await import('../../electron/platform/custom-endpoints');

function recordingLog() {
  const lines: string[] = [];
  const add = (m: string, f?: object) => void lines.push(`${m}${f ? ` ${JSON.stringify(f)}` : ''}`);
  return { lines, info: add, error: add };
}

beforeEach(() => {
  FakeBrowserWindow.created = [];
  FakeMenu.application = undefined;
});

describe('the window of a packaged build', () => {
  it('has the developer tools off unless a development build asks for them', () => {
    const packaged = createMainWindow('/p', { devTools: false }) as unknown as FakeBrowserWindow;
    expect(packaged.options.webPreferences.devTools).toBe(false);
    const byDefault = createMainWindow('/p') as unknown as FakeBrowserWindow;
    expect(byDefault.options.webPreferences.devTools).toBe(false);
    const development = createMainWindow('/p', { devTools: true }) as unknown as FakeBrowserWindow;
    expect(development.options.webPreferences.devTools).toBe(true);
  });
});

describe('the application menu', () => {
  it('is the app menu with Quit, Edit and Window on macOS, and no menu bar elsewhere, once packaged', () => {
    applyAppMenu(FakeMenu as never, 'darwin', true);
    expect(FakeMenu.application!.items.map((i) => i.role)).toEqual(['appMenu', 'editMenu', 'windowMenu']);
    for (const platform of ['win32', 'linux'] as const) {
      FakeMenu.application = undefined;
      applyAppMenu(FakeMenu as never, platform, true);
      expect(FakeMenu.application).toBeNull();
    }
  });

  it('is Electron’s default (with its developer entries) in development', () => {
    applyAppMenu(FakeMenu as never, 'linux', false);
    expect(FakeMenu.application).toBeUndefined();
  });
});

describe('custom AWS endpoints', () => {
  it('takes https anywhere, and http only to 127.0.0.0/8, ::1 or localhost', () => {
    for (const ok of [
      'https://ses.example.com',
      'http://127.0.0.1:5000',
      'http://127.8.9.10',
      'http://localhost:4566',
      'http://[::1]:5000',
      'http://127.1:5000', // the URL parser writes it 127.0.0.1
    ])
      expect(endpointProblem(ok), ok).toBeNull();
    for (const bad of [
      'http://192.168.1.10:5000',
      'http://10.0.0.1',
      'http://localhost.evil.example',
      'http://127.0.0.1.nip.io',
      'http://[::ffff:8.8.8.8]',
      'ftp://127.0.0.1',
      'file:///etc/passwd',
      'not a url',
    ])
      expect(endpointProblem(bad), bad).not.toBeNull();
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });

  it('in development: refuses a plain-http endpoint off this computer with a log line, keeps the rest', () => {
    const log = recordingLog();
    const endpoints = customEndpoints(
      {
        SES_ASSISTANT_AWS_ENDPOINT: 'http://127.0.0.1:5000',
        SES_ASSISTANT_SNS_ENDPOINT: 'http://attacker.example:8080',
        SES_ASSISTANT_IAM_ENDPOINT: 'https://iam.example.com',
      },
      { packaged: false, log },
    );
    expect(endpoints).toEqual({ default: 'http://127.0.0.1:5000', iam: 'https://iam.example.com' });
    expect(log.lines.filter((l) => l.includes('ignored'))).toEqual([
      expect.stringMatching(/^custom AWS endpoint ignored: SES_ASSISTANT_SNS_ENDPOINT uses plain http/),
    ]);
  });

  it('in a packaged build: ignored, with a log line, unless SES_ASSISTANT_ALLOW_CUSTOM_ENDPOINTS=1', () => {
    const log = recordingLog();
    const env = { SES_ASSISTANT_SESV2_ENDPOINT: 'http://127.0.0.1:5000' };
    expect(customEndpoints(env, { packaged: true, log })).toBeUndefined();
    expect(log.lines[0]).toMatch(
      /ignored: this is a packaged build; set SES_ASSISTANT_ALLOW_CUSTOM_ENDPOINTS=1/,
    );
    expect(log.lines[0]).toContain('SES_ASSISTANT_SESV2_ENDPOINT');
    expect(
      customEndpoints({ ...env, SES_ASSISTANT_ALLOW_CUSTOM_ENDPOINTS: 'yes' }, { packaged: true, log }),
    ).toBeUndefined();
    expect(
      customEndpoints({ ...env, SES_ASSISTANT_ALLOW_CUSTOM_ENDPOINTS: '1' }, { packaged: true, log }),
    ).toEqual({ sesv2: 'http://127.0.0.1:5000' });
    expect(
      customEndpoints(
        { SES_ASSISTANT_AWS_ENDPOINT: 'http://example.com', SES_ASSISTANT_ALLOW_CUSTOM_ENDPOINTS: '1' },
        { packaged: true, log },
      ),
    ).toBeUndefined();
    expect(customEndpoints({}, { packaged: true, log })).toBeUndefined();
  });
});

describe('main.ts, started', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    electron.app.removeAllListeners();
  });

  async function startMain(packaged: boolean) {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'ses-assistant-main-'));
    electron.app.isPackaged = packaged;
    electron.app.getPath.mockImplementation((name: string) => path.join(userData, name));
    electron.app.whenReady.mockImplementation(() => Promise.resolve());
    started.deps = undefined;
    vi.resetModules();
    await import('../../electron/main');
    // start() ends by opening the window: wait for it.
    await vi.waitFor(() => expect(FakeBrowserWindow.created.length).toBeGreaterThan(0));
    return { log: () => readFileSync(path.join(userData, 'userData', 'logs', 'main.log'), 'utf8') };
  }

  it('packaged: no developer tools, no menu bar (Linux), environment endpoints ignored and logged', async () => {
    process.env.SES_ASSISTANT_AWS_ENDPOINT = 'http://127.0.0.1:5000';
    delete process.env.SES_ASSISTANT_ALLOW_CUSTOM_ENDPOINTS;
    const { log } = await startMain(true);
    expect(FakeBrowserWindow.created[0]!.options.webPreferences.devTools).toBe(false);
    expect(FakeMenu.application).toBeNull();
    expect(started.deps!.awsEndpoints).toBeUndefined();
    expect(log()).toMatch(/custom AWS endpoints ignored: this is a packaged build/);
    // The clipboard main.ts hands the services can copy a secret.
    expect(typeof started.deps!.clipboard!.writeSecret).toBe('function');
  });

  it('binds the IPC channels before it opens the window, whose preload asks for the state at once', async () => {
    const boundAtOpen: boolean[] = [];
    FakeBrowserWindow.onCreate = () => boundAtOpen.push(electron.handlers.has('app.state'));
    try {
      await startMain(false);
    } finally {
      FakeBrowserWindow.onCreate = undefined;
    }
    expect(boundAtOpen).toEqual([true]);
  });

  it('forgets admin access when the screen locks or the computer sleeps', async () => {
    await startMain(false);
    const admin = started.assistant!.context.admin;
    for (const event of ['lock-screen', 'suspend']) {
      admin.open(
        { kind: 'keys', accessKeyId: 'AKIAADMINEXAMPLE0000', secretAccessKey: 'x'.repeat(40) },
        {
          arn: 'arn:aws:iam::123456789012:user/admin',
          accountId: '123456789012',
          kind: 'long-term',
          since: new Date().toISOString(),
        },
      );
      expect(admin.summary()).not.toBeNull();
      electron.powerMonitor.emit(event);
      expect(admin.summary(), event).toBeNull();
    }
  });

  it('development: developer tools on, Electron’s menu kept, a loopback endpoint used', async () => {
    process.env.SES_ASSISTANT_AWS_ENDPOINT = 'http://127.0.0.1:5000';
    process.env.SES_ASSISTANT_STS_ENDPOINT = 'http://sts.example.net';
    const { log } = await startMain(false);
    expect(FakeBrowserWindow.created[0]!.options.webPreferences.devTools).toBe(true);
    expect(FakeMenu.application).toBeUndefined();
    expect(started.deps!.awsEndpoints).toEqual({ default: 'http://127.0.0.1:5000' });
    expect(log()).toMatch(/custom AWS endpoint ignored: SES_ASSISTANT_STS_ENDPOINT/);
  });
});
