/**
 * The renderer's weight (initial JS, gzip) and how soon its first screen can be used in headless
 * Chromium, each beside the same figure for a bare React page (React + ReactDOM rendering one
 * button) that is built, served and loaded the same way. The ratio is what carries from one machine
 * to another: the bare page is the floor any React renderer stands on.
 */
import react from '@vitejs/plugin-react';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { closeBrowser, launchApp, serveRenderer } from '../test/e2e/harness';
import { median, type Figure } from './figures';

const BUTTON = 'Get started';

/** Builds the bare React page into a temp dir, with the app's build settings; returns its dist dir. */
export async function buildBareReactPage(): Promise<string> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-bare-react-'));
  writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Bare</title></head>' +
      '<body><div id="root"></div><script type="module" src="./main.jsx"></script></body></html>',
  );
  writeFileSync(
    path.join(root, 'main.jsx'),
    `import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')).render(<button type="button">${BUTTON}</button>);`,
  );
  // The page sits outside the repo, so React is resolved to the project's own copy.
  const require = createRequire(import.meta.url);
  const pkg = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
  const outDir = path.join(root, 'dist');
  await build({
    configFile: false,
    root,
    base: './',
    mode: 'production',
    logLevel: 'silent',
    plugins: [react()],
    resolve: { alias: { react: pkg('react'), 'react-dom': pkg('react-dom') } },
    // As vite.config.ts builds the app, so both pages get the same transforms.
    build: { outDir, emptyOutDir: true, target: 'chrome130', sourcemap: false },
  });
  return outDir;
}

/** The gzip size of the entry script and the chunks it preloads; lazily imported chunks are not. */
function initialJs(dir: string): { kb: number; files: number; all: number } {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = initial.reduce((n, file) => n + gzipSync(readFileSync(path.join(dir, file))).length, 0);
  const all = readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js')).length;
  return { kb: Math.round(bytes / 102.4) / 10, files: initial.length, all };
}

export function initialJsGzip(bareDir: string, appDir = 'dist/renderer'): Figure {
  const app = initialJs(appDir);
  return {
    name: 'Renderer initial JS, gzip',
    value: app.kb,
    unit: 'KB',
    baseline: initialJs(bareDir).kb,
    goal: 1.3,
    kind: 'ratio',
    note: `${app.files} of ${app.all} JS files load at start; baseline: a bare React page with one button`,
  };
}

const READY = 'first-screen-ready';

/**
 * Says on the page's console, by its own clock from navigation start, when the button is in the
 * page and laid out (a click reaches it only once it has a box): the same point for both pages,
 * whether a page lays out on its own (the bare one, after its commit) or earlier (the app focuses
 * its heading). Heard, not asked: polling the page from Playwright runs its selector engine on the
 * page's own thread while it starts (15 to 25 ms a load, measured with the CPU profiler), and
 * asking afterwards adds Playwright's round trips (40 to 190 ms here) and their noise.
 */
const SAY_WHEN_READY = `
  new MutationObserver((_changes, observer) => {
    for (const button of document.querySelectorAll('button')) {
      if (button.textContent === ${JSON.stringify(BUTTON)}) {
        button.getBoundingClientRect();
        console.log('${READY} ' + performance.now());
        observer.disconnect();
        return;
      }
    }
  }).observe(document, { childList: true, subtree: true });`;

/** `ready` resolves with the moment the page says; `stop` ends the wait, whether it came or not. */
interface ReadyProbe {
  ready: Promise<number>;
  stop(): void;
}

/** Adds the probe to a page before it loads. */
async function listenForReady(page: Page): Promise<ReadyProbe> {
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<number>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the "${BUTTON}" button did not appear`)), 30_000);
    page.on('console', (message) => {
      const [word, ms] = message.text().split(' ');
      if (word !== READY) return;
      clearTimeout(timer);
      resolve(Number(ms));
    });
  });
  // A load that fails first reports its own error; this one must not surface as unhandled.
  ready.catch(() => undefined);
  await page.addInitScript(SAY_WHEN_READY);
  return { ready, stop: () => clearTimeout(timer) };
}

async function loadApp(): Promise<{ ms: number; browser: Browser }> {
  let probe: ReadyProbe | undefined;
  try {
    const app = await launchApp({
      awsEndpoint: 'http://127.0.0.1:9',
      beforeLoad: async (page) => void (probe = await listenForReady(page)),
    });
    try {
      // The harness's own browser: the baseline then runs with exactly its launch and flags.
      return { ms: await probe!.ready, browser: app.page.context().browser()! };
    } finally {
      await app.stop();
    }
  } finally {
    probe?.stop();
  }
}

async function loadBare(browser: Browser, dir: string): Promise<number> {
  // A fresh server and context each time, as launchApp makes them for the app.
  const site = await serveRenderer(dir);
  const context = await browser.newContext({ viewport: { width: 1040, height: 760 }, colorScheme: 'light' });
  try {
    const page = await context.newPage();
    const probe = await listenForReady(page);
    try {
      await page.goto(site.url);
      return await probe.ready;
    } finally {
      probe.stop();
    }
  } finally {
    await context.close();
    await site.close();
  }
}

/**
 * 61 pairs, about a minute: single loads on a shared two-core machine ranged from 120 to 440 ms,
 * and with 25 pairs the ratio of the same code moved between 1.08 and 1.51 from run to run; with
 * 61, between 1.15 and 1.27 in five quiet runs.
 */
export async function firstScreenInteractive(bareDir: string, runs = 61): Promise<Figure> {
  try {
    // One unrecorded pair first: the browser's first page pays for warming it, and that cost
    // belongs to neither side.
    const { browser } = await loadApp();
    await loadBare(browser, bareDir);
    const app: number[] = [];
    const bare: number[] = [];
    // Interleaved, so a busy moment on the machine slows both series alike.
    for (let i = 0; i < runs; i++) {
      app.push((await loadApp()).ms);
      bare.push(await loadBare(browser, bareDir));
    }
    return {
      name: `First screen interactive, headless Chromium (median of ${runs})`,
      value: Math.round(median(app)),
      unit: 'ms',
      baseline: Math.round(median(bare)),
      pairedRatio: median(app.map((ms, i) => ms / bare[i]!)),
      goal: 1.3,
      kind: 'ratio',
      note: `ratio: the median of the ${runs} pairs’ ratios; baseline: a bare React page with one button`,
    };
  } finally {
    await closeBrowser();
  }
}
