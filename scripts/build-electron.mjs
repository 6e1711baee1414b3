// Bundles the main process, the preload and the CLI into CommonJS files next to the built renderer,
// so what ships runs with no TypeScript tooling (tsx and esbuild are development dependencies).
// The preload must be one self-contained file: a sandboxed preload cannot load other modules.
import { build } from 'esbuild';

export const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
};

/** The `ses-assistant` CLI as one file; keytar stays outside (a native module). */
export const cliBuild = (outfile) => ({
  ...common,
  entryPoints: ['cli/main.ts'],
  outfile,
  external: ['keytar'],
});

if (import.meta.url === `file://${process.argv[1]}`) {
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main.ts'],
      outfile: 'dist/electron/main.cjs',
      external: ['electron', 'keytar'],
    }),
    build({
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      external: ['electron'],
    }),
    build(cliBuild('dist/cli/ses-assistant.cjs')),
  ]);
  console.log('built dist/electron/main.cjs, dist/electron/preload.cjs and dist/cli/ses-assistant.cjs');
}
