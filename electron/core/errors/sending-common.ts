/**
 * What the sending cases share: the SendContext a send passes in, the "address is not verified"
 * refusal that both the SES API (MessageRejected) and SMTP (554) give, and the rate and daily
 * quota limits SES enforces on both.
 */
import type { AssistantError, ErrorContext } from './types';
import { SANDBOX_LIMITS } from '../facts/sandbox';

/** What a send was, so its failures can name the addresses and the region the person chose. */
export interface SendContext extends ErrorContext {
  /** How the message went: over the SES API or over SMTP. */
  sending?: 'api' | 'smtp';
  from?: string;
  to?: string;
}

/** The addresses SES lists after "failed the check in region …:" (or moto's "not verified <a>"). */
function unverifiedAddresses(message: string): string[] {
  const tail =
    /failed the check in region [A-Z0-9-]+:\s*(.*)$/i.exec(message)?.[1] ??
    /not verified\s+(\S+@\S+)/i.exec(message)?.[1];
  return (tail ?? '')
    .split(/[,\s]+/)
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a.includes('@'));
}

/**
 * "Email address is not verified": whose address it is decides the fix. The sender must be
 * verified in this region; a recipient only matters in the sandbox. The addresses named in the
 * explanation are the ones the person typed (from the context), never text taken from AWS.
 */
export function notVerified(message: string, context: SendContext, detail: string): AssistantError {
  const listed = unverifiedAddresses(message);
  const from = context.from?.toLowerCase();
  const fromDomain = from?.split('@')[1];
  const senderFailed =
    !!from && (listed.includes(from) || (fromDomain !== undefined && listed.includes(fromDomain)));
  const region = context.region ?? 'this region';
  if (senderFailed || listed.length === 0) {
    return {
      code: 'SENDER_NOT_VERIFIED',
      title: 'The sender address is not verified in this region',
      explanation: `${context.from ?? 'The sender'} isn’t verified in ${region} yet. SES only sends from an address or domain verified in the region you send from; a verification made in another region does not count here.`,
      fix: `Verify the address: SES emails it a link to click. Or verify its whole domain in the “Sender” step. Then send again. If you verified it in another region, switch to that region instead.`,
      retryable: false,
      detail,
    };
  }
  return {
    code: 'RECIPIENT_NOT_VERIFIED',
    title: 'The recipient is not verified, and your account is in the sandbox',
    explanation: `While your account is in the SES sandbox in ${region}, it may only send to addresses you have verified, to stop new accounts from sending spam. ${
      context.to ? `${context.to} is` : 'This recipient is'
    } not verified yet.`,
    fix: 'Verify the recipient (the assistant can send it the verification email), send to one of the mailbox simulator addresses instead, or ask AWS for production access to send to anyone.',
    retryable: false,
    detail,
  };
}

/** The sandbox's figures, from the facts: SES counts recipients, so one email to three people is three. */
const { recipientsPerSecond, recipientsPer24Hours } = SANDBOX_LIMITS;

export const SEND_RATE: Omit<AssistantError, 'detail'> = {
  code: 'SEND_RATE_EXCEEDED',
  title: 'Mail was sent faster than SES allows',
  explanation: `Your account may send to only so many recipients a second (${recipientsPerSecond} recipient a second in the sandbox), and an email to three people counts three. This one came too soon after the last.`,
  fix: 'Wait a second and send again. Programs that send in bulk should slow down and retry after a pause; once out of the sandbox you can ask AWS for a higher rate.',
  retryable: true,
};

export const DAILY_QUOTA: Omit<AssistantError, 'detail'> = {
  code: 'DAILY_QUOTA_EXCEEDED',
  title: 'Today’s sending limit is used up',
  explanation: `SES counts the recipients of the last 24 hours against your daily quota (${recipientsPer24Hours} in the sandbox), and an email to three people counts three. That number has been reached.`,
  fix: 'Wait until earlier sends fall out of the 24-hour window, or ask AWS for production access or a higher quota.',
  retryable: true,
};
