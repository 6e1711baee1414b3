/**
 * The one error catalogue. Every failure a person can meet is turned into an AssistantError here:
 * a title, a plain explanation and a fix, never a raw exception. Messages never quote the input
 * that caused them, so a secret cannot leak through an error.
 */

/** A failure written for a person: what happened, why, and what to do. */
export interface AssistantError {
  code: string;
  title: string;
  explanation: string;
  fix: string;
  retryable: boolean;
  /** A short technical hint for support (an error name, never a value the person typed). */
  detail?: string;
  /** For invalid input: which fields were wrong, with a message each. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AssistantError };

export type ErrorCode = AssistantError['code'];

/** An error the services raise on purpose, already written for a person. */
export class AssistantFailure extends Error {
  readonly assistantError: AssistantError;
  constructor(error: AssistantError) {
    super(error.title);
    this.name = 'AssistantFailure';
    this.assistantError = error;
  }
}

export function fail(error: AssistantError): never {
  throw new AssistantFailure(error);
}

interface ErrorShape {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

function shapeOf(err: unknown): ErrorShape {
  return typeof err === 'object' && err !== null ? (err as ErrorShape) : {};
}

/** The network-level code of an error or of anything it wraps (the SDK nests the socket error). */
function networkCode(err: unknown, depth = 0): string | undefined {
  const shape = shapeOf(err);
  if (typeof shape.code === 'string' && /^E[A-Z_]+$/.test(shape.code)) return shape.code;
  if (depth < 4 && shape.cause) return networkCode(shape.cause, depth + 1);
  return undefined;
}

export interface ErrorContext {
  /** The region the failing call was made in, to name it in the explanation. */
  region?: string;
  /** What the app was doing, e.g. "testing the connection". */
  doing?: string;
}

/** Maps anything thrown by a service, the AWS SDK or the network to an AssistantError. */
export function toAssistantError(err: unknown, context: ErrorContext = {}): AssistantError {
  if (err instanceof AssistantFailure) return err.assistantError;
  const sending = sendingError(err, context);
  if (sending) return sending;
  const smtp = smtpError(err, context);
  if (smtp) return smtp;
  const shape = shapeOf(err);
  const name = shape.name ?? shape.Code ?? '';
  const region = context.region ? ` (${context.region})` : '';

  switch (name) {
    case 'InvalidClientTokenId':
    case 'UnrecognizedClientException':
      return {
        code: 'AWS_UNKNOWN_KEY',
        title: 'AWS does not recognise this access key',
        explanation:
          'The access key ID is not known to AWS. It may have been deleted or deactivated, or a character is missing.',
        fix: 'Copy the access key ID again from the IAM console (Users → your user → Security credentials), or create a new key.',
        retryable: false,
      };
    case 'SignatureDoesNotMatch':
      return {
        code: 'AWS_WRONG_SECRET',
        title: 'The secret access key does not match',
        explanation:
          'AWS knows the access key ID, but the secret that goes with it is different. This usually means a character was lost when copying.',
        fix: 'Paste the secret access key again. If you no longer have it, AWS cannot show it again: create a new access key for this user.',
        retryable: false,
      };
    case 'ExpiredToken':
    case 'ExpiredTokenException':
    case 'RequestExpired':
      return {
        code: 'AWS_EXPIRED',
        title: 'These temporary credentials have expired',
        explanation: 'Keys that start with ASIA only last a few hours.',
        fix: 'Get fresh temporary credentials (for example from AWS CloudShell or IAM Identity Center) and paste them again.',
        retryable: false,
      };
    case 'InvalidSignatureException':
      return {
        code: 'AWS_CLOCK_OR_SECRET',
        title: 'AWS rejected the request signature',
        explanation:
          'Either the secret access key is wrong, or this computer’s clock is off by more than a few minutes.',
        fix: 'Check the secret access key, and turn on automatic date and time in your system settings.',
        retryable: false,
      };
    case 'AccessDenied':
    case 'AccessDeniedException':
    case 'UnauthorizedOperation':
    case 'NotAuthorized':
      return {
        code: 'AWS_ACCESS_DENIED',
        title: 'This user is not allowed to do that',
        explanation: `The key works, but its IAM user has no permission for this step${context.doing ? ` (${context.doing})` : ''}.`,
        fix: 'Attach the SES sending policy to this IAM user, or let the assistant create a dedicated sending user for you.',
        retryable: false,
      };
    case 'Throttling':
    case 'ThrottlingException':
    case 'TooManyRequestsException':
      return {
        code: 'AWS_THROTTLED',
        title: 'AWS asked us to slow down',
        explanation:
          'Too many requests were made in a short time. The assistant already retried a few times.',
        fix: 'Wait a minute and try again.',
        retryable: true,
      };
    case 'CredentialsProviderError':
      return {
        code: 'AWS_PROFILE_UNUSABLE',
        title: 'That AWS profile could not be used',
        explanation:
          'The profile was not found in your AWS files, or it needs something the assistant cannot do for you (such as a browser sign-in that has expired).',
        fix: 'Check the profile name in ~/.aws/credentials or ~/.aws/config. For an SSO profile, run "aws sso login" first.',
        retryable: false,
      };
    case 'TimeoutError':
      // The SDK also names a connection reset "TimeoutError" (to retry it); its code tells them apart.
      return networkError(networkCode(err) ?? 'ETIMEDOUT', region);
  }

  const status = shape.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) {
    return {
      code: 'AWS_UNAVAILABLE',
      title: 'AWS had a problem answering',
      explanation: `The AWS service${region} returned an internal error. This is usually brief.`,
      fix: 'Try again in a minute.',
      retryable: true,
    };
  }

