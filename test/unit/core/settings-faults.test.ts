/**
 * Settings file faults not covered in settings.test.ts: an empty file, a folder where the file
 * should be, JSON of the wrong shape, an old version on disk, and a temp file left by a crash.
 * Each time the store opens (never throws), holds valid settings, tells the person once when it
 * had to start fresh, and keeps what was there.
 */
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSettings, settingsSchema, SETTINGS_VERSION } from '../../../electron/core/settings';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'settings-fault-'));
const NOW = () => new Date('2026-11-24T10:00:00Z');
const KEPT = 'settings.damaged-2026-11-24T10-00-00-000Z.json';

describe('settings file faults', () => {
  it('an empty file (a crash before the first write reached the disk) is kept aside and explained', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), '');
    const store = await openSettings(dir, NOW);
    expect(store.get().step).toBe('welcome');
    expect(store.takeNotices()).toEqual([expect.stringMatching(/damaged.*kept as settings\.damaged-/)]);
    expect((await stat(path.join(dir, KEPT))).size).toBe(0);
    await store.update((s) => ({ ...s, step: 'connect' }));
    expect(JSON.parse(await readFile(store.file, 'utf8')).step).toBe('connect');
  });

  it('a folder named settings.json: moved aside with its content, then saving works again', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'settings.json'));
    await writeFile(path.join(dir, 'settings.json', 'keep-me.txt'), 'not ours');
    const store = await openSettings(dir, () => new Date('2026-11-24T10:00:00Z'));
    expect(store.get()).toEqual(settingsSchema.parse({ version: SETTINGS_VERSION }));
    expect(store.takeNotices()).toEqual([
      expect.stringMatching(/could not be read.*kept as settings\.unreadable-/),
    ]);
    // Nothing is lost: what was there is kept under the new name, and the app can save again.
    const kept = path.join(dir, 'settings.unreadable-2026-11-24T10-00-00-000Z.json', 'keep-me.txt');
    expect(await readFile(kept, 'utf8')).toBe('not ours');
    await store.update((s) => ({ ...s, step: 'connect' }));
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8')).step).toBe('connect');
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"settings"'],
    ['a number', '42'],
    ['profiles that are not a list', '{"version":1,"profiles":"oops"}'],
    ['a profile missing its fields', '{"version":1,"profiles":[{"id":"p1"}]}'],
  ])('JSON that is %s: fresh start, the old text kept byte for byte, one notice', async (_what, text) => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), text);
    const store = await openSettings(dir, NOW);
    expect(settingsSchema.safeParse(store.get()).success).toBe(true);
    expect(store.get().profiles).toEqual([]);
    expect(store.takeNotices()).toHaveLength(1);
    expect(store.takeNotices()).toEqual([]);
    expect(await readFile(path.join(dir, KEPT), 'utf8')).toBe(text);
  });

  it('an old (unversioned) file on disk is migrated without a notice and saved as the current version', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'settings.json'),
      JSON.stringify({ wizardStep: 'connect', region: 'eu-west-1' }),
    );
    const store = await openSettings(dir);
    expect(store.get()).toMatchObject({ version: SETTINGS_VERSION, step: 'connect', region: 'eu-west-1' });
    expect(store.takeNotices()).toEqual([]);
    await store.update((s) => s);
    expect(JSON.parse(await readFile(store.file, 'utf8'))).toMatchObject({
      version: SETTINGS_VERSION,
      step: 'connect',
    });
    expect((await readdir(dir)).sort()).toEqual(['settings.json']);
  });

  it('a version written as text is read as the unversioned format: recovered, nothing lost', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), '{"version":"1","step":"connect","region":"eu-west-1"}');
    const store = await openSettings(dir);
    expect(store.get()).toMatchObject({ version: SETTINGS_VERSION, step: 'connect', region: 'eu-west-1' });
    expect(store.takeNotices()).toEqual([]);
  });

  it('a half-written temp file left by a crash is ignored and replaced by the next save', async () => {
    const dir = await tempDir();
    const first = await openSettings(dir);
    await first.update((s) => ({ ...s, step: 'connect' }));
    await writeFile(`${first.file}.${process.pid}.tmp`, '{"version":1,"st');
    const store = await openSettings(dir);
    expect(store.get().step).toBe('connect');
    expect(store.takeNotices()).toEqual([]);
    await store.update((s) => ({ ...s, step: 'connected' }));
    expect(JSON.parse(await readFile(store.file, 'utf8')).step).toBe('connected');
    expect((await readdir(dir)).sort()).toEqual(['settings.json']);
  });
});
