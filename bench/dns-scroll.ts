/**
 * Pixels a person scrolls on the DNS step before its next action, at Cloudflare and at a DNS host
 * the assistant does not know, in a 1040 px window and at 200 % zoom. Measured by the e2e run
 * (test/e2e/small-windows.test.ts, with test/e2e/screen-measure.ts), which the benchmark runs
 * itself so the figures describe the code just built.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { SCROLL_FIGURES, WINDOWS, type ScreenMeasure } from '../test/e2e/screen-measure';
import type { Figure } from './figures';

const TEST = 'test/e2e/small-windows.test.ts';
// Its own report file, so the report `npm test` left is not overwritten.
const REPORT = 'test-results/vitest-bench-small-windows.json';
const HOSTS = { cloudflare: 'Cloudflare', other: 'another DNS host' } as const;

export function dnsScroll(): Figure[] {
  rmSync(SCROLL_FIGURES, { force: true });
  console.error(`bench: running ${TEST} to measure the DNS step (about half a minute)…`);
  const run = spawnSync(process.execPath, ['scripts/run-tests.mjs', TEST, '-t', 'the DNS step'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TEST_REPORT: REPORT },
  });
  // The test writes each figure before asserting its goal: a missed goal still has its figure.
  if (!existsSync(SCROLL_FIGURES)) {
    const last = `${run.stdout ?? ''}\n${run.stderr ?? ''}`
      .split('\n')
      .filter((l) => l.trim())
      .at(-1);
    throw new Error(
      `it needs the e2e test ${TEST} (it measures the screen), which failed: ${last ?? run.error?.message}`,
    );
  }
  const measured = JSON.parse(readFileSync(SCROLL_FIGURES, 'utf8')) as Record<string, ScreenMeasure>;
  return Object.entries(measured).map(([key, m]) => {
    const host = HOSTS[key.split('@')[0] as keyof typeof HOSTS];
    // A full window shows the action at once; at 200 % zoom, one screen of scrolling at most.
    const goal = m.window === 'wide' ? 0 : m.screenHeight;
    return {
      name: `DNS step scroll before the next action, ${host}, ${WINDOWS[m.window].label}`,
      value: m.scrollToAction,
      unit: 'px',
      goal,
      kind: 'max',
      note: `page ${m.pageHeight} px, screen ${m.screenHeight} px; verdict ${m.verdict ? `${m.verdict.top}–${m.verdict.bottom} px` : 'none'}, action's bottom at ${m.actionBottom} px`,
    };
  });
}
