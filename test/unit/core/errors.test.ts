import { describe, expect, it } from 'vitest';
import { AssistantFailure, toAssistantError } from '../../../electron/core/errors';

/** Shaped as the AWS SDK v3 throws them: a ServiceException with name, $fault and $metadata. */
function sdkError(name: string, status: number, message = 'raw AWS text') {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
}

describe('the error catalogue', () => {
  it.each([
    ['InvalidClientTokenId', 403, 'AWS_UNKNOWN_KEY'],
    ['UnrecognizedClientException', 400, 'AWS_UNKNOWN_KEY'],
    ['SignatureDoesNotMatch', 403, 'AWS_WRONG_SECRET'],
    ['ExpiredToken', 400, 'AWS_EXPIRED'],
    ['AccessDenied', 403, 'AWS_ACCESS_DENIED'],
    ['AccessDeniedException', 403, 'AWS_ACCESS_DENIED'],
    ['Throttling', 400, 'AWS_THROTTLED'],
    ['InternalFailure', 500, 'AWS_UNAVAILABLE'],
    ['CredentialsProviderError', 0, 'AWS_PROFILE_UNUSABLE'],
  ])('maps the SDK error %s to %s', (name, status, code) => {
    const error = toAssistantError(sdkError(name, status));
    expect(error.code).toBe(code);
    expect(error.title.length).toBeGreaterThan(10);
    expect(error.fix.length).toBeGreaterThan(10);
    expect(JSON.stringify(error)).not.toContain('raw AWS text');
  });

  it.each([
    ['ENOTFOUND', 'NETWORK_UNREACHABLE'],
    ['ETIMEDOUT', 'NETWORK_TIMEOUT'],
    ['ECONNREFUSED', 'NETWORK_REFUSED'],
    ['ECONNRESET', 'NETWORK_REFUSED'],
  ])('finds the network code %s even when the SDK wraps it', (code, expected) => {
    const socket = Object.assign(new Error(`connect ${code} 1.2.3.4:443`), { code });
    const wrapped = Object.assign(new Error('request failed'), { name: 'Error', cause: socket });
    expect(toAssistantError(wrapped, { region: 'eu-west-1' })).toMatchObject({
      code: expected,
      retryable: true,
    });
  });

  it('names the region in network explanations', () => {
    const err = Object.assign(new Error('x'), { code: 'ENOTFOUND' });
    expect(toAssistantError(err, { region: 'ap-south-2' }).explanation).toContain('ap-south-2');
  });

  it('passes failures the services wrote themselves through unchanged', () => {
    const own = {
      code: 'ROOT_CREDENTIALS' as const,
      title: 't',
      explanation: 'e',
      fix: 'f',
      retryable: false,
    };
    expect(toAssistantError(new AssistantFailure(own))).toBe(own);
  });

  it('turns anything unknown into a calm, generic error without its message', () => {
    const error = toAssistantError(new TypeError('secret-ish internal detail'));
    expect(error.code).toBe('UNEXPECTED');
    expect(JSON.stringify(error)).not.toContain('secret-ish');
  });
});
