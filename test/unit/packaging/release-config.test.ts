/**
 * electron-builder.yml, read and checked by electron-builder's own code (its loader, its schema and
 * its macro expansion): the installers are signed and notarised where the environment holds the
 * secrets, no secret is written in the file, and every build publishes a draft to GitHub Releases,
 * which is where the installed app looks for updates.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const appBuilder = createRequire(fromBuilder.resolve('app-builder-lib/package.json'));
const { getConfig, validateConfiguration } = appBuilder('./out/util/config/config.js');
const { expandMacro } = appBuilder('./out/util/macroExpander.js');

type Config = Record<string, unknown> & {
  publish: { provider: string; owner: string; repo: string; releaseType: string };
  mac: Record<string, unknown> & { target: string[]; entitlements: string; entitlementsInherit: string };
  win: Record<string, unknown> & { target: string[] };
  linux: Record<string, unknown> & { target: string[] };
};

/** Every key path in the config, with its value. */
function entries(value: unknown, at = ''): [string, unknown][] {
  if (!value || typeof value !== 'object') return [[at, value]];
  return Object.entries(value).flatMap(([k, v]) => [
    [`${at}.${k}`, v] as [string, unknown],
    ...entries(v, `${at}.${k}`),
  ]);
}

describe('electron-builder.yml', () => {
  let config: Config;
  beforeAll(async () => {
    config = (await getConfig(root, null, null)) as Config;
  });

  it('publishes a draft to the GitHub repository the environment names, in a form electron-builder accepts', async () => {
    await expect(validateConfiguration(config, { isEnabled: false })).resolves.toBeUndefined();
    expect(config.publish).toMatchObject({ provider: 'github', releaseType: 'draft' });
    const appInfo = { version: '1.2.3' };
    const env = {
      SES_ASSISTANT_RELEASE_OWNER: 'example-owner',
      SES_ASSISTANT_RELEASE_REPO: 'ses-setup-assistant',
    };
    const saved = { ...process.env };
    try {
      Object.assign(process.env, env);
      expect(expandMacro(config.publish.owner, null, appInfo)).toBe('example-owner');
      expect(expandMacro(config.publish.repo, null, appInfo)).toBe('ses-setup-assistant');
      // Without them, packaging stops and says which is missing: no installer points at a placeholder.
      delete process.env.SES_ASSISTANT_RELEASE_OWNER;
      expect(() => expandMacro(config.publish.owner, null, appInfo)).toThrow(/SES_ASSISTANT_RELEASE_OWNER/);
    } finally {
      process.env = saved;
    }
  });

  it('signs and notarises with secrets from the environment only, the hardened runtime allowing only V8’s JIT', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    // The dmg is what people download; electron-updater updates a Mac app from the zip.
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg', 'zip']));
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = readFileSync(path.join(root, file), 'utf8');
      expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual([
        'com.apple.security.cs.allow-jit',
      ]);
    }
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);

    // No secret in the file: certificates, passwords, the Apple ID and tokens come from the environment.
    const secretKeys =
      /password|token|secret|cscLink|cscKeyPassword|certificateFile|certificateSha1|appleId|apiKey/i;
    const found = entries(config).filter(([key]) => secretKeys.test(key.split('.').pop()!));
    expect(found).toEqual([]);
    // The file's own text too: not a certificate, a key or a credential-looking value.
    const text = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY|\.p12|\.pfx|ghp_|github_pat_|AKIA[0-9A-Z]{16}/);
    expect(existsSync(path.join(root, 'electron-builder.env'))).toBe(false);
  });
});
