/**
 * The language the assistant speaks: chosen in the app, or null to follow the operating system's.
 * Its part of the IPC contract, merged in ../contract.ts.
 */
import { channel } from '../channel';
import { languageSetInput } from '../inputs/language';
import type { AppState } from '../../features/connection/types';

export const languageContract = {
  /** Remembers the choice (null: follow the OS again) and answers the app state in that language. */
  'language.set': channel<AppState>()(languageSetInput),
} as const;
