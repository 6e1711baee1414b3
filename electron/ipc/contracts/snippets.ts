/**
 * Code snippets for the person's own server.
 * Its part of the IPC contract: each channel's input schema and output type. Merged in ../contract.ts.
 *
 * `snippets.copyEnv` is the snippets' only way to the SMTP password: the main process writes the
 * complete .env file (user name and derived password) to the clipboard and returns only "copied",
 * so the secret never crosses IPC, as with `smtp.copy`.
 */
import { z } from 'zod';
import { channel } from '../channel';
import { profileId } from '../schemas';
import type { Snippet } from '../../features/sending/snippets';

export const snippetsContract = {
  /** The snippets for this connection's region and first verified sender; no secret in them. */
  'snippets.list': channel<Snippet[]>()(z.object({ profileId: profileId.optional() }).strict()),
  /** Copies the .env file with the SMTP user name and password filled in, in the main process. */
  'snippets.copyEnv': channel<{ copied: true }>()(z.object({ profileId: profileId.optional() }).strict()),
} as const;
