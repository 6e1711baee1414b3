// Runs every Vitest tier inside a private D-Bus session with an unlocked gnome-keyring, so the
// keychain tests meet a real Secret Service and never touch the developer's own keyring.
// Prints how long each tier took, and ends with the plain summary line "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const need = (cmd, pkg) => {
  if (spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0) {
    console.error(
      `Missing ${cmd}: install it with "apt-get install -y ${pkg}" (or run scripts/install-peers.sh).`,
    );
    process.exit(1);
  }
};
need('dbus-run-session', 'dbus');
need('gnome-keyring-daemon', 'gnome-keyring');

mkdirSync('test-results', { recursive: true });
// TEST_REPORT: another file for the JSON report, so two runs at once do not overwrite each other's.
const report = process.env.TEST_REPORT ?? 'test-results/vitest.json';
const args = process.argv
  .slice(2)
  .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
  .join(' ');
const inner = [
  // A throwaway keyring password: the keyring lives only as long as this session.
  'printf throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
  `exec npx vitest run --reporter=default --reporter=json --outputFile.json=${report} ${args}`,
].join('; ');
const run = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], {
  stdio: 'inherit',
  env: {
    ...process.env,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
  },
});

/**
 * How long each tier took, from its files in the report: the tiers run side by side (e2e one file at
 * a time), so a tier's time is from its first file's start to its last file's end, and the sum of
 * its files' own times says how much work it was.
 */
function tierDurations(testResults) {
  const tiers = new Map();
  for (const file of testResults) {
    const tier = path.relative(process.cwd(), file.name).split(path.sep)[1] ?? 'other';
    const t = tiers.get(tier) ?? { files: 0, first: Infinity, last: 0, busy: 0 };
    t.files += 1;
    t.first = Math.min(t.first, file.startTime);
    t.last = Math.max(t.last, file.endTime);
    t.busy += file.endTime - file.startTime;
    tiers.set(tier, t);
  }
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const order = ['unit', 'glue', 'renderer', 'integration', 'e2e'];
  const rank = (tier) => (order.includes(tier) ? order.indexOf(tier) : order.length);
  return [...tiers]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(
      ([tier, t]) =>
        `${tier.padEnd(12)} ${String(t.files).padStart(3)} files  ${seconds(t.last - t.first).padStart(8)}  (files' own time ${seconds(t.busy)})`,
    );
}

let passed = 0;
let failed = 0;
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  // A suite that failed to load counts as a failure even when no single test did.
  failed = result.numFailedTests || (result.success ? 0 : 1);
  console.log(['Time per tier:', ...tierDurations(result.testResults)].join('\n  '));
} catch {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
