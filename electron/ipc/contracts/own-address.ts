/**
 * A test to the person's own address: whether SES delivers there now, and the verification link
 * that makes it so. Its part of the IPC contract. Merged in ../contract.ts.
 */
import { channel } from '../channel';
import { ownAddressInput } from '../inputs/own-address';
import type { OwnAddressState } from '../../features/sending/own-address';

export type { OwnAddressState } from '../../features/sending/own-address';

export const ownAddressContract = {
  /** Asked by the person: mails SES's verification link when the address needs one (again when asked again). */
  'ownAddress.prepare': channel<OwnAddressState>()(ownAddressInput),
  /** Where the address stands now; never mails anything, so it can be asked while waiting. */
  'ownAddress.status': channel<OwnAddressState>()(ownAddressInput),
} as const;
