/**
 * The domains whose records were handed off and are awaited, in the hand-off's own settings slice.
 * It holds what the live check needs and nothing secret: DKIM tokens are public once published.
 */
import { z } from 'zod';
import type { SettingsStore } from '../../core/settings';
import { featureState, type FeatureState } from '../../core/feature-state';

const awaited = z.object({
  region: z.string(),
  dkimTokens: z.array(z.string()),
  dkimDomain: z.string(),
  mailFromDomain: z.string(),
  since: z.string(),
  lastCheckedAt: z.string().nullable(),
  /** When every record was seen in place and the person was told; the watch stops there. */
  doneAt: z.string().nullable(),
});

const schema = z.object({ domains: z.record(z.string(), awaited) });

export type AwaitedDomain = z.infer<typeof awaited>;
export type HandOffState = z.infer<typeof schema>;

export function handOffState(settings: SettingsStore): FeatureState<HandOffState> {
  return featureState(settings, 'handoff', schema, () => ({ domains: {} }));
}

/** Still checked: handed off, not yet all in place, and not older than the watch's patience. */
export function isAwaited(entry: AwaitedDomain, now: Date, maxAgeMs: number): boolean {
  return entry.doneAt === null && now.getTime() - Date.parse(entry.since) < maxAgeMs;
}
