/**
 * The setup rights of the app's key: the setup policy, attached while the person sets
 * up and detached once setup is done. Its part of the IPC contract. Merged in ../contract.ts.
 */
import { z } from 'zod';
import { channel } from '../channel';
import { empty } from '../schemas';
import type { SetupRightsView } from '../../features/sending-user/state';

export type { SetupRightsView } from '../../features/sending-user/state';

export const setupRightsContract = {
  /** Whether the connection's key still holds the setup policy, as the assistant knows it. */
  'setupRights.status': channel<SetupRightsView>()(empty),
  /** Admin session of the same account: detaches the setup policy; only with confirm: true. */
  'setupRights.remove': channel<SetupRightsView>()(z.object({ confirm: z.literal(true) }).strict()),
  /** Admin session of the same account: attaches the setup policy again (creating it if need be). */
  'setupRights.restore': channel<SetupRightsView>()(empty),
} as const;
