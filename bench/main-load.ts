/**
 * How long the main process takes to load its services, measured as the app ships them: bundled
 * (esbuild, as the main bundle is), required in a fresh Node process, then assembled. AWS SDK
 * clients are imported lazily, so they should not count here.
 *
 * Beside it, a baseline: a bundle of the same size that does nothing, required the same way. What
 * Node and reading so many bytes cost is then in both, and the ratio shows what the services' own
 * start-up adds.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, type Figure } from './figures';

// ─── Where the services live (repo-relative, no extension). Edit only here if they move.
const SERVICES = {
  assistant: 'electron/assistant',
  router: 'electron/ipc/router',
  settings: 'electron/core/settings',
  secretStore: 'electron/core/secret-store',
  log: 'electron/core/log',
};
// ───

const at = (module: string) => JSON.stringify(path.resolve(module));

export async function servicesLoadTime(runs = 31): Promise<Figure> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-main-'));
  try {
    return await measureIn(dir, runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureIn(dir: string, runs: number): Promise<Figure> {
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import { createAssistant } from ${at(SERVICES.assistant)};
import { createRouter } from ${at(SERVICES.router)};
import { openSettings } from ${at(SERVICES.settings)};
import { sessionOnlyStore } from ${at(SERVICES.secretStore)};
import { silentLog } from ${at(SERVICES.log)};
export async function start(dir: string) {
  const settings = await openSettings(dir);
  const assistant = createAssistant({ settings, secretStore: sessionOnlyStore(), log: silentLog, homeDir: dir, env: {} });
  return createRouter(assistant.handlers);
}`,
  );
  const services = path.join(dir, 'services.cjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: services,
    external: ['keytar', 'electron'],
    logLevel: 'silent',
  });
  // The inert bundle is the services bundle itself, as the body of a function that is never called.
  // V8 still reads and pre-parses every byte of it (the same tokens, the same syntax, which is what
  // lazily compiled code costs the services bundle too) but runs none of it. A comment or a string
  // of that size would be cheaper: the scanner skips those almost for free.
  const inert = path.join(dir, 'inert.cjs');
  writeFileSync(
    inert,
    `exports.start = async () => {};\nfunction neverCalled() {\n${readFileSync(services, 'utf8')}\n}\n`,
  );

  const loadMs = (file: string) => {
    const script = `const t=performance.now();const m=require(${JSON.stringify(file)});m.start(${JSON.stringify(dir)}).then(()=>console.log(performance.now()-t));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    const ms = Number(run.stdout.trim());
    if (run.status !== 0 || !Number.isFinite(ms))
      throw new Error(`loading ${file} failed: ${run.stderr.trim()}`);
    return ms;
  };
  // One unrecorded pair warms the file cache for both.
  loadMs(services);
  loadMs(inert);
  const times: number[] = [];
  const baseline: number[] = [];
  // Interleaved, so a busy moment on the machine slows both series alike.
  for (let i = 0; i < runs; i++) {
    times.push(loadMs(services));
    baseline.push(loadMs(inert));
  }
  const kb = (file: string) => `${Math.round(statSync(file).size / 1024)} KB`;
  return {
    name: `Main-process services load time (bundled, median of ${runs})`,
    value: Math.round(median(times)),
    unit: 'ms',
    baseline: Math.round(median(baseline)),
    goal: 2,
    kind: 'ratio',
    note: `bundle ${kb(services)}; baseline: the same bytes in a function never called (${kb(inert)})`,
  };
}
