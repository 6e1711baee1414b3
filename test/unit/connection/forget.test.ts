/**
 * "Forget this connection" leaves nothing of it behind: its keys and a rotation's pending and
 * previous keys in the (session-only) keychain, the rotation and key dates in the real settings
 * file, and the AWS clients cached for it. Another connection's data is left alone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadSlot, saveSlot } from '../../../electron/features/rotation/key-slots';
import type { ProfileRecord } from '../../../electron/core/settings';
import { rotationState } from '../../../electron/core/rotation-state';
import { buildTestApp, type TestApp } from '../../support/assistant';

const keys = (n: number) => ({
  accessKeyId: `AKIAIOSFODNN7EXAMPL${n}`,
  secretAccessKey: `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE${n}`,
});

const record = (id: string): ProfileRecord => ({
  id,
  label: `sender-${id}`,
  credentialKind: 'long-term',
  accessKeyIdMasked: 'AKIA…MPL1',
  accountId: '123456789012',
  arn: `arn:aws:iam::123456789012:user/sender-${id}`,
  region: 'us-east-1',
  connectedAt: '2026-11-01T00:00:00.000Z',
});

let app: TestApp;

/** Two connections, p1 in the middle of a rotation, each with keys, slots and dates. */
async function twoConnections(rotating = 'p1') {
  const ctx = app.assistant.context;
  for (const [id, n] of [
    ['p1', 1],
    ['p2', 2],
  ] as const) {
    await ctx.vault.saveKeys(id, keys(n));
    await saveSlot(ctx, id, 'pending', keys(n + 4));
    await saveSlot(ctx, id, 'previous', keys(n + 6));
  }
  await app.settings.update((s) => ({
    ...s,
    profiles: [record('p1'), record('p2')],
    activeProfileId: 'p1',
    rotation: rotationState.parse({
      profileId: rotating,
      phase: 'handover',
      userName: `sender-${rotating}`,
      region: 'us-east-1',
      oldKeyId: keys(1).accessKeyId,
      newKeyId: keys(5).accessKeyId,
      startedAt: '2026-11-20T00:00:00.000Z',
    }),
    keyCreatedAt: { p1: '2026-08-01T00:00:00.000Z', p2: '2026-09-01T00:00:00.000Z' },
    lastRotatedAt: { p1: '2026-08-01T00:00:00.000Z', p2: '2026-09-01T00:00:00.000Z' },
  }));
}

beforeEach(async () => {
  app = await buildTestApp({ endpoint: 'http://127.0.0.1:9' });
});

describe('profiles.forget', () => {
  it('deletes the rotation’s pending and previous keys from the keychain, not only the connection’s key', async () => {
    await twoConnections();
    const ctx = app.assistant.context;
    const result = await app.router.invoke('profiles.forget', { profileId: 'p1' });
    expect(result.ok).toBe(true);
    expect(await ctx.vault.loadKeys('p1')).toBeNull();
    expect(await loadSlot(ctx, 'p1', 'pending')).toBeNull();
    expect(await loadSlot(ctx, 'p1', 'previous')).toBeNull();
    expect(await app.secretStore.get('p1:aws-keys-pending')).toBeNull();
    expect(await app.secretStore.get('p1:aws-keys-previous')).toBeNull();
    // The other connection keeps everything.
    expect(await ctx.vault.loadKeys('p2')).toEqual(keys(2));
    expect(await loadSlot(ctx, 'p2', 'pending')).toEqual(keys(6));
    expect(await loadSlot(ctx, 'p2', 'previous')).toEqual(keys(8));
  });

  it('removes its rotation and key dates from the settings file, and keeps another connection’s', async () => {
    await twoConnections('p1');
    await app.router.invoke('profiles.forget', { profileId: 'p1' });
    const onDisk = JSON.parse(await readFile(path.join(app.dir, 'settings.json'), 'utf8'));
    expect(onDisk.rotation).toBeNull();
    expect(onDisk.keyCreatedAt).toEqual({ p2: '2026-09-01T00:00:00.000Z' });
    expect(onDisk.lastRotatedAt).toEqual({ p2: '2026-09-01T00:00:00.000Z' });
    expect(onDisk.profiles.map((p: ProfileRecord) => p.id)).toEqual(['p2']);
    expect(JSON.stringify(onDisk)).not.toContain('sender-p1');
    expect(JSON.stringify(onDisk)).not.toContain(keys(1).accessKeyId);

    // A rotation of another connection is not touched.
    app = await buildTestApp({ endpoint: 'http://127.0.0.1:9' });
    await twoConnections('p2');
    await app.router.invoke('profiles.forget', { profileId: 'p1' });
    expect(app.settings.get().rotation?.profileId).toBe('p2');
  });

  it('evicts the connection’s cached AWS clients, so a connection saved again under that id gets new ones', async () => {
    await twoConnections();
    const ctx = app.assistant.context;
    const before = await ctx.clientsFor('p1');
    const other = await ctx.clientsFor('p2');
    expect(await ctx.clientsFor('p1')).toBe(before); // cached while the connection lives

    await app.router.invoke('profiles.forget', { profileId: 'p1' });
    // The same id and the same key again (as after a reconnect): nothing of the old one is reused.
    await ctx.vault.saveKeys('p1', keys(1));
    await app.settings.update((s) => ({ ...s, profiles: [...s.profiles, record('p1')] }));
    expect(await ctx.clientsFor('p1')).not.toBe(before);
    expect(await ctx.clientsFor('p2')).toBe(other);
  });
});
