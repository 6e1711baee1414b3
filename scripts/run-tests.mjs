// Runs every Vitest tier inside a private D-Bus session with an unlocked gnome-keyring, so the
// keychain tests meet a real Secret Service and never touch the developer's own keyring.
// Ends with the plain summary line "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

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

let passed = 0;
let failed = 0;
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  // A suite that failed to load counts as a failure even when no single test did.
  failed = result.numFailedTests || (result.success ? 0 : 1);
} catch {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
