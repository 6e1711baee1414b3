/**
 * User actions, as counted by two e2e runs that write what they did:
 * - the automatic path (test/e2e/full-path.test.ts, keyboard only) → test-results/user-actions.json,
 *   to the simulator and then on to a test in the person's own inbox (`ownAddress`);
 * - the way back (test/e2e/navigation.test.ts): from the dashboard, the clicks that open each
 *   earlier step → test-results/back-clicks.json.
 *
 * The benchmark always runs those tests itself rather than reading files an earlier `npm test` may
 * have left: `npm run bench` has just built the code, and the counts must describe that code, not
 * whatever was tested last. It costs about a minute and a half.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { unmeasured, type Figure } from './figures';

const TESTS = ['test/e2e/full-path.test.ts', 'test/e2e/navigation.test.ts'];
const COUNT = 'test-results/user-actions.json';
const BACK = 'test-results/back-clicks.json';
// The runner always writes its report here: the bench puts back the one `npm test` left.
const REPORT = 'test-results/vitest.json';

const PATH_NAME = 'User actions, first launch → sent test email (automatic path)';
const OWN_NAME = 'User actions, first launch → test email in your own inbox';
const BACK_NAME = 'Clicks from the dashboard back to any earlier step (most)';

export function userActions(): Figure[] {
  const earlierReport = existsSync(REPORT) ? readFileSync(REPORT) : undefined;
  for (const file of [COUNT, BACK, REPORT]) rmSync(file, { force: true });
  console.error(`bench: running ${TESTS.join(' and ')} to count them (about a minute and a half)…`);
  // The project's runner: it gives the tests the D-Bus session and unlocked keyring they need.
  const run = spawnSync(process.execPath, ['scripts/run-tests.mjs', ...TESTS], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Each figure stands on its own file (removed above, so never an old one): one test failing does
  // not hide the other's count, and a count written before its goal's assertion still shows.
  const why = run.status === 0 ? undefined : failure(run);
  if (earlierReport) writeFileSync(REPORT, earlierReport);
  else rmSync(REPORT, { force: true });
  const needs = (test: string) =>
    new Error(
      `it needs the e2e test ${test} (it counts the actions), which failed: ${why ?? 'no count written'}`,
    );
  return [
    existsSync(COUNT) ? automaticPath() : unmeasured(PATH_NAME, needs(TESTS[0]!)),
    existsSync(COUNT) ? ownAddressPath() : unmeasured(OWN_NAME, needs(TESTS[0]!)),
    existsSync(BACK) ? wayBack() : unmeasured(BACK_NAME, needs(TESTS[1]!)),
  ];
}

function automaticPath(): Figure {
  const counted = JSON.parse(readFileSync(COUNT, 'utf8')) as {
    clicks: number;
    fields: number;
    total: number;
  };
  return {
    name: PATH_NAME,
    value: counted.total,
    unit: 'actions',
    goal: 12,
    kind: 'max',
    note: `${counted.clicks} clicks + ${counted.fields} fields; about 60 by hand in the AWS console`,
  };
}

/**
 * The simulator's test plus the person's own address: typing it and one click. Goal 14, the
 * simulator path's 12 plus those two: the own-address test is meant to be a single action. In the
 * sandbox an address outside the verified domain also needs the link in SES's email clicked (in the
 * person's mail program, not counted here; moto verifies at once).
 */
function ownAddressPath(): Figure {
  const counted = JSON.parse(readFileSync(COUNT, 'utf8')) as {
    ownAddress?: { clicks: number; fields: number; total: number };
  };
  if (!counted.ownAddress) return unmeasured(OWN_NAME, new Error(`${COUNT} holds no ownAddress count`));
  const { clicks, fields, total } = counted.ownAddress;
  return {
    name: OWN_NAME,
    value: total,
    unit: 'actions',
    goal: 14,
    kind: 'max',
    note: `${clicks} clicks + ${fields} fields; plus the link in SES's email when the address needs verifying`,
  };
}

function wayBack(): Figure {
  const counted = JSON.parse(readFileSync(BACK, 'utf8')) as { clicks: Record<string, number>; max: number };
  const steps = Object.keys(counted.clicks);
  return {
    name: BACK_NAME,
    value: counted.max,
    unit: 'clicks',
    goal: 1,
    kind: 'max',
    note: `each of ${steps.length} steps (${steps.join(', ')}) opens from the step list`,
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
