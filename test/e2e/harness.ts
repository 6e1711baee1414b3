/**
 * The end-to-end harness: the built renderer in Debian's Chromium, with window.assistant bound to
 * the real router (the same object main.ts binds to ipcMain) and the real services behind it.
 * A new scenario is: `const app = await launchApp({ awsEndpoint })`, drive `app.page`, `app.stop()`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WebSocket, WebSocketServer } from 'ws';
import { createRouter } from '../../electron/ipc/router';
import { createAssistant, type Assistant } from '../../electron/assistant';
import type { Endpoints } from '../../electron/core/aws-clients';
import type { PeerOverrides } from '../../electron/core/context';
import { fileLog } from '../../electron/core/log';
import { keychainStore, type SecretStore } from '../../electron/core/secret-store';
import { openSettings } from '../../electron/core/settings';
import { mimeOf, resolveInside } from '../../electron/platform/renderer-files';
import { CONTENT_SECURITY_POLICY } from '../../electron/platform/origin';
import { auditAccessibility, type A11yViolation } from './accessibility';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// RENDERER_DIR lets a developer test a build of their own while another build is in progress.
const RENDERER = path.resolve(process.env.RENDERER_DIR ?? 'dist/renderer');
export const SCREENSHOTS = path.resolve('test-results/screenshots');

export interface RunningApp {
  page: Page;
  /** The services behind the page, for a scenario to set things up or look inside. */
  assistant: Assistant;
  dataDir: string;
  homeDir: string;
  /** Every IPC result the page received, as JSON, for the canary check. */
  ipcResults: string[];
  /**
   * Saves a screenshot of the current screen, checks it with axe-core (violations are kept in
   * `a11y`, by screenshot name, and fail the test at once) and returns the page's visible text.
   */
  screenshot(name: string): Promise<string>;
  a11y: Map<string, A11yViolation[]>;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  /** moto's address for every service, or per-service endpoints (e.g. a loopback peer for SES v2). */
  awsEndpoint: string | Endpoints;
  peers?: PeerOverrides;
  dataDir?: string;
  homeDir?: string;
  secretStore?: SecretStore;
  colorScheme?: 'light' | 'dark';
  /** Called with the page before it loads the renderer: the benchmark adds its probe here. */
  beforeLoad?: (page: Page) => Promise<void>;
}

/**
 * Serves the built renderer on loopback with the app's CSP, as the app:// protocol does. `dir` lets
 * the benchmark serve its baseline page exactly the same way.
 */
