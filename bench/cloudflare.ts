/**
 * Person actions from the DNS step to "all records in place" for a domain at Cloudflare, as counted
 * by the e2e run (test/e2e/cloudflare.test.ts, its first scenario), which writes them to
 * test-results/cloudflare-actions.json. Like user-actions.ts, the benchmark runs the test itself so
 * the count describes the code just built: the real router and renderer, the loopback Cloudflare
 * peer, and nsd serving what the peer holds (the "in place" comes from a real DNS answer).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Figure } from './figures';

const TEST = 'test/e2e/cloudflare.test.ts';
const COUNT = 'test-results/cloudflare-actions.json';
// Its own report file, so the report `npm test` left is not overwritten.
const REPORT = 'test-results/vitest-bench-cloudflare.json';

/** About 25 by hand: sign in, open the zone, and per record (6) choose the type, type the name and value, grey the cloud, save. */
const BY_HAND = 25;

export function cloudflareActions(): Figure {
  rmSync(COUNT, { force: true });
  console.error(`bench: running ${TEST} to count the Cloudflare path (about half a minute)…`);
  const run = spawnSync(process.execPath, ['scripts/run-tests.mjs', TEST, '-t', 'at most four actions'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TEST_REPORT: REPORT },
  });
  if (run.status !== 0 || !existsSync(COUNT)) {
    const last = `${run.stdout ?? ''}\n${run.stderr ?? ''}`
      .split('\n')
      .filter((l) => l.trim())
      .at(-1);
    throw new Error(
      `it needs the e2e test ${TEST} (it counts the actions), which failed: ${last ?? run.error?.message}`,
    );
  }
  const counted = JSON.parse(readFileSync(COUNT, 'utf8')) as { actions: number; byHand?: number };
  return {
    name: 'Person actions, DNS step → all records in place (Cloudflare)',
    value: counted.actions,
    unit: 'actions',
    goal: 4,
    kind: 'max',
    note: `open the token page, paste the token, confirm; the live check runs by itself. About ${counted.byHand ?? BY_HAND} by hand in Cloudflare’s dashboard`,
  };
}
