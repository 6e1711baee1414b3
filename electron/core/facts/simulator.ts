/**
 * The SES mailbox simulator: addresses that act out one outcome each, accepted even from the
 * sandbox, and whose bounces and complaints do not count against the account's rates.
 */
export const SIMULATOR_FACTS_SOURCE = {
  title: 'Amazon SES Developer Guide, “Using the mailbox simulator manually”',
  url: 'https://docs.aws.amazon.com/ses/latest/dg/send-an-email-from-console.html',
  checked: '2026-11-28',
} as const;

export const SIMULATOR_DOMAIN = 'simulator.amazonses.com';
