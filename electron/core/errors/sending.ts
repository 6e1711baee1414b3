/**
 * Failures of sending a message, over the SES API or over SMTP: SES's refusals
 * (MessageRejected, an unverified sender or recipient, no permission to send, paused sending, a
 * missing configuration set or MAIL FROM domain, an identity from another region, a bad address,
 * rate and daily quota). nodemailer's replies to a send are sending-smtp.ts's; bounce
 * notifications (SNS) are notifications.ts's; HTTPS that could not be encrypted is network.ts's.
 */
import { tlsError } from './network';
import { notificationError } from './notifications';
import { DAILY_QUOTA, notVerified, SEND_RATE, type SendContext } from './sending-common';
import { smtpSendError, type SmtpReplyShape } from './sending-smtp';
import { named, shapeOf, type ErrorShape } from './shape';
import type { AssistantError } from './types';

/**
 * Failures of sending (API or SMTP), of setting up bounce notifications (SES, SNS), and of HTTPS
 * that could not be encrypted. Returns null for anything else, which toAssistantError's other cases
 * handle.
 */
export function sendingError(err: unknown, context: SendContext = {}): AssistantError | null {
  const shape = shapeOf(err) as ErrorShape & SmtpReplyShape;
  const message = typeof shape.message === 'string' ? shape.message : '';
  const region = context.region ?? 'this region';

  // SMTP: nodemailer's errors carry the command that failed.
  if (typeof shape.command === 'string' && typeof shape.code === 'string') {
    const mapped = smtpSendError(shape, context);
    if (mapped) return mapped;
    // A connection that broke mid-send has no reply code: the login-test wording does not fit it.
    if (
      context.sending === 'smtp' &&
      !shape.responseCode &&
      (shape.code === 'ECONNECTION' || shape.code === 'EPROTOCOL')
    )
      return {
        code: 'SMTP_CONNECTION_LOST',
        title: 'The connection to the SES mail server broke off',
        explanation: 'The server ended the conversation before the message was accepted, so it was not sent.',
        fix: 'Send again. If it keeps happening, try the other port (465 instead of 587), or another network.',
        retryable: true,
        detail: `SMTP ${shape.code}`,
      };
    return null;
  }

  const name = shape.name ?? shape.Code ?? '';
  const detail = name || undefined;
  if (name === 'MessageRejected') {
    if (/not verified/i.test(message)) return notVerified(message, context, name);
    if (/not authori[sz]ed/i.test(message))
      return {
        code: 'SEND_NOT_AUTHORIZED_FOR_SENDER',
        title: 'This user may not send from that address',
        explanation:
          'SES refused because the sender identity belongs to someone else, or a sending policy on it does not include this user.',
        fix: 'Send from an address or domain verified in your own account, or ask its owner to allow this user.',
        retryable: false,
        detail,
      };
    return {
      code: 'MESSAGE_REJECTED',
      title: 'SES refused this message',
      explanation:
        'SES did not accept the message. Nothing was delivered. This happens for content SES will not carry (for example an attachment type it blocks) or a malformed message.',
      fix: 'Send a plain test message without attachments. If that is refused too, check the sender in the “Sender” step.',
      retryable: false,
      detail,
    };
  }
  if (name === 'Throttling' || name === 'ThrottlingException' || name === 'TooManyRequestsException') {
    if (/daily/i.test(message)) return { ...DAILY_QUOTA, detail };
    if (/sending rate/i.test(message)) return { ...SEND_RATE, detail };
    return null;
  }
  if (
    context.sending === 'api' &&
    (named(name, 'AccessDenied', 'NotAuthorized') || name === 'UnauthorizedOperation')
  )
    return {
      code: 'SEND_NOT_ALLOWED',
      title: 'This user may not send email through the SES API',
      explanation:
        'The key works, but its IAM user has no permission for ses:SendEmail. A policy that allows only ses:SendRawEmail (as SMTP users made in the console have) is not enough for the API.',
      fix: 'Attach the sending policy (ses:SendEmail and ses:SendRawEmail) to this IAM user, or send over SMTP instead.',
      retryable: false,
      detail,
    };
  if (named(name, 'MailFromDomainNotVerified'))
    return {
      code: 'MAIL_FROM_NOT_VERIFIED',
      title: 'SES refuses mail from this domain until its bounce subdomain works',
      explanation: `This domain’s custom MAIL FROM (bounce) subdomain is set to refuse mail while SES in ${region} cannot find its MX record (“RejectMessage”, a setting chosen outside the assistant). With the assistant’s setting, mail would go out with SES’s own bounce address meanwhile.`,
      fix: 'Publish the MX and SPF records of the bounce subdomain shown in the “DNS records” step, or verify the domain again in the assistant’s Sender step, which sets SES to send meanwhile instead of refusing.',
      retryable: true,
      detail,
    };
  if (named(name, 'ConfigurationSetDoesNotExist'))
    return {
      code: 'CONFIGURATION_SET_MISSING',
      title: 'The configuration set named for this message does not exist',
      explanation: `The message asks SES to use a configuration set (for tracking or event logging) that is not in ${region}. Configuration sets belong to one region.`,
      fix: 'Remove the configuration set from your program’s settings, or create it in this region in the SES console.',
      retryable: false,
      detail,
    };
  if (named(name, 'ConfigurationSetSendingPaused'))
    return {
      code: 'CONFIGURATION_SET_PAUSED',
      title: 'Sending is paused for this configuration set',
      explanation:
        'Someone (or an automatic rule) paused sending for the configuration set this message uses.',
      fix: 'Resume sending for the configuration set in the SES console, or send without it.',
      retryable: false,
      detail,
    };
  if (named(name, 'AccountSendingPaused', 'SendingPaused', 'AccountSuspended'))
    return {
      code: 'ACCOUNT_SENDING_PAUSED',
      title: `Sending is paused for your account in ${region}`,
      explanation:
        'AWS paused email sending for this account in this region, usually after too many bounces or complaints, or after a review.',
      fix: 'Read the message from AWS in your account’s email and the SES console’s Reputation page, fix the cause, then ask AWS to resume sending.',
      retryable: false,
      detail,
    };
  if (name === 'InvalidParameterValue' && /identity .* is invalid|must be a verified/i.test(message))
    return {
      code: 'IDENTITY_NOT_IN_REGION',
      title: `This sender is not a verified identity in ${region}`,
      explanation: `SES in ${region} has no verified address or domain by that name. Identities belong to one region: one verified elsewhere is unknown here.`,
      fix: `Verify the address or domain in ${region} first (the “Sender” step), or switch to the region where it is verified.`,
      retryable: false,
      detail,
    };
  if (name === 'NotFoundException' && /identit/i.test(message))
    return {
      code: 'IDENTITY_NOT_IN_REGION',
      title: `This sender is not a verified identity in ${region}`,
      explanation: `SES in ${region} does not know this address or domain. Identities belong to one region: one verified elsewhere is unknown here.`,
      fix: `Verify it in ${region} (the “Sender” step), or switch to the region where it is verified.`,
      retryable: false,
      detail,
    };
  if (name === 'InvalidParameterValue' && /address|domain|@/i.test(message))
    return {
      code: 'ADDRESS_INVALID',
      title: 'An email address is not valid',
      explanation: 'SES could not read the sender or the recipient as an email address.',
      fix: 'Check both addresses for typos (one @, a domain with a dot, no spaces) and send again.',
      retryable: false,
      detail,
    };

  const notification = notificationError(err, context);
  if (notification) return notification;

  // HTTPS to AWS that could not be encrypted: an inspecting proxy or antivirus is the usual cause.
  return tlsError(err);
}
