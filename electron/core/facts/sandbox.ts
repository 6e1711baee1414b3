/**
 * The SES sandbox: its limits and how long AWS says a request to leave it takes. The limits count
 * recipients, not messages: one email to three people uses three of the 200.
 */

export const SANDBOX_LIMITS_SOURCE = {
  title:
    'Amazon SES Developer Guide, “Service quotas in Amazon SES” (sending quotas are based on recipients)',
  url: 'https://docs.aws.amazon.com/ses/latest/dg/quotas.html',
  checked: '2026-11-28',
} as const;

export const SANDBOX_LIMITS = {
  /** Recipients per rolling 24 hours, counted per region. */
  recipientsPer24Hours: 200,
  /** Recipients per second. */
  recipientsPerSecond: 1,
} as const;

/** The sandbox limits in one plain phrase, for screens and messages. */
export const SANDBOX_LIMITS_TEXT = `at most ${SANDBOX_LIMITS.recipientsPer24Hours} recipients in 24 hours and ${SANDBOX_LIMITS.recipientsPerSecond} recipient a second (an email to three people counts three times)`;

export const REVIEW_TIME_SOURCE = {
  title: 'Amazon SES Developer Guide, “Request production access (Moving out of the Amazon SES sandbox)”',
  url: 'https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html',
  checked: '2026-11-28',
} as const;

/** What AWS says about the time a production access request takes, in plain words. */
export const REVIEW_TIME_TEXT =
  'AWS says its first answer comes within 24 hours; it takes longer if AWS asks you questions.';

/**
 * The account-level suppression list in the sandbox: AWS keeps changes to the list for accounts with
 * production access. Its Developer Guide says adding or removing addresses in bulk needs production
 * access, and that in the sandbox the API calls that manage the list are disabled as well.
 */
export const SUPPRESSION_IN_SANDBOX_SOURCE = {
  title: 'Amazon SES Developer Guide, “Using the Amazon SES account-level suppression list”',
  url: 'https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html',
  checked: '2026-12-04',
} as const;

/** What the sandbox means for the suppression list, in plain words, for one region. */
export function suppressionInSandboxText(region: string): string {
  return `While your account is in the SES sandbox in ${region}, AWS does not allow changing this list: adding or removing addresses, one at a time or in bulk, works once AWS grants production access. The list can still be read.`;
}
