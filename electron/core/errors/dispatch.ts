/**
 * The dispatcher: toAssistantError asks each part of the catalogue in turn (sending, SMTP login,
 * AWS SDK, network) and falls back to "Something unexpected went wrong". sendFailure rewords its
 * answer for a failed test send; it lives here, not in sending.ts, because it calls the dispatcher,
 * which calls sending.ts (an import circle otherwise).
 */
import { awsError } from './aws';
import { networkCode, networkError } from './network';
import { sendingError } from './sending';
import type { SendContext } from './sending-common';
import { shapeOf } from './shape';
import { smtpError } from './smtp';
import { AssistantFailure, type AssistantError, type ErrorContext } from './types';

/** Maps anything thrown by a service, the AWS SDK or the network to an AssistantError. */
export function toAssistantError(err: unknown, context: ErrorContext = {}): AssistantError {
  if (err instanceof AssistantFailure) return err.assistantError;
  const sending = sendingError(err, context);
  if (sending) return sending;
  const smtp = smtpError(err, context);
  if (smtp) return smtp;
  const aws = awsError(err, context);
  if (aws) return aws;

  const region = context.region ? ` (${context.region})` : '';
  const net = networkCode(err);
  if (net) return networkError(net, region);

  const shape = shapeOf(err);
  const name = shape.name ?? shape.Code ?? '';
  return {
    code: 'UNEXPECTED',
    title: 'Something unexpected went wrong',
    explanation: `The assistant could not finish${context.doing ? ` ${context.doing}` : ' this step'}. Nothing was changed.`,
    fix: 'Try again. If it keeps happening, the log file in the app’s data folder says more.',
    retryable: true,
    detail: name || undefined,
  };
}

/**
 * A failed test send, in words: like toAssistantError, with the send's addresses and channel, and
 * without the SMTP login-test wording for a failure that happened while sending.
 */
export function sendFailure(err: unknown, context: SendContext): AssistantError {
  const mapped = toAssistantError(err, context);
  // The test send made the password itself from the kept key, so a refusal is about the key.
  if (mapped.code === 'SMTP_AUTH')
    return {
      ...mapped,
      explanation: `SES did not accept the SMTP login${context.region ? ` for ${context.region}` : ''}, although the assistant made the password itself. The key this app uses was switched off or deleted in your AWS account.`,
      fix: 'Connect with different keys of a user that may send, then send again. In your own apps, use the SMTP password from the SMTP step, never the secret access key itself.',
    };
  if (mapped.code !== 'SMTP_FAILED') return mapped;
  return {
    ...mapped,
    code: 'SMTP_SEND_FAILED',
    title: 'The message could not be sent over SMTP',
    explanation: 'The SES mail server ended the conversation before it accepted the message.',
  };
}
