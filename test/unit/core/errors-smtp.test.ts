import { describe, expect, it } from 'vitest';
import { SMTP_LOGIN_TEST, smtpError, toAssistantError } from '../../../electron/core/errors';

/** nodemailer's error shapes, as measured against a real smtp-server (see test/peers/smtp.ts). */
const nodemailerError = (fields: Record<string, unknown>, message = 'x') =>
  Object.assign(new Error(message), fields);

describe('SMTP login errors', () => {
  it('explains 535 as the wrong kind of password, naming the region, without quoting the server', () => {
    const err = nodemailerError(
      {
        code: 'EAUTH',
        command: 'AUTH PLAIN',
        responseCode: 535,
        response: '535 Authentication Credentials Invalid',
      },
      'Invalid login: 535 Authentication Credentials Invalid',
    );
    const mapped = toAssistantError(err, { region: 'eu-west-1' });
    expect(mapped.code).toBe('SMTP_AUTH');
    expect(mapped.retryable).toBe(false);
    expect(mapped.explanation).toContain('eu-west-1');
    expect(mapped.explanation).toMatch(/secret access key itself never works/);
    expect(mapped.fix).toMatch(/not your secret access key/);
    expect(JSON.stringify(mapped)).not.toContain('Invalid login');
  });

  it('on the SMTP screen’s login test, blames the key, since the assistant used the password it shows', () => {
    const err = nodemailerError({
      code: 'EAUTH',
      command: 'AUTH PLAIN',
      responseCode: 535,
      response: '535 Authentication Credentials Invalid',
    });
    const mapped = toAssistantError(err, { region: 'eu-west-1', doing: SMTP_LOGIN_TEST });
    expect(mapped.code).toBe('SMTP_AUTH');
    expect(mapped.explanation).toContain(
      'The assistant used the password shown above, so this access key has most likely been switched off or deleted in AWS.',
    );
    expect(mapped.fix).not.toMatch(/password shown on this screen/);
    expect(mapped.fix).toMatch(/different keys/);
    expect(SMTP_LOGIN_TEST).toBe('testing the SMTP login');
  });

  it('tells throttling (454) apart from other temporary failures, both retryable', () => {
    const throttled = smtpError(
      nodemailerError({
        code: 'EAUTH',
        command: 'AUTH PLAIN',
        responseCode: 454,
        response: '454 Throttling failure: Maximum sending rate exceeded.',
      }),
    );
    expect(throttled).toMatchObject({ code: 'SMTP_THROTTLED', retryable: true });
    const temporary = smtpError(
      nodemailerError({
        code: 'EAUTH',
        command: 'AUTH PLAIN',
        responseCode: 454,
        response: '454 Temporary authentication failure',
      }),
    );
    expect(temporary).toMatchObject({ code: 'SMTP_TEMPORARY', retryable: true });
  });

  it('maps refused, timed-out, unknown-host and TLS failures to their own advice', () => {
    const refused = nodemailerError({ code: 'ESOCKET', command: 'CONN', originalCode: 'ECONNREFUSED' });
    expect(toAssistantError(refused).code).toBe('SMTP_REFUSED');
    expect(toAssistantError(refused).fix).toMatch(/465/);
    const timeout = nodemailerError({ code: 'ETIMEDOUT', command: 'CONN' });
    expect(toAssistantError(timeout).code).toBe('SMTP_TIMEOUT');
    const dns = nodemailerError({ code: 'EDNS', command: 'CONN', originalCode: 'ENOTFOUND' });
    expect(toAssistantError(dns).code).toBe('SMTP_HOST_UNKNOWN');
    const cert = nodemailerError({
      code: 'ESOCKET',
      command: 'CONN',
      originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(toAssistantError(cert).code).toBe('SMTP_TLS');
    const wrongMode = nodemailerError({
      code: 'ESOCKET',
      command: 'CONN',
      originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER',
    });
    expect(toAssistantError(wrongMode).code).toBe('SMTP_TLS');
    expect(toAssistantError(nodemailerError({ code: 'ETLS', command: 'STARTTLS' })).code).toBe('SMTP_TLS');
  });

  it('leaves AWS SDK and plain network errors to the AWS cases', () => {
    expect(smtpError(Object.assign(new Error('x'), { name: 'AccessDenied' }))).toBeNull();
    const socket = Object.assign(new Error('x'), { code: 'ECONNREFUSED' });
    expect(smtpError(socket)).toBeNull();
    expect(toAssistantError(socket).code).toBe('NETWORK_REFUSED');
  });

  it('leaves replies to a send (MAIL FROM, RCPT TO, DATA) to the sending cases', () => {
    const rejected = nodemailerError({ code: 'EMESSAGE', command: 'DATA', responseCode: 554 });
    expect(smtpError(rejected)).toBeNull();
  });
});