export async function serveRenderer(
  dir = RENDERER,
): Promise<{ url: string; server: http.Server; close(): Promise<void> }> {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" first (npm test does).');
  }
  const server = http.createServer(async (req, res) => {
    const file = resolveInside(dir, new URL(req.url ?? '/', 'http://x').pathname);
    try {
      const body = await readFile(file ?? '');
      res.writeHead(200, {
        'content-type': mimeOf(file!),
        'content-security-policy': CONTENT_SECURITY_POLICY,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    server,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The path of the page's IPC socket on the renderer's own server (CSP allows only 'self'). */
const IPC_PATH = '/__assistant-ipc';

/**
 * The stand-in for Electron's IPC: one WebSocket per page on the page's own origin, carrying
 * invokes to the real router and events back, in order, as ipcRenderer and webContents.send do.
 * Playwright's exposeBinding, used before, carried each call through the DevTools protocol: the
 * first screen's app.state took 27 to 97 ms over it, and 3 to 48 ms over this socket (measured
 * here in the page, 8 loads each), and the first-screen benchmark counted the difference against
 * the app.
 */
function serveIpc(
  server: http.Server,
  invoke: (channel: unknown, input: unknown) => Promise<unknown>,
): { emit(event: string, payload: unknown): void; close(): void } {
  const wss = new WebSocketServer({ server, path: IPC_PATH });
  wss.on('connection', (socket) => {
    socket.on('message', async (data) => {
      const { id, channel, input } = JSON.parse(String(data)) as {
        id: number;
        channel: unknown;
        input: unknown;
      };
      // As ipcRenderer.invoke rejects when a handler throws (the router answers errors as results).
      const answer = await invoke(channel, input).then(
        (result) => ({ id, result }),
        (err: unknown) => ({ id, error: String(err) }),
      );
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(answer));
    });
  });
  return {
    emit(event, payload) {
      const message = JSON.stringify({ event, payload });
      for (const socket of wss.clients) if (socket.readyState === WebSocket.OPEN) socket.send(message);
    },
    close() {
      // Upgraded sockets would keep the page server's close waiting.
      for (const socket of wss.clients) socket.terminate();
      wss.close();
    },
  };
}

/**
 * window.assistant as the preload defines it, over the IPC socket. A string, not a function:
 * transpilers (tsx, for the benchmark) may add helpers to a function's source that do not exist
 * in the page. Invokes made before the socket opens wait for it; once it fails or closes, every
 * invoke waiting and every later one rejects, as ipcRenderer.invoke does when its window is gone.
 */
const BRIDGE = `
  (() => {
    const socket = new WebSocket('ws://' + location.host + '${IPC_PATH}');
    const pending = new Map();
    let broken = null;
    const opened = new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('close', () => {
        broken = new Error('The IPC socket closed');
        reject(broken);
        for (const settle of pending.values()) settle.reject(broken);
        pending.clear();
      });
    });
    const listeners = new Map();
    let nextId = 0;
    socket.addEventListener('message', (message) => {
      const data = JSON.parse(message.data);
      if ('event' in data) (listeners.get(data.event) || []).forEach((l) => l(data.payload));
      else {
        const settle = pending.get(data.id);
        pending.delete(data.id);
        if ('error' in data) settle?.reject(new Error(data.error));
        else settle?.resolve(data.result);
      }
    });
    const invoke = (channel, input) =>
      opened.then(
        () =>
          new Promise((resolve, reject) => {
            if (broken) return reject(broken);
            const id = nextId++;
            pending.set(id, { resolve, reject });
            socket.send(JSON.stringify({ id, channel, input }));
          }),
      );
    // As the preload does: the app state is asked for as the page begins to load.
    let firstState = invoke('app.state', {});
    firstState.catch(() => undefined);
    window.assistant = {
      invoke,
      firstState: () => {
        const asked = firstState || invoke('app.state', {});
        firstState = null;
        return asked;
      },
      on: (event, listener) => {
        listeners.set(event, [...(listeners.get(event) || []), listener]);
        return () => listeners.set(event, (listeners.get(event) || []).filter((l) => l !== listener));
      },
    };
  })();`;

let browser: Browser | undefined;

async function sharedBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (or scripts/install-peers.sh).`,
    );
  }
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/**
 * The small windows every screen must work in (WCAG 2.2, 1.4.10 Reflow): a 400 px wide window, and an
 * 800 × 600 window at 200 % zoom, which is the same page at 400 × 300 CSS px. Each is screenshotted
 * beside the full-size one, and content wider than the window (two-dimensional scrolling) fails.
 */
const SMALL_WINDOWS = [
  { suffix: '400px', width: 400, height: 760 },
  { suffix: 'zoom200', width: 400, height: 300 },
] as const;

async function checkReflow(page: Page, name: string): Promise<void> {
  const full = page.viewportSize();
  const overflowing: string[] = [];
  try {
    for (const w of SMALL_WINDOWS) {
      await page.setViewportSize({ width: w.width, height: w.height });
      const wide = await page.evaluate(() => {
        const root = document.documentElement;
        if (root.scrollWidth <= root.clientWidth) return null;
        // Name the widest elements, so the failure says where to look.
        return [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
          .slice(0, 3)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`,
          );
      });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}@${w.suffix}.png`), fullPage: true });
      if (wide) overflowing.push(`${w.suffix}: ${wide.join(', ')}`);
    }
  } finally {
    if (full) await page.setViewportSize(full);
  }
  if (process.env.REFLOW_REPORT_ONLY === '1') {
    for (const o of overflowing) console.log(`[reflow] ${name} ${o}`);
    return;
  }
  if (overflowing.length)
    throw new Error(`"${name}" scrolls sideways in a small window: ${overflowing.join('; ')}`);
}

export async function launchApp(options: LaunchOptions): Promise<RunningApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ses-e2e-data-')));
  const homeDir = options.homeDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ses-e2e-home-')));
  const settings = await openSettings(dataDir);
  const log = fileLog(path.join(dataDir, 'logs'));
  // The IPC socket exists only after the services: events find it through this holder.
  const ipcRef: { current?: ReturnType<typeof serveIpc> } = {};
  const assistant = createAssistant({
    settings,
    secretStore: options.secretStore ?? keychainStore({ service: 'ses-setup-assistant-e2e' }),
    log,
    homeDir,
    env: {},
    awsEndpoints:
      typeof options.awsEndpoint === 'string' ? { default: options.awsEndpoint } : options.awsEndpoint,
    // The loopback nameserver shares two cores with Chromium and the tests: give its answers room.
    peers: options.peers?.dns
      ? { ...options.peers, dns: { timeoutMs: 10_000, ...options.peers.dns } }
      : options.peers,
    awsMaxAttempts: 1,
    // Events reach the page as they would through the preload's window.assistant.on.
    emit: (event, payload) => ipcRef.current?.emit(event, payload),
  });
  const router = createRouter(assistant.handlers, log);
  const site = await serveRenderer();
  // A browser that cannot start must not leave the page server running (the process would hang).
  const context = await sharedBrowser()
    .then((b) =>
      b.newContext({ viewport: { width: 1040, height: 760 }, colorScheme: options.colorScheme ?? 'light' }),
    )
    .catch(async (err: unknown) => {
      await site.close();
      throw err;
    });
  const ipcResults: string[] = [];
  const a11y = new Map<string, A11yViolation[]>();
  const ipc = serveIpc(site.server, async (channel, input) => {
    const result = await router.invoke(channel, input);
    ipcResults.push(JSON.stringify(result));
    return result;
  });
  ipcRef.current = ipc;
  const close = async () => {
    await context.close();
    ipc.close();
    await site.close();
  };
  const page = await context.newPage();
  try {
    await page.addInitScript(BRIDGE);
    await options.beforeLoad?.(page);
    await page.goto(site.url);
  } catch (err) {
    // A page that did not load must not leave its servers running (the process would hang).
    await close();
    throw err;
  }

  return {
    page,
    assistant,
    dataDir,
    homeDir,
    ipcResults,
    a11y,
    async screenshot(name) {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
      const violations = await auditAccessibility(page);
      a11y.set(name, violations);
      // Every screen a test shows is held to zero axe-core violations, wherever the test is.
      if (violations.length) {
        throw new Error(
          `Accessibility violations on "${name}": ${violations.map((v) => `${v.id} (${v.help}) at ${v.targets.join(', ')}`).join('; ')}`,
        );
      }
      const text = await page.evaluate(() => document.body.innerText);
      await checkReflow(page, name);
      return text;
    },
    stop: close,
  };
}
