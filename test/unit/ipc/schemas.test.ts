import { describe, expect, it } from 'vitest';
import { connectInput, secretKeyProblem } from '../../../electron/ipc/schemas';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('what people paste as a secret access key', () => {
  it('accepts a real-looking secret access key', () => {
    expect(secretKeyProblem(SECRET)).toBeNull();
    expect(secretKeyProblem(`  ${SECRET}\n`)).toBeNull();
  });
  it('recognises an SMTP password', () => {
    expect(secretKeyProblem('BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9')).toMatch(/SMTP password/);
  });
  it('recognises a console password', () => {
    expect(secretKeyProblem('Summer2024!')).toMatch(/console sign-in password/);
  });
  it('recognises the access key ID pasted twice', () => {
    expect(secretKeyProblem('AKIAIOSFODNN7EXAMPLE')).toMatch(/access key ID/);
  });
  it('notices a secret with characters missing', () => {
    expect(secretKeyProblem(SECRET.slice(0, 38))).toMatch(/exactly 40/);
  });
  it('never repeats the rejected value in its message', () => {
    for (const value of [
      'Summer2024!',
      SECRET.slice(0, 38),
      'BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9',
    ]) {
      expect(secretKeyProblem(value)).not.toContain(value);
    }
  });
});

describe('the connect input', () => {
  const keys = {
    source: 'keys',
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: SECRET,
    region: 'us-east-1',
  };

  it('accepts long-term keys without a token', () => {
    expect(connectInput.safeParse(keys).success).toBe(true);
  });
  it('asks for the session token of temporary keys', () => {
    const result = connectInput.safeParse({ ...keys, accessKeyId: 'ASIAIOSFODNN7EXAMPLE' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['sessionToken']);
  });
  it('refuses a session token with long-term keys', () => {
    expect(connectInput.safeParse({ ...keys, sessionToken: 'A'.repeat(200) }).success).toBe(false);
  });
  it('refuses unknown fields and unknown sources', () => {
    expect(connectInput.safeParse({ ...keys, extra: 1 }).success).toBe(false);
    expect(connectInput.safeParse({ ...keys, source: 'magic' }).success).toBe(false);
  });
  it('refuses a malformed region', () => {
    expect(connectInput.safeParse({ ...keys, region: 'Europe' }).success).toBe(false);
    expect(connectInput.safeParse({ ...keys, region: 'eu-central-2' }).success).toBe(true);
    expect(connectInput.safeParse({ ...keys, region: 'us-gov-west-1' }).success).toBe(true);
  });
});
