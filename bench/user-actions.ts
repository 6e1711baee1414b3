/**
 * User actions on the automatic path, as counted by the keyboard-only e2e run
 * (test/e2e/full-path.test.ts), which writes them to test-results/user-actions.json.
 *
 * The benchmark always runs that test itself rather than reading a file an earlier `npm test` may
 * have left: `npm run bench` has just built the code, and the count must describe that code, not
 * whatever was tested last. It costs about half a minute.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Figure } from './figures';

const TEST = 'test/e2e/full-path.test.ts';
const COUNT = 'test-results/user-actions.json';
// The runner always writes its report here: the bench puts back the one `npm test` left.
const REPORT = 'test-results/vitest.json';

export function userActions(): Figure {
  const earlierReport = existsSync(REPORT) ? readFileSync(REPORT) : undefined;
  rmSync(COUNT, { force: true });
  rmSync(REPORT, { force: true });
  console.error(`bench: running ${TEST} to count them (about half a minute)…`);
  // The project's runner: it gives the test the D-Bus session and unlocked keyring it needs.
  const run = spawnSync(process.execPath, ['scripts/run-tests.mjs', TEST], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const why = run.status === 0 && existsSync(COUNT) ? undefined : failure(run);
  if (earlierReport) writeFileSync(REPORT, earlierReport);
  else rmSync(REPORT, { force: true });
  if (why) throw new Error(`it needs the e2e test ${TEST} (it counts the actions), which failed: ${why}`);

  const counted = JSON.parse(readFileSync(COUNT, 'utf8')) as {
    clicks: number;
    fields: number;
    total: number;
  };
  return {
    name: 'User actions, first launch → sent test email (automatic path)',
    value: counted.total,
    unit: 'actions',
    goal: 12,
    kind: 'max',
    note: `${counted.clicks} clicks + ${counted.fields} fields; about 60 by hand in the AWS console`,
  };
}

/** One line on why the run failed: the first failed test and its error, else the runner's last words. */
function failure(run: { status: number | null; stdout: string; stderr: string; error?: Error }): string {
  if (run.error) return run.error.message;
  try {
    const report = JSON.parse(readFileSync(REPORT, 'utf8')) as {
      testResults: {
        message?: string;
        assertionResults: { title: string; failureMessages?: string[] }[];
      }[];
    };
    for (const file of report.testResults) {
      const failed = file.assertionResults.find((t) => t.failureMessages?.length);
      if (failed) return `"${failed.title}": ${oneLine(failed.failureMessages![0]!)}`;
      if (file.message) return oneLine(file.message);
    }
  } catch {
    // No report: the runner stopped before Vitest started (e.g. a missing tool); its output says why.
  }
  const lines = plain(`${run.stdout}\n${run.stderr}`).split('\n');
  const last = lines.filter((l) => l.trim() && !/^\d+ passed, \d+ failed$/.test(l.trim())).at(-1);
  return last?.trim() ?? `the runner exited with code ${run.status}`;
}

/** An error's first line, and for a Playwright timeout the line naming what it waited for. */
function oneLine(message: string): string {
  const lines = plain(message).trim().split('\n');
  const waited = lines.find((l) => l.trim().startsWith('- waiting for'));
  return [lines[0], waited?.trim().slice(2)].filter(Boolean).join(' ');
}

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
