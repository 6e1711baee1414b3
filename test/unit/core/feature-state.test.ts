import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { featureState } from '../../../electron/core/feature-state';
import { openSettings } from '../../../electron/core/settings';

const slice = z.object({ zoneId: z.string(), count: z.number().int() });
const empty = () => ({ zoneId: '', count: 0 });

describe("an area's own slice of the settings", () => {
  it('reads the default until written, then keeps what was written across a restart', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'feature-state-'));
    const state = featureState(await openSettings(dir), 'cloudflare', slice, empty);
    expect(state.get()).toEqual(empty());
    await state.update((s) => ({ ...s, zoneId: 'z1', count: s.count + 1 }));
    const again = featureState(await openSettings(dir), 'cloudflare', slice, empty);
    expect(again.get()).toEqual({ zoneId: 'z1', count: 1 });
  });

  it('reads a slice that no longer matches its schema as the default, and leaves other slices alone', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'feature-state-'));
    const settings = await openSettings(dir);
    await settings.update((s) => ({ ...s, features: { cloudflare: { zoneId: 7 }, other: { kept: true } } }));
    const state = featureState(settings, 'cloudflare', slice, empty);
    expect(state.get()).toEqual(empty());
    await state.update((s) => ({ ...s, count: 2 }));
    expect(settings.get().features).toEqual({ cloudflare: { zoneId: '', count: 2 }, other: { kept: true } });
  });

  it('refuses to write a value its schema rejects, and changes nothing', async () => {
    const settings = await openSettings(await mkdtemp(path.join(os.tmpdir(), 'feature-state-')));
    const state = featureState(settings, 'cloudflare', slice, empty);
    await expect(state.update((s) => ({ ...s, count: 1.5 }))).rejects.toThrow();
    expect(settings.get().features).toEqual({});
  });
});
