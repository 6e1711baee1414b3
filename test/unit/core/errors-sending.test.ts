/**
 * The error catalogue's sending cases, on real error shapes: the SDK's own exception classes (as its
 * deserialiser builds them), its generic service exception for codes it does not model, nodemailer's
 * errors with the fields its smtp-connection sets (code, command, response, responseCode,
 * originalCode), and Node's socket and TLS errors. Every raw message carries a marker that must
 * never reach the mapped error.
 */
import {
  AccountSendingPausedException,
  ConfigurationSetDoesNotExistException,
  ConfigurationSetSendingPausedException,
  InvalidSnsTopicException,
  MailFromDomainNotVerifiedException,
  MessageRejected,
  SESServiceException,
} from '@aws-sdk/client-ses';
import { AccountSuspendedException, NotFoundException } from '@aws-sdk/client-sesv2';
import {
  AuthorizationErrorException,
  InvalidParameterException,
  SubscriptionLimitExceededException,
  TopicLimitExceededException,
} from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import type { AssistantError } from '../../../electron/ipc/contract';
import { sendFailure, toAssistantError, type SendContext } from '../../../electron/core/errors';

const RAW = 'RAW-AWS-TEXT';
const meta = (httpStatusCode = 400) => ({
  httpStatusCode,
  requestId: 'req-1',
  attempts: 1,
  totalRetryDelay: 0,
});

/** An SES error the SDK does not model (it builds the generic service exception with the wire code). */
const sesError = (name: string, message: string, status = 400) =>
  new SESServiceException({ name, $fault: 'client', $metadata: meta(status), message: `${message} ${RAW}` });

/** nodemailer's error for a failed SMTP command, as smtp-connection's _formatError builds it. */
function smtpReply(code: string, command: string, response: string) {
  const err = new Error(`Message failed: ${response} ${RAW}`) as Error & Record<string, unknown>;
  err.code = code;
  err.response = `${response} ${RAW}`;
  err.responseCode = Number(/^\d+/.exec(response)?.[0]);
  err.permanent = (err.responseCode as number) >= 500;
  err.command = command;
  return err;
}

/** A socket error as nodemailer re-codes it (the system code kept as originalCode). */
function nodemailerSocket(code: string, originalCode?: string) {
  return Object.assign(new Error(`connect ${originalCode ?? code} 127.0.0.1:587 ${RAW}`), {
    code,
    command: 'CONN',
    ...(originalCode ? { originalCode } : {}),
  });
}

const api: SendContext = {
  region: 'eu-west-1',
  sending: 'api',
  from: 'hello@example.com',
  to: 'friend@example.org',
};
const smtp: SendContext = { ...api, sending: 'smtp' };

function expectPlain(error: AssistantError) {
  expect(error.title.length).toBeGreaterThan(10);
  expect(error.explanation.length).toBeGreaterThan(20);
  expect(error.fix.length).toBeGreaterThan(10);
  expect(JSON.stringify(error)).not.toContain(RAW);
}

