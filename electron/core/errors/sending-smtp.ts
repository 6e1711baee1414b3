/**
 * SMTP replies to a send, from nodemailer: refusals of MAIL FROM, RCPT TO and DATA (an
 * unverified address, no permission to send, a bad address, a message too large, temporary
 * trouble) and the replies SES may give at any step (421 service unavailable, 530 login needed,
 * 454 daily quota). The SMTP login test's errors are smtp.ts's.
 */
import { DAILY_QUOTA, notVerified, type SendContext } from './sending-common';
import type { AssistantError } from './types';

/** nodemailer's fields on a failed SMTP command (see smtp-connection's _formatError). */
export interface SmtpReplyShape {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
}

const SEND_COMMAND = /^(MAIL FROM|RCPT TO|DATA)/i;

/** SMTP replies to a send (MAIL FROM, RCPT TO, DATA) and the replies that may come at any step (421, 530). */
export function smtpSendError(shape: SmtpReplyShape, context: SendContext): AssistantError | null {
  const code = shape.responseCode;
  const reply = typeof shape.response === 'string' ? shape.response : '';
  const atSend = SEND_COMMAND.test(shape.command ?? '');
  const detail = code ? `SMTP ${code}` : `SMTP ${shape.code ?? ''}`.trim();
  if (code === 421)
    return {
      code: 'SMTP_SERVICE_UNAVAILABLE',
      title: 'The SES mail server closed the connection',
      explanation:
        'The server said it cannot take mail right now (reply 421). This happens during maintenance or when a connection stays idle too long.',
      fix: 'Send again in a minute. Programs should reconnect and retry when they get this reply.',
      retryable: true,
      detail,
    };
  if (code === 530)
    return {
      code: 'SMTP_AUTH_REQUIRED',
      title: 'The SES mail server needs a login before it takes mail',
      explanation:
        'The message was offered without logging in first, or before the connection was encrypted (reply 530). SES never accepts mail from anyone who has not logged in.',
      fix: 'Turn on authentication and STARTTLS (port 587) or TLS (port 465) in your program, with the SMTP user name and password from the SMTP step.',
      retryable: false,
      detail,
    };
  if (code === 454 && /daily/i.test(reply)) return { ...DAILY_QUOTA, detail };
  // Other 454s (throttling, temporary login trouble) are the SMTP login cases' (smtpError).
  if (code === 454) return null;
  if (!atSend) return null;
  if (code === 554 && /not verified/i.test(reply)) return notVerified(reply, context, detail);
  if (code === 554 && /not authori[sz]ed/i.test(reply))
    return {
      code: 'SMTP_NOT_AUTHORIZED',
      title: 'The SMTP user is not allowed to send email',
      explanation:
        'The login worked, but the IAM user behind these SMTP credentials has no permission to send (ses:SendRawEmail). This is common with SMTP users made by hand.',
      fix: 'Attach the sending policy (ses:SendRawEmail and ses:SendEmail) to this IAM user, or let the assistant create a sending user that has it.',
      retryable: false,
      detail,
    };
  if (code === 501 || code === 553)
    return {
      code: 'SMTP_BAD_ADDRESS',
      title: 'An address was not accepted',
      explanation: 'The server did not accept the shape of the sender or recipient address.',
      fix: 'Check both addresses for typos (one @, no spaces) and send again.',
      retryable: false,
      detail,
    };
  if (code === 552)
    return {
      code: 'SMTP_TOO_LARGE',
      title: 'The message is too large',
      explanation: 'SES refused the message because of its size, attachments included.',
      fix: 'Send a smaller message, or link to large files instead of attaching them.',
      retryable: false,
      detail,
    };
  if (code !== undefined && code >= 400 && code < 500)
    return {
      code: 'SMTP_TEMPORARY',
      title: 'SES could not take the message just now',
      explanation: 'The mail server reported a temporary problem and asked to try again later.',
      fix: 'Send again in a minute.',
      retryable: true,
      detail,
    };
  return {
    code: 'SMTP_REJECTED',
    title: 'SES refused the message',
    explanation:
      'The mail server did not accept this message. Nothing was delivered. The usual reasons are an unverified address, missing permission to send, or content SES will not carry.',
    fix: 'Check that the sender is verified in this region and that the SMTP user may send, then send again.',
    retryable: false,
    detail,
  };
}
