/** The suppression area's slice of settings: where alarms email, and which alarms were last seen in ALARM. */
import { z } from 'zod';
import type { SettingsStore } from '../../core/settings';
import { featureState } from '../../core/feature-state';

const stateSchema = z.object({
  /** The address the alarm topic emails (not a secret: the person typed it to be written to). */
  notifyAddress: z.string().max(320).nullable(),
  /** "region/alarm-name" of each alarm in ALARM at the last check, to tell what is new. */
  inAlarm: z.array(z.string().max(512)).max(100),
  checkedAt: z.string().nullable(),
});

export const suppressionState = (settings: SettingsStore) =>
  featureState(settings, 'suppression', stateSchema, () => ({
    notifyAddress: null,
    inAlarm: [],
    checkedAt: null,
  }));
