/**
 * The account-level suppression list and the reputation alarms.
 * Its part of the IPC contract: each channel's input schema and output type. Merged in ../contract.ts.
 */
import { channel } from '../channel';
import { empty } from '../schemas';
import {
  alarmsCreateInput,
  suppressionAddInput,
  suppressionAddressInput,
  suppressionListInput,
  suppressionRemoveInput,
} from '../inputs/suppression';
import type {
  AlarmsView,
  SuppressedAddressDetail,
  SuppressionPage,
  SuppressionSettings,
} from '../../features/suppression/types';

export type * from '../../features/suppression/types';

export const suppressionContract = {
  /** Which reasons SES suppresses for by itself (GetAccount), read with any session. */
  'suppression.settings': channel<SuppressionSettings>()(empty),
  /** Admin session: turns on suppression for bounces and complaints (adds, never drops, a reason). */
  'suppression.turnOn': channel<SuppressionSettings>()(empty),
  /** One page of the list, filtered by reason; with a query, a search through it. */
  'suppression.list': channel<SuppressionPage>()(suppressionListInput),
  /** Why one address is there (reason, last update, message and feedback ids); null when not listed. */
  'suppression.detail': channel<SuppressedAddressDetail | null>()(suppressionAddressInput),
  /** Admin session: puts an address on the list. */
  'suppression.add': channel<SuppressedAddressDetail | null>()(suppressionAddInput),
  /** Admin session: takes an address off the list, only with confirm: true. */
  'suppression.remove': channel<{ removed: string }>()(suppressionRemoveInput),
  /** The reputation alarms the assistant made in this region, as CloudWatch reports them. */
  'suppression.alarms': channel<AlarmsView>()(empty),
  /** Admin session: the alarm topic, its email subscription and both alarms, recorded in the ledger. */
  'suppression.createAlarms': channel<AlarmsView>()(alarmsCreateInput),
} as const;
