import { SIMULATOR_DOMAIN } from '../../core/facts/simulator';
import { FEEDBACK_FORWARDING_TO } from '../../core/facts/feedback';

/**
 * The SES mailbox simulator: addresses at simulator.amazonses.com that act out one outcome each.
 * They can be sent to even from the sandbox, and what they provoke (a bounce, a complaint) does not
 * count against the account's reputation, so they are the safe way to see each outcome once.
 */
export type SimulatorOutcome = 'success' | 'bounce' | 'complaint' | 'ooto' | 'suppressionlist';

export interface SimulatorAddress {
  outcome: SimulatorOutcome;
  address: string;
  /** A short name for a list. */
  label: string;
  /** What happens after SES accepts the message, in plain words. */
  meaning: string;
  /** The title of the result once SES accepted a test to this address: named by what then happens. */
  acceptedTitle: string;
  /** For outcomes SES reports back (bounces, complaints): where such notices show. */
  notice?: string;
}

const NOTICE = `SES emails a notice of this to ${FEEDBACK_FORWARDING_TO}, unless you set up Bounces and complaints (the link below), which collects them for you.`;

export { SIMULATOR_DOMAIN };

export const SIMULATOR_ADDRESSES: readonly SimulatorAddress[] = [
  {
    outcome: 'success',
    address: `success@${SIMULATOR_DOMAIN}`,
    label: 'Delivered',
    acceptedTitle: 'Delivered to AWS’s test mailbox',
    meaning:
      'The simulated mailbox accepts the message. This is what a normal, successful delivery looks like.',
  },
  {
    outcome: 'bounce',
    address: `bounce@${SIMULATOR_DOMAIN}`,
    label: 'Bounce',
    acceptedTitle: 'SES accepted it — and it bounced, as expected',
    notice: NOTICE,
    meaning:
      'The simulated mail server answers that the mailbox does not exist (a hard bounce). SES reports the bounce to you. Real bounces like this must be removed from your lists.',
  },
  {
    outcome: 'complaint',
    address: `complaint@${SIMULATOR_DOMAIN}`,
    label: 'Complaint',
    acceptedTitle: 'SES accepted it — and the recipient reported it as spam, as expected',
    notice: NOTICE,
    meaning:
      'The message is delivered, then the simulated reader marks it as spam. SES reports the complaint to you. Never send to a real person again after a complaint.',
  },
  {
    outcome: 'ooto',
    address: `ooto@${SIMULATOR_DOMAIN}`,
    label: 'Out of the office',
    acceptedTitle: 'SES accepted it — and an automatic “out of the office” reply came back, as expected',
    meaning:
      'The message is delivered and the simulated reader’s automatic “out of the office” reply comes back to the sender address. Nothing needs to be done about it.',
  },
  {
    outcome: 'suppressionlist',
    address: `suppressionlist@${SIMULATOR_DOMAIN}`,
    label: 'On the suppression list',
    acceptedTitle:
      'SES accepted it — and treated it as an address on the global suppression list, as expected',
    notice: NOTICE,
    meaning:
      'SES acts as if this address were on its global suppression list (addresses that recently bounced hard for any SES sender): it does not try to deliver, and reports a hard bounce to you. Your account’s own suppression list is not touched.',
  },
];

/** The simulator entry for an address, or null for an ordinary address. */
export function simulatorOutcome(address: string): SimulatorAddress | null {
  const lower = address.trim().toLowerCase();
  // SES also reads labels such as success+anything@: the part before + decides.
  const [local, domain] = lower.split('@');
  if (domain !== SIMULATOR_DOMAIN || !local) return null;
  const base = local.split('+')[0];
  return SIMULATOR_ADDRESSES.find((s) => s.outcome === base) ?? null;
}
