import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openSettings, SETTINGS_VERSION } from '../../../electron/core/settings';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'settings-test-'));

describe('the settings store', () => {
  it('starts with defaults when there is no file, and saves atomically', async () => {
    const dir = await tempDir();
    const store = await openSettings(dir);
    expect(store.get()).toMatchObject({
      version: SETTINGS_VERSION,
      step: 'welcome',
      region: 'us-east-1',
      profiles: [],
    });
    await store.update((s) => ({ ...s, step: 'connect' }));
    expect(JSON.parse(await readFile(store.file, 'utf8')).step).toBe('connect');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await openSettings(dir)).get().step).toBe('connect');
  });

  it('records every screen reached, however the move was made, once each and across restarts', async () => {
    const dir = await tempDir();
    const store = await openSettings(dir);
    for (const step of ['connect', 'connected', 'region', 'connected'] as const)
      await store.update((s) => ({ ...s, step }));
    await store.update((s) => ({ ...s, region: 'eu-west-1' }));
    expect((await openSettings(dir)).get().reached).toEqual(['welcome', 'connect', 'connected', 'region']);
    // A file from before this field, or with a damaged list, still opens.
    expect(migrate({ version: SETTINGS_VERSION, step: 'dns', reached: 'oops' }).reached).toEqual(['welcome']);
  });

  it('keeps a damaged file aside, starts fresh and tells the person once', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), '{"version": 1, "step": "conn');
    const store = await openSettings(dir, () => new Date('2026-11-24T10:00:00Z'));
    expect(store.get().step).toBe('welcome');
    const notices = store.takeNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/damaged/);
    expect(store.takeNotices()).toEqual([]);
    const files = await readdir(dir);
    expect(files).toContain('settings.damaged-2026-11-24T10-00-00-000Z.json');
    expect(
      await readFile(path.join(dir, 'settings.damaged-2026-11-24T10-00-00-000Z.json'), 'utf8'),
    ).toContain('"conn');
  });

  it('migrates the unversioned draft format', () => {
    expect(migrate({ wizardStep: 'connect', region: 'eu-west-1' })).toMatchObject({
      version: SETTINGS_VERSION,
      step: 'connect',
      region: 'eu-west-1',
    });
  });

  it('moves the sandbox answers of version 1 into the drafts, beside the other areas’ state', () => {
    const answers = { business: 'Pottery', mailType: 'TRANSACTIONAL', contacts: [] };
    const migrated = migrate({
      version: 1,
      step: 'sandbox',
      sandboxAnswers: answers,
      features: { cloudflare: { domains: {} } },
    });
    expect(migrated.features).toEqual({ cloudflare: { domains: {} }, drafts: { sandbox: answers } });
    expect(migrated).not.toHaveProperty('sandboxAnswers');
    expect(migrate({ version: 1, step: 'sandbox', sandboxAnswers: null }).features).toEqual({});
  });

  it('refuses a file from a newer version rather than overwriting what it does not understand', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ version: 99 }));
    const store = await openSettings(dir);
    expect(store.takeNotices()[0]).toMatch(/kept as/);
  });

  it('falls back to the first step when the saved step is unknown', () => {
    expect(migrate({ version: 1, step: 'warp-drive' }).step).toBe('welcome');
  });

  it('explains a folder it cannot write to and keeps the previous settings', async () => {
    const dir = await tempDir();
    const store = await openSettings(dir);
    await store.update((s) => ({ ...s, step: 'connect' }));
    // A directory where the temp file must go makes the write fail even for root (chmod would not).
    await mkdir(`${store.file}.${process.pid}.tmp`);
    await expect(store.update((s) => ({ ...s, step: 'connected' }))).rejects.toMatchObject({
      assistantError: { code: 'SETTINGS_NOT_SAVED' },
    });
    expect(store.get().step).toBe('connect');
    expect(JSON.parse(await readFile(store.file, 'utf8')).step).toBe('connect');
  });
});

describe('settings files from other editors', () => {
  it('reads a file that starts with a byte-order mark', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'settings.json'),
      '\uFEFF' + JSON.stringify({ version: 1, step: 'connect' }),
    );
    const store = await openSettings(dir);
    expect(store.get().step).toBe('connect');
    expect(store.takeNotices()).toEqual([]);
  });
});