describe('the error catalogue: SES API sends', () => {
  it('an unverified sender (AWS wording) names the sender and the region', () => {
    const err = new MessageRejected({
      $metadata: meta(),
      message: `Email address is not verified. The following identities failed the check in region EU-WEST-1: hello@example.com ${RAW}`,
    });
    const e = toAssistantError(err, api);
    expect(e.code).toBe('SENDER_NOT_VERIFIED');
    expect(e.explanation).toMatch(/^hello@example\.com isn’t verified in eu-west-1 yet\./);
    expect(e.explanation).not.toMatch(/Identities|not, or not yet/);
    expect(e.fix).toMatch(/emails it a link/);
    expectPlain(e);
  });

  it('an unverified sender (moto wording, "not verified <address>") is the sender case too', () => {
    const err = new MessageRejected({
      $metadata: meta(),
      message: 'Email address not verified hello@example.com',
    });
    expect(toAssistantError(err, api).code).toBe('SENDER_NOT_VERIFIED');
  });

  it('a sender whose domain is listed is the sender case', () => {
    const err = new MessageRejected({
      $metadata: meta(),
      message:
        'Email address is not verified. The following identities failed the check in region EU-WEST-1: example.com',
    });
    expect(toAssistantError(err, api).code).toBe('SENDER_NOT_VERIFIED');
  });

  it('an unverified recipient in the sandbox offers verification, the simulator or production access', () => {
    const err = new MessageRejected({
      $metadata: meta(),
      message: `Email address is not verified. The following identities failed the check in region EU-WEST-1: friend@example.org ${RAW}`,
    });
    const e = toAssistantError(err, api);
    expect(e.code).toBe('RECIPIENT_NOT_VERIFIED');
    expect(e.explanation).toContain('sandbox');
    expect(e.explanation).toContain('friend@example.org');
    expect(e.fix).toMatch(/simulator/);
    expectPlain(e);
  });

  it('a sending-authorization refusal is told apart from verification', () => {
    const err = new MessageRejected({
      $metadata: meta(),
      message: `User is not authorized to send on behalf of x ${RAW}`,
    });
    const e = toAssistantError(err, api);
    expect(e.code).toBe('SEND_NOT_AUTHORIZED_FOR_SENDER');
    expectPlain(e);
  });

  it('any other rejected message gets the generic rejection', () => {
    const err = new MessageRejected({
      $metadata: meta(),
      message: `Transaction failed: attachment type ${RAW}`,
    });
    const e = toAssistantError(err, api);
    expect(e.code).toBe('MESSAGE_REJECTED');
    expectPlain(e);
  });

  it('AccessDenied while sending over the API names ses:SendEmail', () => {
    const e = toAssistantError(
      sesError('AccessDenied', 'User arn:aws:iam::1:user/x is not authorized to perform ses:SendEmail', 403),
      api,
    );
    expect(e.code).toBe('SEND_NOT_ALLOWED');
    expect(e.explanation).toContain('ses:SendEmail');
    expectPlain(e);
  });

  it('NotAuthorized while sending is the same case', () => {
    expect(toAssistantError(sesError('NotAuthorized', 'nope', 403), api).code).toBe('SEND_NOT_ALLOWED');
  });

  it('AccessDenied outside a send keeps the general wording', () => {
    expect(toAssistantError(sesError('AccessDenied', 'nope', 403), { region: 'eu-west-1' }).code).toBe(
      'AWS_ACCESS_DENIED',
    );
  });

  it('Throttling "Maximum sending rate exceeded" is the per-second rate', () => {
    const e = toAssistantError(sesError('Throttling', 'Maximum sending rate exceeded.'), api);
    expect(e).toMatchObject({ code: 'SEND_RATE_EXCEEDED', retryable: true });
    expectPlain(e);
  });

  it('Throttling "Daily message quota exceeded" is the daily quota', () => {
    const e = toAssistantError(sesError('Throttling', 'Daily message quota exceeded.'), api);
    expect(e).toMatchObject({ code: 'DAILY_QUOTA_EXCEEDED', retryable: true });
    expectPlain(e);
  });

  it('says quotas count recipients, not messages, with the sandbox figures from the facts', () => {
    const rate = toAssistantError(sesError('Throttling', 'Maximum sending rate exceeded.'), api);
    const daily = toAssistantError(sesError('Throttling', 'Daily message quota exceeded.'), api);
    const smtpRate = toAssistantError(
      smtpReply('EMESSAGE', 'DATA', '454 Throttling failure: Maximum sending rate exceeded.'),
      smtp,
    );
    for (const e of [rate, daily, smtpRate]) {
      expect(e.explanation).toMatch(/recipients/);
      expect(`${e.explanation} ${e.fix}`).not.toMatch(/\bmessages\b|\bone message\b/);
    }
    expect(rate.explanation).toContain('1 recipient a second in the sandbox');
    expect(daily.explanation).toContain('200 in the sandbox');
    expect(daily.explanation).toMatch(/an email to three people counts three/);
  });

  it('other throttling keeps the general "slow down"', () => {
    expect(toAssistantError(sesError('Throttling', 'Rate exceeded'), api).code).toBe('AWS_THROTTLED');
  });

  it('MailFromDomainNotVerified points at the MAIL FROM records', () => {
    const e = toAssistantError(
      new MailFromDomainNotVerifiedException({ $metadata: meta(), message: `MAIL FROM ${RAW}` }),
      api,
    );
    expect(e.code).toBe('MAIL_FROM_NOT_VERIFIED');
    expect(e.fix).toMatch(/MX/);
    expectPlain(e);
  });

  it('ConfigurationSetDoesNotExist says configuration sets are per region', () => {
    const e = toAssistantError(
      new ConfigurationSetDoesNotExistException({
        $metadata: meta(),
        message: `Configuration set <x> does not exist. ${RAW}`,
      }),
      api,
    );
    expect(e.code).toBe('CONFIGURATION_SET_MISSING');
    expect(e.explanation).toContain('eu-west-1');
    expectPlain(e);
  });

  it('the unmodelled wire code ConfigurationSetDoesNotExist maps the same way', () => {
    expect(toAssistantError(sesError('ConfigurationSetDoesNotExist', 'x'), api).code).toBe(
      'CONFIGURATION_SET_MISSING',
    );
  });

  it('ConfigurationSetSendingPaused is its own case', () => {
    const e = toAssistantError(
      new ConfigurationSetSendingPausedException({ $metadata: meta(), message: RAW }),
      api,
    );
    expect(e.code).toBe('CONFIGURATION_SET_PAUSED');
    expectPlain(e);
  });

  it('AccountSendingPaused says sending is paused in this region', () => {
    const e = toAssistantError(new AccountSendingPausedException({ $metadata: meta(), message: RAW }), api);
    expect(e.code).toBe('ACCOUNT_SENDING_PAUSED');
    expect(e.title).toContain('eu-west-1');
    expectPlain(e);
  });

  it('SES v2 AccountSuspended is the paused account too', () => {
    const e = toAssistantError(new AccountSuspendedException({ $metadata: meta(), message: RAW }), api);
    expect(e.code).toBe('ACCOUNT_SENDING_PAUSED');
  });

  it('an identity unknown in this region (v1 InvalidParameterValue) says identities are per region', () => {
    const e = toAssistantError(
      sesError(
        'InvalidParameterValue',
        'Identity example.com is invalid. Must be a verified email address or domain.',
      ),
      api,
    );
    expect(e.code).toBe('IDENTITY_NOT_IN_REGION');
    expect(e.explanation).toMatch(/one region/);
    expectPlain(e);
  });

  it('an identity unknown in this region (v2 NotFoundException) is the same case', () => {
    const e = toAssistantError(
      new NotFoundException({
        $metadata: meta(404),
        message: `Email identity example.com does not exist. ${RAW}`,
      }),
      api,
    );
    expect(e.code).toBe('IDENTITY_NOT_IN_REGION');
    expectPlain(e);
  });

  it('an address SES cannot read is a typo to fix', () => {
    const e = toAssistantError(sesError('InvalidParameterValue', "Missing final '@domain'"), api);
    expect(e.code).toBe('ADDRESS_INVALID');
    expectPlain(e);
  });
});