  const net = networkCode(err);
  if (net) return networkError(net, region);

  return {
    code: 'UNEXPECTED',
    title: 'Something unexpected went wrong',
    explanation: `The assistant could not finish${context.doing ? ` ${context.doing}` : ' this step'}. Nothing was changed.`,
    fix: 'Try again. If it keeps happening, the log file in the app’s data folder says more.',
    retryable: true,
    detail: name || undefined,
  };
}

function networkError(code: string, region: string): AssistantError {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      code: 'NETWORK_UNREACHABLE',
      title: 'AWS could not be reached',
      explanation: `The address of the AWS service${region} could not be found. Either this computer is offline, or the region is not one where the service exists.`,
      fix: 'Check your internet connection and the region you chose.',
      retryable: true,
    };
  }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return {
      code: 'NETWORK_TIMEOUT',
      title: 'AWS took too long to answer',
      explanation: `No answer came from AWS${region} in time. A firewall or proxy may be in the way.`,
      fix: 'Check your connection. On a company network, set the HTTPS_PROXY your IT team gives you.',
      retryable: true,
    };
  }
  return {
    code: 'NETWORK_REFUSED',
    title: 'The connection to AWS failed',
    explanation: `The connection to AWS${region} was refused or cut off.`,
    fix: 'Check your internet connection, firewall or proxy, then try again.',
    retryable: true,
  };
}

// ---- SMTP login (issue 3) ----

interface SmtpErrorShape {
  code?: string;
  /** nodemailer: the SMTP step that failed ("CONN", "AUTH PLAIN", …); AWS SDK errors have none. */
  command?: string;
  responseCode?: number;
  response?: string;
  /** nodemailer: the socket or TLS error's own code (ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT, …). */
  originalCode?: string;
}

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
        ? 'Too many messages or logins reached SES in a short time (the sandbox allows one message a second).'
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
      fix: 'Try the other port (465 instead of 587, or the reverse). On a company network, ask your IT team to allow outgoing connections on port 587 or 465.',
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
      fix: 'Try the other port (465 instead of 587, or the reverse), or another network. On a company network, ask your IT team to allow port 587 or 465.',
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
  // Replies to MAIL FROM, RCPT TO and DATA belong to sending (issue 5), not to the login test.
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

// ---- Sending and bounce notifications (issue 5) ----

/** What a send was, so its failures can name the addresses and the region the person chose. */
export interface SendContext extends ErrorContext {
  /** How the message went: over the SES API or over SMTP. */
  sending?: 'api' | 'smtp';
  from?: string;
  to?: string;
}

/** Every name the SDK may give one SES error: the wire code, or the modelled class name. */
const named = (name: string, ...names: string[]) => names.some((n) => name === n || name === `${n}Exception`);

/**
 * Certificate and handshake codes Node gives when HTTPS to AWS cannot be encrypted (usually a
 * company proxy or antivirus that inspects HTTPS with its own certificate).
 */
const TLS_CODE =
  /^(CERT_|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_(VERIFY|GET)_|ERR_TLS_|ERR_SSL_|EPROTO$)/;

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

