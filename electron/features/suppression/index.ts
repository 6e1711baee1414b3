/**
 * What other areas may use of suppression: how the ledger removes the alarms it created (before
 * their topic), the background check of those alarms for the tray, and the prefix of their names
 * (the sending user's policy reads alarms of those names only).
 */
import type { Removers } from '../ledger/types';
import { deleteAlarm } from './alarms';
import { ALARM_KIND } from './check';

export { checkAlarms } from './check';
export { ALARM_NAME_PREFIX } from './alarms';
export { startAlarmWatch } from './watch';

export const SUPPRESSION_REMOVERS: Removers = {
  kinds: { [ALARM_KIND]: (admin, entry) => deleteAlarm(admin, entry.id) },
  // An alarm goes before the SNS topic it notifies.
  first: [ALARM_KIND],
};
