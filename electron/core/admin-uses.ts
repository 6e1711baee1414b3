/**
 * Which channels are a person's use of admin access: the changes a person asks for with a click
 * (create the sending user, publish to Route 53, remove, rotate, set up topics and alarms). Only
 * these restart its idle limit. Every other channel runs as a read (`AdminSession.reading`): it may
 * take the admin keys to show what is there, but however often a screen reads by itself (when it
 * opens, when the window comes back, as the person pages through a list), the keys are forgotten 15
 * minutes after the person last asked for a change.
 *
 * Decided here, by channel, in the main process, rather than by a flag from the renderer: the main
 * process cannot trust a window's word that a click happened, and cannot tell a read a click asked
 * for from one a screen made by itself; so no read counts. A channel not listed is a read: a new
 * channel that takes admin access keeps it open only once it is added here
 * (test/unit/core/admin-uses.test.ts makes each one be decided).
 */
import type { Handlers } from '../ipc/router';
import type { CHANNEL_NAMES } from '../ipc/channel-names';
import type { AdminSession } from './admin-session';

type ChannelName = (typeof CHANNEL_NAMES)[number];

export const ADMIN_USES: readonly ChannelName[] = [
  'sendingUser.create',
  'admin.deleteKey',
  'route53.publish',
  'notifications.setup',
  'feedback.setup',
  'setupRights.remove',
  'setupRights.restore',
  'rotation.start',
  'rotation.resume',
  'rotation.confirmOldKeyUnused',
  'rotation.rollback',
  'suppression.turnOn',
  'suppression.add',
  'suppression.remove',
  'suppression.createAlarms',
  'ledger.remove',
  'ledger.removeAll',
];

/** The handlers, each channel but the uses above run as a read of the admin session. */
export function countingAdminUses(handlers: Handlers, admin: Pick<AdminSession, 'reading'>): Handlers {
  const uses = new Set<string>(ADMIN_USES);
  const counted: Record<string, (input: never) => Promise<unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers) as [string, (input: never) => Promise<unknown>][])
    counted[channel] = uses.has(channel) ? handler : (input) => admin.reading(() => handler(input));
  return counted as Handlers;
}
