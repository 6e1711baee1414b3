/**
 * How long the main process takes to load its services, measured as the app ships them: bundled
 * (esbuild, as the main bundle is), required in a fresh Node process, then assembled. AWS SDK
 * clients are imported lazily, so they should not count here.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Figure } from './figures';

export async function servicesLoadTime(runs = 5): Promise<Figure> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-main-'));
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import { createAssistant } from '${path.resolve('electron/services/assistant')}';
import { createRouter } from '${path.resolve('electron/ipc/router')}';
import { openSettings } from '${path.resolve('electron/services/settings')}';
import { sessionOnlyStore } from '${path.resolve('electron/services/secret-store')}';
import { silentLog } from '${path.resolve('electron/services/log')}';
export async function start(dir: string) {
  const settings = await openSettings(dir);
  const assistant = createAssistant({ settings, secretStore: sessionOnlyStore(), log: silentLog, homeDir: dir, env: {} });
  return createRouter(assistant.handlers);
}`,
  );
  const out = path.join(dir, 'services.cjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    external: ['keytar', 'electron'],
    logLevel: 'silent',
  });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const script = `const t=performance.now();const m=require(${JSON.stringify(out)});m.start(${JSON.stringify(dir)}).then(()=>console.log(performance.now()-t));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    times.push(Number(run.stdout.trim()));
  }
  times.sort((a, b) => a - b);
  return {
    name: 'Main-process services load time (bundled, median of 5)',
    value: Math.round(times[Math.floor(times.length / 2)]!),
    unit: 'ms',
    goal: 150,
    kind: 'max',
  };
}
