import { describe, expect, it } from 'vitest';
import { CloudflareApiError } from '../../../electron/features/cloudflare/api';
import { cloudflareError } from '../../../electron/features/cloudflare/errors';

const said = (status: number, codes: number[] = [], retryAfter: number | null = null) =>
  cloudflareError(new CloudflareApiError(status, codes, retryAfter), 'example.com', 'writing a record');

describe('Cloudflare’s failures, in words', () => {
  it('tells the token’s problems apart', () => {
    expect(said(401, [1000]).code).toBe('CLOUDFLARE_TOKEN_INVALID');
    expect(said(400, [6003]).code).toBe('CLOUDFLARE_TOKEN_INVALID');
    expect(said(403, [10000]).code).toBe('CLOUDFLARE_NO_DNS_EDIT');
    expect(said(404, [7003]).code).toBe('CLOUDFLARE_ZONE_NOT_FOUND');
  });

  it('says how long to wait when rate limited', () => {
    expect(said(429, [971], 90)).toMatchObject({ code: 'CLOUDFLARE_RATE_LIMITED', retryable: true });
    expect(said(429, [971], 90).fix).toContain('2 minutes');
    expect(said(429, [971], null).fix).toContain('5 minutes');
  });

  it('puts a down or unreachable Cloudflare on Cloudflare’s side, retryable', () => {
    expect(said(503)).toMatchObject({ code: 'CLOUDFLARE_DOWN', retryable: true, detail: 'HTTP 503' });
    expect(said(0)).toMatchObject({ code: 'CLOUDFLARE_UNREACHABLE', retryable: true });
  });

  it('names any other refusal by its codes only, never by what was sent', () => {
    const error = said(400, [81053]);
    expect(error).toMatchObject({ code: 'CLOUDFLARE_REJECTED', detail: 'HTTP 400 codes 81053' });
    expect(JSON.stringify(error)).not.toMatch(/token/i);
  });

  it('turns an unexpected failure into a retryable one without its message', () => {
    const error = cloudflareError(new TypeError('secret inside'), 'example.com', 'reading');
    expect(error.code).toBe('CLOUDFLARE_FAILED');
    expect(JSON.stringify(error)).not.toContain('secret inside');
  });
});
