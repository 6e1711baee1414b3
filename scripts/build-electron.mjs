// Bundles the main process, the preload and the CLI into CommonJS files next to the built renderer,
// so what ships runs with no TypeScript tooling (tsx and esbuild are development dependencies).
// The preload must be one self-contained file: a sandboxed preload cannot load other modules.
// Every package these bundles hold is a development dependency; only what they leave outside
// (`external`) ships in node_modules. test/unit/packaging/what-ships.test.ts reads each build's
// metafile to hold package.json to that.
import { build } from 'esbuild';

export const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  // Which inputs each bundle holds and which imports it leaves outside.
  metafile: true,
};

/** The `ses-assistant` CLI as one file; keytar stays outside (a native module). */
export const cliBuild = (outfile) => ({
  ...common,
  entryPoints: ['cli/main.ts'],
  outfile,
  external: ['keytar'],
});

/** Everything esbuild makes for `npm run build`: the main process, the preload and the CLI. */
export const builds = [
  {
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    // electron is the runtime itself; keytar is native, rebuilt for Electron's ABI.
    external: ['electron', 'keytar'],
  },
  {
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    external: ['electron'],
  },
  cliBuild('dist/cli/ses-assistant.cjs'),
];

if (import.meta.url === `file://${process.argv[1]}`) {
  await Promise.all(builds.map((options) => build(options)));
  console.log('built dist/electron/main.cjs, dist/electron/preload.cjs and dist/cli/ses-assistant.cjs');
}
