/**
 * Answers typed and not yet sent, kept across restarts (no secrets in them; see ../inputs/drafts.ts).
 * Its part of the IPC contract: each channel's input schema and output type. Merged in ../contract.ts.
 */
import { channel } from '../channel';
import { empty } from '../schemas';
import { draftSaveInput, type Drafts } from '../inputs/drafts';

export const draftsContract = {
  /** Every screen's draft, read when the screen opens. */
  'drafts.get': channel<Drafts>()(empty),
  /** One screen's draft, saved as the person types; null forgets it. */
  'drafts.save': channel<{ saved: true }>()(draftSaveInput),
} as const;
