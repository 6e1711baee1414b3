import { describe, expect, it } from 'vitest';
import { createAdminSession } from '../../../electron/core/admin-session';
import { iamUserName } from '../../../electron/features/connection/admin-key';

describe('the admin key, as the session and the key deletion see it', () => {
  it('reads the IAM user name from a caller ARN, path or not, and nothing else', () => {
    expect(iamUserName('arn:aws:iam::123456789012:user/admin')).toBe('admin');
    expect(iamUserName('arn:aws:iam::123456789012:user/ops/eu/jo.admin')).toBe('jo.admin');
    expect(iamUserName('arn:aws:iam::123456789012:root')).toBeNull();
    expect(iamUserName('arn:aws:sts::123456789012:assumed-role/Admin/jo')).toBeNull();
    expect(iamUserName('not an arn')).toBeNull();
  });

  it('names the key masked in the summary, never whole', () => {
    const session = createAdminSession({ setTimer: () => 0, clearTimer: () => undefined });
    session.open(
      { kind: 'keys', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 's'.repeat(40) },
      { arn: 'arn:aws:iam::123456789012:user/admin', accountId: '123456789012', kind: 'long-term' },
    );
    const summary = session.summary()!;
    expect(summary.keyIdMasked).toBe('AKIA…MPLE');
    expect(JSON.stringify(summary)).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(JSON.stringify(summary)).not.toContain('s'.repeat(40));
  });

  it('says the key was deleted when the next step asks for admin access', () => {
    const session = createAdminSession({ setTimer: () => 0, clearTimer: () => undefined });
    session.open(
      { kind: 'keys', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 's'.repeat(40) },
      { arn: 'arn:aws:iam::123456789012:user/admin', accountId: '123456789012', kind: 'long-term' },
    );
    session.forget('key-deleted');
    expect(session.ended()?.reason).toBe('key-deleted');
    expect(() => session.credentials('Creating the sending user needs IAM rights.')).toThrow(
      expect.objectContaining({
        assistantError: expect.objectContaining({
          code: 'ADMIN_NEEDED',
          explanation: expect.stringContaining('Admin access was forgotten when its key was deleted.'),
        }),
      }),
    );
  });
});
