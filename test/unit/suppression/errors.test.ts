import { describe, expect, it } from 'vitest';
import { changeError, otherAccount, readError } from '../../../electron/features/suppression/errors';

const named = (name: string, status = 400) =>
  Object.assign(new Error('raw words from AWS'), { name, $metadata: { httpStatusCode: status } });

describe('suppression errors', () => {
  it('tells a sending user refused a read to give admin access, but not an admin refused', () => {
    expect(
      readError(named('AccessDeniedException', 403), 'us-east-1', 'sending-user', 'listing'),
    ).toMatchObject({
      code: 'SUPPRESSION_READ_NEEDS_ADMIN',
    });
    expect(readError(named('AccessDeniedException', 403), 'us-east-1', 'admin', 'listing').code).toBe(
      'AWS_ACCESS_DENIED',
    );
  });

  it('takes a 403 whose body could not be read as a refusal (moto answers CloudWatch JSON with XML)', () => {
    expect(readError(named('SyntaxError', 403), 'us-east-1', 'sending-user', 'reading').code).toBe(
      'SUPPRESSION_READ_NEEDS_ADMIN',
    );
    expect(readError(named('SyntaxError', 200), 'us-east-1', 'sending-user', 'reading').code).toBe(
      'UNEXPECTED',
    );
  });

  it('names SES’s NotFound and BadRequest in words, never quoting AWS’s message', () => {
    const notFound = changeError(named('NotFoundException', 404), 'us-east-1', 'removing');
    expect(notFound.code).toBe('SUPPRESSION_NOT_LISTED');
    const bad = changeError(named('BadRequestException'), 'us-east-1', 'adding');
    expect(bad.code).toBe('SUPPRESSION_BAD_REQUEST');
    expect(JSON.stringify([notFound, bad])).not.toContain('raw words');
    expect(changeError(named('AccessDenied', 403), 'us-east-1', 'turning on').code).toBe(
      'SUPPRESSION_ADMIN_DENIED',
    );
  });

  it('explains a change refused in the sandbox as the sandbox, whatever SES called the refusal', () => {
    for (const refusal of [named('BadRequestException'), named('AccessDeniedException', 403)]) {
      const e = changeError(refusal, 'us-east-1', 'adding the address', { inSandbox: true });
      expect(e).toMatchObject({ code: 'SUPPRESSION_IN_SANDBOX', retryable: false });
      expect(e.explanation).toMatch(/sandbox in us-east-1/);
      expect(e.fix).toMatch(/production access/);
      expect(JSON.stringify(e)).not.toContain('raw words');
    }
    // An address not on the list is still that, in the sandbox too; out of it, a refusal is not the sandbox.
    expect(
      changeError(named('NotFoundException', 404), 'us-east-1', 'removing', { inSandbox: true }).code,
    ).toBe('SUPPRESSION_NOT_LISTED');
    expect(changeError(named('BadRequestException'), 'us-east-1', 'adding', { inSandbox: false }).code).toBe(
      'SUPPRESSION_BAD_REQUEST',
    );
    // IAM's own refusal of the admin keys names the policy, not the sandbox.
    const iam = Object.assign(
      new Error('User: arn:aws:iam::1:user/a is not authorized to perform: ses:PutSuppressedDestination'),
      { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } },
    );
    expect(changeError(iam, 'us-east-1', 'adding', { inSandbox: true }).code).toBe(
      'SUPPRESSION_ADMIN_DENIED',
    );
  });

  it('names both accounts when the admin keys open another one', () => {
    expect(otherAccount('111111111111', '222222222222').explanation).toMatch(/111111111111.*222222222222/);
  });
});