describe('the error catalogue: bounce notification setup', () => {
  it('InvalidSnsTopic', () => {
    const e = toAssistantError(
      new InvalidSnsTopicException({ $metadata: meta(), message: RAW, Topic: 'arn' }),
      api,
    );
    expect(e.code).toBe('SNS_TOPIC_UNUSABLE');
    expectPlain(e);
  });

  it('SNS AuthorizationError', () => {
    const e = toAssistantError(new AuthorizationErrorException({ $metadata: meta(403), message: RAW }));
    expect(e.code).toBe('SNS_NOT_ALLOWED');
    expect(e.fix).toContain('sns:CreateTopic');
    expectPlain(e);
  });

  it('SNS topic and subscription limits', () => {
    expect(
      toAssistantError(new TopicLimitExceededException({ $metadata: meta(403), message: RAW })).code,
    ).toBe('SNS_LIMIT');
    expect(
      toAssistantError(new SubscriptionLimitExceededException({ $metadata: meta(403), message: RAW })).code,
    ).toBe('SNS_LIMIT');
  });

  it('SNS InvalidParameter for the email endpoint', () => {
    const e = toAssistantError(
      new InvalidParameterException({
        $metadata: meta(),
        message: `Invalid parameter: Email address ${RAW}`,
      }),
    );
    expect(e.code).toBe('SNS_BAD_ADDRESS');
    expectPlain(e);
  });
});