const SEND_RATE: Omit<AssistantError, 'detail'> = {
  code: 'SEND_RATE_EXCEEDED',
  title: 'Messages were sent faster than SES allows',
  explanation:
    'Your account may send only so many messages per second (one a second in the sandbox). This message came too soon after the last one.',
  fix: 'Wait a second and send again. Programs that send in bulk should slow down and retry after a pause; once out of the sandbox you can ask AWS for a higher rate.',
  retryable: true,
};

const DAILY_QUOTA: Omit<AssistantError, 'detail'> = {
  code: 'DAILY_QUOTA_EXCEEDED',
  title: 'Today’s sending limit is used up',
  explanation:
    'SES counts the messages of the last 24 hours against your daily quota (200 in the sandbox). That number has been reached.',
  fix: 'Wait until older messages fall out of the 24-hour window, or ask AWS for production access or a higher quota.',
  retryable: true,
};

/** nodemailer's fields on a failed SMTP command (see smtp-connection's _formatError). */
interface SmtpReplyShape {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
}

const SEND_COMMAND = /^(MAIL FROM|RCPT TO|DATA)/i;

/** SMTP replies to a send (MAIL FROM, RCPT TO, DATA) and the replies that may come at any step (421, 530). */
function smtpSendError(shape: SmtpReplyShape, context: SendContext): AssistantError | null {
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

/**
 * Failures of sending (API or SMTP), of setting up bounce notifications (SES, SNS), and of HTTPS
 * that could not be encrypted. Returns null for anything else, which the cases above handle.
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
      title: 'The custom MAIL FROM domain is not set up yet',
      explanation: `This sender uses a custom MAIL FROM (bounce) subdomain, and SES in ${region} cannot find its MX record yet, so it will not send with it.`,
      fix: 'Publish the MX and SPF records of the MAIL FROM subdomain shown in the “DNS records” step and wait for them to appear, or turn the custom MAIL FROM off.',
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
  if (named(name, 'InvalidSnsTopic'))
    return {
      code: 'SNS_TOPIC_UNUSABLE',
      title: 'SES cannot use this notification topic',
      explanation: `The topic is missing, or it is in another region than ${region}. SES can only send bounce and complaint notices to a topic in the same region and account.`,
      fix: 'Let the assistant create the topic again in this region.',
      retryable: false,
      detail,
    };
  if (named(name, 'AuthorizationError'))
    return {
      code: 'SNS_NOT_ALLOWED',
      title: 'The admin access may not set up notifications',
      explanation:
        'AWS refused to create the topic or the subscription (Amazon SNS) for these admin credentials.',
      fix: 'Use admin credentials allowed to use SNS (sns:CreateTopic, sns:Subscribe) and SES (ses:SetIdentityNotificationTopic).',
      retryable: false,
      detail,
    };
  if (named(name, 'TopicLimitExceeded', 'SubscriptionLimitExceeded'))
    return {
      code: 'SNS_LIMIT',
      title: 'Your account has reached an SNS limit',
      explanation: 'Amazon SNS allows a limited number of topics or subscriptions per account.',
      fix: 'Delete topics or subscriptions you no longer use in the SNS console, then try again.',
      retryable: false,
      detail,
    };
  if (named(name, 'InvalidParameter') && /endpoint|email/i.test(message))
    return {
      code: 'SNS_BAD_ADDRESS',
      title: 'That address cannot receive notifications',
      explanation: 'Amazon SNS did not accept the address for the bounce and complaint emails.',
      fix: 'Check the address for typos and try again.',
      retryable: false,
      detail,
    };

  // HTTPS to AWS that could not be encrypted: an inspecting proxy or antivirus is the usual cause.
  const tls = tlsCode(err);
  if (tls)
    return {
      code: 'NETWORK_TLS',
      title: 'A secure connection to AWS could not be made',
      explanation:
        'This computer reached AWS, but the connection could not be encrypted and checked. A company proxy or antivirus that inspects encrypted traffic, or a wrong system clock, is the usual cause.',
      fix: 'Check the date and time of this computer. On a company network, ask your IT team whether HTTPS is inspected and how to trust their certificate.',
      retryable: true,
      detail: tls,
    };
  return null;
}

function tlsCode(err: unknown, depth = 0): string | undefined {
  const shape = shapeOf(err);
  if (typeof shape.code === 'string' && TLS_CODE.test(shape.code)) return shape.code;
  if (depth < 4 && shape.cause) return tlsCode(shape.cause, depth + 1);
  return undefined;
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
