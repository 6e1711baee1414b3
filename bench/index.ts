/**
 * `npm run bench`: prints the product's speed and size figures with the goal beside each. Timings
 * are shown beside a baseline measured in the same run, and their goal is on the ratio, so they
 * mean the same on a busy shared machine. These are figures, not tests: a missed goal prints
 * MISSED and exits 0; only a figure that could not be measured makes the exit code non-zero.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { dnsCheckRatio } from './dns';
import { printFigures, unmeasured, type Figure } from './figures';
import { ipcOverhead } from './ipc-overhead';
import { servicesLoadTime } from './main-load';
import { buildBareReactPage, firstScreenInteractive, initialJsGzip } from './renderer';
import { userActions } from './user-actions';
import { cloudflareActions } from './cloudflare';
import { feedbackStoreFigures } from './feedback';
import { dnsScroll } from './dns-scroll';

const figures: Figure[] = [];
/**
 * `npm run bench -- <words>`: only the measurements whose name contains one of the words (any
 * case), e.g. `npm run bench -- scroll`. With no words, every measurement runs.
 */
const only = process.argv.slice(2).map((w) => w.toLowerCase());

/** Runs one measurement; if it fails, its row says why and the others still run. */
async function measure(name: string, produce: () => Figure | Figure[] | Promise<Figure | Figure[]>) {
  if (only.length && !only.some((w) => name.toLowerCase().includes(w))) return;
  console.error(`bench: ${name}…`);
  try {
    figures.push(...[await produce()].flat());
  } catch (error) {
    figures.push(unmeasured(name, error));
  }
}

await measure('User actions', userActions);
await measure('Cloudflare actions', cloudflareActions);
await measure('DNS step scroll', dnsScroll);
await measure('IPC overhead', () => ipcOverhead());
await measure('DNS check', () => dnsCheckRatio());
// Built once, on first use, for both renderer figures; if it fails, both rows say why.
let bare: Promise<string> | undefined;
const bareReactPage = () => (bare ??= buildBareReactPage());
await measure('Renderer initial JS', async () => initialJsGzip(await bareReactPage()));
await measure('First screen interactive', async () => firstScreenInteractive(await bareReactPage()));
await bare?.then((dir) => rmSync(path.dirname(dir), { recursive: true, force: true })).catch(() => {});
await measure('Main-process services load', () => servicesLoadTime());
await measure('Feedback store', () => feedbackStoreFigures());
printFigures(figures);
// Exit rather than wait for the event loop to drain: a measurement that failed halfway (e.g. the
// harness throwing after it started its page server) may leave a handle open, and would hang here.
process.exit(figures.some((f) => f.error) ? 1 : 0);
