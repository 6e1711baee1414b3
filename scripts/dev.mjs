// Development: rebuilds the renderer, main and preload on every change and restarts Electron.
import { spawn } from 'node:child_process';
import { context } from 'esbuild';
import { build as viteBuild } from 'vite';

let electron;
const restart = () => {
  electron?.kill();
  electron = spawn('npx', ['electron', '.'], { stdio: 'inherit' });
};

await viteBuild({ build: { watch: {} } });
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22' };
const onEnd = { name: 'restart', setup: (b) => b.onEnd(restart) };
const main = await context({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'dist/electron/main.cjs',
  external: ['electron', 'keytar'],
  plugins: [onEnd],
});
const preload = await context({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  external: ['electron'],
});
await Promise.all([main.watch(), preload.watch()]);
