/**
 * The hand-off message for whoever runs the DNS elsewhere, and the watch that tells when every record is in place.
 * Its part of the IPC contract: each channel's input schema and output type. Merged in ../contract.ts.
 */
import { channel } from '../channel';
import { handoffDomainInput, handoffPrepareInput, handoffSaveInput } from '../inputs/handoff';
import type {
  HandOffCopied,
  HandOffMailed,
  HandOffSaved,
  HandOffView,
  HandOffWatchState,
} from '../../features/handoff/types';

export type * from '../../features/handoff/types';

export const handoffContract = {
  /** The message (records worded for the zone and host, `dig` lines), whether it fits a mail link, the watch. */
  'handoff.prepare': channel<HandOffView>()(handoffPrepareInput),
  /** Puts the message on the clipboard (main process) and starts waiting for the records. */
  'handoff.copy': channel<HandOffCopied>()(handoffDomainInput),
  /** Saves it as text or a self-contained web page where the person chooses; path null when cancelled. */
  'handoff.save': channel<HandOffSaved>()(handoffSaveInput),
  /** Opens the mail app with it, or (too long for a mail link) saves it and opens a note to attach it to. */
  'handoff.mail': channel<HandOffMailed>()(handoffDomainInput),
  /** Stops the background checks for a domain. */
  'handoff.stopWatching': channel<HandOffWatchState>()(handoffDomainInput),
} as const;