describe('the error catalogue: SMTP replies to a send', () => {
  it('554 "Email address is not verified" for the sender', () => {
    const e = toAssistantError(
      smtpReply(
        'EMESSAGE',
        'DATA',
        '554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: hello@example.com',
      ),
      smtp,
    );
    expect(e.code).toBe('SENDER_NOT_VERIFIED');
    expectPlain(e);
  });

  it('554 "Email address is not verified" for a recipient in the sandbox', () => {
    const e = toAssistantError(
      smtpReply(
        'EENVELOPE',
        'RCPT TO',
        '554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: friend@example.org',
      ),
      smtp,
    );
    expect(e.code).toBe('RECIPIENT_NOT_VERIFIED');
    expectPlain(e);
  });

  it('554 "not authorized" is an SMTP user without the sending policy', () => {
    const e = toAssistantError(
      smtpReply(
        'EMESSAGE',
        'DATA',
        '554 Access denied: User arn:aws:iam::1:user/x is not authorized to perform ses:SendRawEmail',
      ),
      smtp,
    );
    expect(e.code).toBe('SMTP_NOT_AUTHORIZED');
    expect(e.explanation).toContain('ses:SendRawEmail');
    expectPlain(e);
  });

  it('554 for anything else is a plain refusal', () => {
    const e = toAssistantError(smtpReply('EMESSAGE', 'DATA', '554 Transaction failed: something'), smtp);
    expect(e.code).toBe('SMTP_REJECTED');
    expectPlain(e);
  });

  it('421 at any step is a closed service, retryable', () => {
    const e = toAssistantError(smtpReply('EPROTOCOL', 'CONN', '421 Service not available'), smtp);
    expect(e).toMatchObject({ code: 'SMTP_SERVICE_UNAVAILABLE', retryable: true });
    expectPlain(e);
  });

  it('530 is mail offered without logging in', () => {
    const e = toAssistantError(smtpReply('EENVELOPE', 'MAIL FROM', '530 Authentication required'), smtp);
    expect(e.code).toBe('SMTP_AUTH_REQUIRED');
    expect(e.fix).toMatch(/STARTTLS/);
    expectPlain(e);
  });

  it('454 "Daily message quota exceeded" is the daily quota, not the rate', () => {
    const e = toAssistantError(
      smtpReply('EMESSAGE', 'DATA', '454 Throttling failure: Daily message quota exceeded.'),
      smtp,
    );
    expect(e.code).toBe('DAILY_QUOTA_EXCEEDED');
  });

  it('454 "Maximum sending rate exceeded" stays with the SMTP throttling case', () => {
    const e = toAssistantError(
      smtpReply('EMESSAGE', 'DATA', '454 Throttling failure: Maximum sending rate exceeded.'),
      smtp,
    );
    expect(e).toMatchObject({ code: 'SMTP_THROTTLED', retryable: true });
    expectPlain(e);
  });

  it('535 during a send is the SMTP password case, naming the region', () => {
    const e = toAssistantError(
      smtpReply('EAUTH', 'AUTH PLAIN', '535 Authentication Credentials Invalid'),
      smtp,
    );
    expect(e.code).toBe('SMTP_AUTH');
    expect(e.explanation).toContain('eu-west-1');
    expectPlain(e);
  });

  it('sendFailure explains 535 after a test send as a key problem, since the assistant made the password', () => {
    const e = sendFailure(smtpReply('EAUTH', 'AUTH PLAIN', '535 Authentication Credentials Invalid'), smtp);
    expect(e.code).toBe('SMTP_AUTH');
    expect(e.explanation).toContain('The key this app uses was switched off or deleted in your AWS account.');
    expect(e.fix).toMatch(/Connect with different keys/);
    expect(e.fix).toMatch(/never the secret access key itself/);
    expectPlain(e);
  });

  it('501 and 553 are an address to correct', () => {
    expect(
      toAssistantError(smtpReply('EENVELOPE', 'MAIL FROM', '501 Invalid MAIL FROM address'), smtp).code,
    ).toBe('SMTP_BAD_ADDRESS');
    expect(
      toAssistantError(smtpReply('EENVELOPE', 'RCPT TO', '553 Mailbox name not allowed'), smtp).code,
    ).toBe('SMTP_BAD_ADDRESS');
  });

  it('552 is a message too large', () => {
    expect(toAssistantError(smtpReply('EMESSAGE', 'DATA', '552 Message too large'), smtp).code).toBe(
      'SMTP_TOO_LARGE',
    );
  });

  it('451 during a send is temporary', () => {
    const e = toAssistantError(smtpReply('EMESSAGE', 'DATA', '451 Temporary service failure'), smtp);
    expect(e).toMatchObject({ code: 'SMTP_TEMPORARY', retryable: true });
  });

  it('a connection lost mid-send is not called a login test', () => {
    const err = Object.assign(new Error(`Connection closed unexpectedly ${RAW}`), {
      code: 'ECONNECTION',
      command: 'CONN',
    });
    const e = toAssistantError(err, smtp);
    expect(e.code).toBe('SMTP_CONNECTION_LOST');
    expectPlain(e);
  });

  it('sendFailure rewords the login-test fallback for a send', () => {
    const err = smtpReply('EPROTOCOL', 'EHLO', '500 Unrecognized command');
    const e = sendFailure(err, smtp);
    expect(e.code).toBe('SMTP_SEND_FAILED');
    expect(e.title).not.toMatch(/login test/i);
    expectPlain(e);
  });
});

