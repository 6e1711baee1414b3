import { describe, expect, it } from 'vitest';
import { connectInput, secretKeyProblem, withoutInvisible } from '../../../electron/ipc/schemas';

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

describe('invisible characters a copy brings along', () => {
  const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
  it('are removed and counted: format characters, every kind of space, line breaks', () => {
    expect(withoutInvisible(`\uFEFF${KEY_ID.slice(0, 8)}\u200B\u00A0${KEY_ID.slice(8)}\u2028\t`)).toEqual({
      value: KEY_ID,
      removed: 4,
    });
    // Ordinary spaces and line breaks at either end are trimmed as always, without a word.
    expect(withoutInvisible(`  ${KEY_ID}\r\n`)).toEqual({ value: KEY_ID, removed: 0 });
    expect(withoutInvisible('\u3000\u2060\u00AD')).toEqual({ value: '', removed: 3 });
  });

  it('are removed by the router’s rules from every key field, so the keys connect', () => {
    const token = `IQoJb3JpZ2luX2VjE${'A'.repeat(200)}`;
    const parsed = connectInput.parse({
      source: 'keys',
      accessKeyId: `ASIA\u200BIOSFODNN7EXAMPLE\u00A0`,
      secretAccessKey: `\uFEFF${SECRET.slice(0, 10)}\u200B${SECRET.slice(10)}`,
      sessionToken: `${token.slice(0, 100)}\n${token.slice(100)}`,
      region: 'us-east-1',
    });
    expect(parsed).toEqual({
      source: 'keys',
      accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
      secretAccessKey: SECRET,
      sessionToken: token,
      region: 'us-east-1',
    });
  });

  it('never make a secret access key look like a console sign-in password', () => {
    const withSpace = `${SECRET.slice(0, 20)}\u200B${SECRET.slice(20)}`;
    expect(secretKeyProblem(withSpace)).not.toMatch(/console sign-in password/);
    // Judged as given (the CLI reads the secret itself): it says what is there, never the value.
    expect(secretKeyProblem(withSpace)).toMatch(/an invisible character \(such as a zero-width space\)/);
    expect(secretKeyProblem(withSpace)).not.toContain(SECRET.slice(0, 20));
    expect(secretKeyProblem(`"${SECRET}",`)).toMatch(/only letters, digits, \+ and \//);
    expect(secretKeyProblem(`IQoJb3JpZ2luX2VjE${'A'.repeat(200)}==`)).toMatch(/session token/);
    expect(secretKeyProblem('Summer2024!')).toMatch(/console sign-in password/);
    expect(secretKeyProblem('correct horse battery')).toMatch(/console sign-in password/);
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
