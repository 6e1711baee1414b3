/** The renderer's weight (initial JS, gzip) and how soon its first screen can be used in headless Chromium. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { closeBrowser, launchApp } from '../test/e2e/harness';
import type { Figure } from './figures';

export function initialJsGzip(dir = 'dist/renderer'): Figure {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  // The initial load is the entry script and the chunks it preloads; lazily imported chunks are not.
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = initial.reduce((n, file) => n + gzipSync(readFileSync(path.join(dir, file))).length, 0);
  const all = readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js')).length;
  return {
    name: 'Renderer initial JS, gzip',
    value: Math.round(bytes / 102.4) / 10,
    unit: 'KB',
    goal: 200,
    kind: 'max',
    note: `${initial.length} of ${all} JS files load at start`,
  };
}

export async function firstScreenInteractive(runs = 5): Promise<Figure> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const app = await launchApp({ awsEndpoint: 'http://127.0.0.1:9' });
    // From navigation start to the Welcome screen's button being ready for a click.
    await app.page.getByRole('button', { name: 'Get started' }).waitFor();
    times.push(await app.page.evaluate(() => performance.now()));
    await app.stop();
  }
  await closeBrowser();
  times.sort((a, b) => a - b);
  return {
    name: 'First screen interactive, headless Chromium (median of 5)',
    value: Math.round(times[Math.floor(times.length / 2)]!),
    unit: 'ms',
    goal: 500,
    kind: 'max',
  };
}
