/**
 * What an installer holds, asked of electron-builder's own code without building one (Electron's
 * binary cannot be downloaded here): its file matchers say which of the project's files go in, and
 * its node-module collector (the one `electron-builder` runs before copying) says which packages do.
 * What the bundles hold and leave outside comes from esbuild's metafile for the very builds
 * `npm run build` runs, so the test follows the code as it changes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { builds } from '../../../scripts/build-electron.mjs';

const root = process.cwd();
// electron-builder's internals, resolved from electron-builder itself whatever npm hoisted.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const appBuilder = createRequire(fromBuilder.resolve('app-builder-lib/package.json'));
const { getCollectorByPackageManager, PM } = appBuilder('./out/node-module-collector/index.js');
const { getMainFileMatchers } = appBuilder('./out/fileMatcher.js');
const { getConfig } = appBuilder('./out/util/config/config.js');
const { TmpDir } = createRequire(appBuilder.resolve('builder-util'))('temp-file');

interface NodeModuleInfo {
  name: string;
  version: string;
  dir: string;
  dependencies?: NodeModuleInfo[];
}

/** `@scope/name` or `name` of a file inside node_modules (the innermost package). */
function packageOf(file: string): string | null {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(file);
  return m ? m[1]! : null;
}

/** `@scope/name` or `name` of an import specifier. */
const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * A package the importer declares an optional peer dependency: loaded in a try where it is
 * installed, and the feature it serves is refused where not (proxy-agent-negotiate's kerberos, for
 * Negotiate proxy authentication).
 */
function optionalPeer(importer: string | null, name: string): boolean {
  if (!importer) return false;
  const dir = locate(importer, root);
  const pkg = dir && JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return pkg?.peerDependenciesMeta?.[name]?.optional === true;
}

/** The folder Node finds `name` in, looked up from `fromDir` as require() does. */
function locate(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === path.dirname(dir)) return null;
  }
}

/** Each package, as name@version, that `names` need at run time, by their package.json files. */
function runtimeClosure(names: string[]): Set<string> {
  const found = new Set<string>();
  const visit = (name: string, fromDir: string) => {
    const dir = locate(name, fromDir);
    if (!dir) return; // a missing optional dependency
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const id = `${pkg.name}@${pkg.version}`;
    if (found.has(id)) return;
    found.add(id);
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep, dir);
  };
  for (const name of names) visit(name, root);
  return found;
}

function flatten(modules: NodeModuleInfo[], into = new Set<string>()): Set<string> {
  for (const m of modules) {
    into.add(`${m.name}@${m.version}`);
    flatten(m.dependencies ?? [], into);
  }
  return into;
}

/** The project's files electron-builder puts in the app, walking a tree as its copier does. */
function appFiles(files: string[], config: object): string[] {
  const info = {
    projectDir: root,
    buildResourcesDir: path.join(root, 'build'),
    isPrepackedAppAsar: false,
    config,
    debugLogger: { isEnabled: false },
  };
  const [matcher] = getMainFileMatchers(
    root,
    '/app',
    (pattern: string) => pattern,
    {},
    { info },
    path.join(root, 'release'),
    false,
  );
  const accept = matcher.createFilter();
  const dirs = new Set(
    files.flatMap((f) =>
      f
        .split('/')
        .slice(0, -1)
        .map((_, i, p) => p.slice(0, i + 1).join('/')),
    ),
  );
  const stat = (isDir: boolean) => ({ isDirectory: () => isDir, isFile: () => !isDir });
  // A folder the filter refuses is not entered, so nothing below it is copied.
  const reachable = (file: string) => {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (!accept(path.join(root, ...parts.slice(0, i)), stat(true))) return false;
    }
    return accept(path.join(root, file), stat(dirs.has(file)));
  };
  return files.filter(reachable).sort();
}

describe('what ships', () => {
  const bundled = new Map<string, Set<string>>(); // output → packages inside it
  const outside = new Map<string, Set<string>>(); // output → packages it requires at run time
  const optional = new Set<string>(); // optional peers left outside, not installed
  let shipped: Set<string>;
  let config: Record<string, unknown>;

  beforeAll(async () => {
    for (const options of builds as { outfile: string }[]) {
      const result = await build({ ...options, write: false, metafile: true, logLevel: 'silent' });
      const meta = result.metafile as Metafile;
      const inside = new Set<string>();
      for (const input of Object.keys(meta.inputs)) {
        const name = packageOf(input);
        if (name) inside.add(name);
      }
      const needed = new Set<string>();
      for (const [input, { imports }] of Object.entries(meta.inputs)) {
        for (const imported of imports) {
          if (!imported.external || isBuiltin(imported.path)) continue;
          const name = packageName(imported.path);
          if (optionalPeer(packageOf(input), name)) optional.add(name);
          else needed.add(name);
        }
      }
      bundled.set(options.outfile, inside);
      outside.set(options.outfile, needed);
    }
    const tmp = new TmpDir('what-ships');
    try {
      const collector = getCollectorByPackageManager(PM.NPM, root, tmp);
      const { nodeModules } = await collector.getNodeModules({ packageName: 'ses-setup-assistant' });
      shipped = flatten(nodeModules);
    } finally {
      await tmp.cleanup();
    }
    config = await getConfig(root, null, null);
  }, 120_000);

  it('is the built dist, package.json and the packages the bundles leave outside, nothing they hold', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies?: Record<string, string> };
    // Electron is the runtime itself; everything else a bundle leaves outside must be installed.
    const external = [...new Set([...outside.values()].flatMap((s) => [...s]))].filter(
      (n) => n !== 'electron',
    );
    expect(external.sort()).toEqual(['keytar']);
    for (const name of optional) expect(locate(name, root), `${name} is optional and not shipped`).toBeNull();
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual(external);

    const inBundles = new Set([...bundled.values()].flatMap((s) => [...s]));
    expect(inBundles.size).toBeGreaterThan(20); // the AWS SDK, zod, nodemailer, electron-updater…
    const alsoShipped = [...shipped].filter((id) => inBundles.has(id.slice(0, id.lastIndexOf('@'))));
    expect(alsoShipped, 'bundled, and copied into the app again').toEqual([]);

    // Exactly keytar and what it needs: what electron-builder copies is what npm would install.
    expect([...shipped].sort()).toEqual([...runtimeClosure(external)].sort());
    expect([...shipped].some((id) => id.startsWith('keytar@'))).toBe(true);

    // Of the project's own files: the built dist and package.json; no source, test or source map.
    const tracked = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      encoding: 'utf8',
    })
      .stdout.trim()
      .split('\n');
    const built = [
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/cli/ses-assistant.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-Bx1.js',
      'dist/renderer/assets/index-Bx1.js.map',
      'dist/renderer/assets/index-Bx1.css',
    ];
    const inApp = appFiles([...tracked, ...built], config);
    expect(inApp).toEqual([...built.filter((f) => !f.endsWith('.map')), 'package.json'].sort());
  });
});
