import { describe, expect, it } from 'vitest';
import { deriveSmtpPassword, smtpEndpoint } from '../../../electron/features/sending/smtp';
import { pythonSmtpPasswords, type PasswordCase } from '../../support/smtp-python';

const AWS_EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const cases: PasswordCase[] = [
  { secret: AWS_EXAMPLE_SECRET, region: 'us-east-1' },
  { secret: AWS_EXAMPLE_SECRET, region: 'eu-west-1' },
  { secret: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY', region: 'us-west-2' },
  { secret: 'Zx9+Qw8/Rt7Yu6Io5Pa4Sd3Fg2Hj1Kl0MnBvCxZa', region: 'eu-central-1' },
  { secret: 'Zx9+Qw8/Rt7Yu6Io5Pa4Sd3Fg2Hj1Kl0MnBvCxZa', region: 'ap-southeast-2' },
  { secret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/Ab', region: 'us-gov-west-1' },
];

describe('SES SMTP password derivation', () => {
  it('matches the published vector for us-east-1', () => {
    expect(deriveSmtpPassword(AWS_EXAMPLE_SECRET, 'us-east-1')).toBe(
      'BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9',
    );
  });

  it('agrees with Python’s hmac for several secrets and regions', () => {
    const expected = pythonSmtpPasswords(cases);
    expect(expected[0]).toBe('BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9');
    expect(cases.map((c) => deriveSmtpPassword(c.secret, c.region))).toEqual(expected);
  });

  it('makes a different password in each region for the same secret', () => {
    const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-south-1'];
    const passwords = regions.map((r) => deriveSmtpPassword(AWS_EXAMPLE_SECRET, r));
    expect(new Set(passwords).size).toBe(regions.length);
  });

  it('is 44 base64 characters starting with the version byte 4 (“B”), never the secret itself', () => {
    for (const c of cases) {
      const password = deriveSmtpPassword(c.secret, c.region);
      expect(password).toMatch(/^B[A-Za-z0-9+/]{43}$/);
      expect(Buffer.from(password, 'base64')[0]).toBe(4);
      expect(Buffer.from(password, 'base64')).toHaveLength(33);
      expect(password).not.toContain(c.secret);
    }
  });

  it('differs from what the service-before-region order (seed 002’s snippet) gives', () => {
    const wrong = pythonSmtpPasswords(cases, 'service-first');
    const right = cases.map((c) => deriveSmtpPassword(c.secret, c.region));
    right.forEach((password, i) => expect(password).not.toBe(wrong[i]));
    expect(wrong[0]).not.toBe('BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9');
  });

  it('names the region’s SMTP host and both ports', () => {
    expect(smtpEndpoint('eu-west-1')).toEqual({
      host: 'email-smtp.eu-west-1.amazonaws.com',
      ports: { starttls: 587, tls: 465 },
    });
  });
});