describe('the error catalogue: the network under a send', () => {
  it('port 587 refused (nodemailer ESOCKET/ECONNREFUSED) suggests 465', () => {
    const e = toAssistantError(nodemailerSocket('ESOCKET', 'ECONNREFUSED'), smtp);
    expect(e.code).toBe('SMTP_REFUSED');
    expect(e.fix).toMatch(/465/);
    expectPlain(e);
  });

  it('a refused or timed-out connection also names SES’s ports 2587 and 2465', () => {
    for (const e of [
      toAssistantError(nodemailerSocket('ESOCKET', 'ECONNREFUSED'), smtp),
      toAssistantError(nodemailerSocket('ETIMEDOUT'), smtp),
    ])
      expect(e.fix).toMatch(/2587 \(STARTTLS\) or 2465 \(TLS\)/);
  });

  it('a connection timeout (nodemailer ETIMEDOUT) suggests the other port', () => {
    const e = toAssistantError(nodemailerSocket('ETIMEDOUT'), smtp);
    expect(e.code).toBe('SMTP_TIMEOUT');
    expect(e.fix).toMatch(/465/);
  });

  it('an unknown SMTP host (nodemailer EDNS/ENOTFOUND)', () => {
    expect(toAssistantError(nodemailerSocket('EDNS', 'ENOTFOUND'), smtp).code).toBe('SMTP_HOST_UNKNOWN');
  });

  it('a reset connection (nodemailer ESOCKET/ECONNRESET)', () => {
    expect(toAssistantError(nodemailerSocket('ESOCKET', 'ECONNRESET'), smtp).code).toBe('SMTP_REFUSED');
  });

  it('an SMTP certificate problem (ESOCKET/ERR_TLS_CERT_ALTNAME_INVALID)', () => {
    expect(toAssistantError(nodemailerSocket('ESOCKET', 'ERR_TLS_CERT_ALTNAME_INVALID'), smtp).code).toBe(
      'SMTP_TLS',
    );
  });

  it('HTTPS to AWS through an inspecting proxy (SELF_SIGNED_CERT_IN_CHAIN, wrapped by the SDK)', () => {
    const socket = Object.assign(new Error(`self-signed certificate in certificate chain ${RAW}`), {
      code: 'SELF_SIGNED_CERT_IN_CHAIN',
    });
    const wrapped = Object.assign(new Error('request failed'), { name: 'Error', cause: socket });
    const e = toAssistantError(wrapped, api);
    expect(e).toMatchObject({ code: 'NETWORK_TLS', retryable: true });
    expectPlain(e);
  });

  it('an expired certificate on the way to AWS', () => {
    const err = Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' });
    expect(toAssistantError(err, api).code).toBe('NETWORK_TLS');
  });

  it('the API endpoint refused or unknown keeps the network wording', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(toAssistantError(refused, api).code).toBe('NETWORK_REFUSED');
    const unknown = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    expect(toAssistantError(unknown, api).code).toBe('NETWORK_UNREACHABLE');
  });
});
