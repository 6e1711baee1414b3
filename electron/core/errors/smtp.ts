/**
 * nodemailer's errors while logging in to an SES SMTP server (the SMTP screen's "Test SMTP
 * login"): a refused password (535), throttling or trouble (454), and the connection, DNS and TLS
 * failures nodemailer reports with the socket's code in `originalCode`. Replies to a send (MAIL
 * FROM, RCPT TO, DATA) are sending-smtp.ts's.
 */
import { shapeOf } from './shape';
import type { AssistantError, ErrorContext } from './types';
import { SANDBOX_LIMITS } from '../facts/sandbox';
import { SMTP_PORTS } from '../facts/smtp';

interface SmtpErrorShape {
  code?: string;
  /** nodemailer: the SMTP step that failed ("CONN", "AUTH PLAIN", …); AWS SDK errors have none. */
  command?: string;
  responseCode?: number;
  response?: string;
  /** nodemailer: the socket or TLS error's own code (ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT, …). */
  originalCode?: string;
}

const { starttls, tls, alternateStarttls, alternateTls } = SMTP_PORTS;

/** SES's other two ports, for networks that block the usual pair (the assistant's own tests use 587 and 465). */
const ALTERNATE_PORTS = `SES also listens on ${alternateStarttls} (STARTTLS) or ${alternateTls} (TLS), which networks that block the usual ports often leave open: set one of them in your own app.`;

/** What the SMTP screen's "Test SMTP login" passes as `doing` (smtp-handlers.ts). */
export const SMTP_LOGIN_TEST = 'testing the SMTP login';

/**
 * nodemailer's errors while logging in to an SMTP server (the SMTP screen's "Test SMTP login"),
 * turned into words for a person; null for anything that is not an SMTP error (and for replies to
 * a send, which the sending cases handle). The server's
 * reply is matched but never quoted, so nothing the person typed comes back.
 */
export function smtpError(err: unknown, context: ErrorContext = {}): AssistantError | null {
  const shape = shapeOf(err) as SmtpErrorShape;
  if (typeof shape.command !== 'string' || typeof shape.code !== 'string') return null;
  const where = context.region ? ` for ${context.region}` : '';
  const original = shape.originalCode ?? '';

  if (shape.responseCode === 535) {
    // The SMTP screen's login test uses the password the assistant made and shows: it is the right
    // one, so telling the person to use it again helps nobody. The key behind it is the suspect.
    if (context.doing === SMTP_LOGIN_TEST)
      return {
        code: 'SMTP_AUTH',
        title: 'The SMTP password was not accepted',
        explanation: `SES did not accept this user name and password${where}. The assistant used the password shown above, so this access key has most likely been switched off or deleted in AWS.`,
        fix: 'Connect with different keys of a user that may send, or change your key now: the assistant makes a new key and a new SMTP password.',
        retryable: false,
        detail: 'SMTP 535',
      };
    return {
      code: 'SMTP_AUTH',
      title: 'The SMTP password was not accepted',
      explanation: `SES did not accept this user name and password${where}. An SMTP password is calculated from your secret access key for one region: the secret access key itself never works, and neither does a password made for another region. It also fails when the access key has been deactivated or deleted.`,
      fix: `Use the access key ID as the user name and the SMTP password shown on this screen${where}, not your secret access key.`,
      retryable: false,
      detail: 'SMTP 535',
    };
  }
  if (shape.responseCode === 454) {
    const throttled = /throttl|rate exceeded/i.test(shape.response ?? '');
    return {
      code: throttled ? 'SMTP_THROTTLED' : 'SMTP_TEMPORARY',
      title: throttled ? 'SES asked to slow down' : 'SES could not log you in just now',
      explanation: throttled
        ? `Too many recipients or logins reached SES in a short time (the sandbox allows ${SANDBOX_LIMITS.recipientsPerSecond} recipient a second, and an email to three people counts three).`
        : 'The SMTP server had a temporary problem and asked to try again later.',
      fix: 'Wait a minute and try again.',
      retryable: true,
      detail: 'SMTP 454',
    };
  }
  if (original === 'ECONNREFUSED' || original === 'ECONNRESET') {
    return {
      code: 'SMTP_REFUSED',
      title: 'The connection to the SMTP server was refused',
      explanation:
        'Something stopped this computer from reaching the SES mail server on this port: often a firewall, a company network or an internet provider that blocks outgoing mail ports.',
      fix: `Try the other port (${tls} instead of ${starttls}, or the reverse). ${ALTERNATE_PORTS} On a company network, ask your IT team to allow outgoing connections on one of these ports.`,
      retryable: true,
      detail: 'SMTP connection refused',
    };
  }
  if (shape.code === 'ETIMEDOUT' || original === 'ETIMEDOUT') {
    return {
      code: 'SMTP_TIMEOUT',
      title: 'The SMTP server did not answer in time',
      explanation:
        'No answer came from the SES mail server. A firewall that silently drops outgoing mail traffic is the usual cause.',
      fix: `Try the other port (${tls} instead of ${starttls}, or the reverse), or another network. ${ALTERNATE_PORTS} On a company network, ask your IT team to allow one of these ports.`,
      retryable: true,
      detail: 'SMTP timeout',
    };
  }
  if (shape.code === 'EDNS' || original === 'ENOTFOUND' || original === 'EAI_AGAIN') {
    return {
      code: 'SMTP_HOST_UNKNOWN',
      title: 'The SMTP server could not be found',
      explanation: `The address of the SES mail server${where} could not be looked up. Either this computer is offline, or SES offers no SMTP server in this region.`,
      fix: 'Check your internet connection, and the region chosen for sending.',
      retryable: true,
      detail: 'SMTP host not found',
    };
  }
  if (shape.code === 'ETLS' || /CERT|SSL|TLS/i.test(original)) {
    return {
      code: 'SMTP_TLS',
      title: 'A secure connection to the SMTP server could not be made',
      explanation:
        'The connection was made, but encrypting it failed. Something between this computer and SES (antivirus mail scanning, a company proxy) may be changing the traffic, or the port does not match the way it is used.',
      fix: 'Try the other port (587 uses STARTTLS, 465 uses TLS from the start). If it keeps failing, turn off mail scanning in your antivirus or ask your IT team.',
      retryable: true,
      detail: 'SMTP TLS',
    };
  }
  // Replies to MAIL FROM, RCPT TO and DATA are sending-smtp.ts's, not the login test's.
  if (!/^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH|GREETING)/i.test(shape.command)) return null;
  return {
    code: 'SMTP_FAILED',
    title: 'The SMTP login test did not work',
    explanation: 'The SES mail server ended the conversation before the login could be checked.',
    fix: 'Try again in a minute, or try the other port.',
    retryable: true,
    detail: shape.responseCode ? `SMTP ${shape.responseCode}` : `SMTP ${shape.code}`,
  };
}
