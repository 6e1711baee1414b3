import { describe, expect, it } from 'vitest';
import { tokenPageUrl } from '../../../electron/core/facts/cloudflare';
import { isAllowedExternalUrl } from '../../../electron/platform/origin';

describe('Cloudflare’s token page, pre-filled', () => {
  const url = new URL(tokenPageUrl('shop.example.com'));

  it('asks for exactly Zone → Zone → Read and Zone → DNS → Edit', () => {
    expect(JSON.parse(url.searchParams.get('permissionGroupKeys')!)).toEqual([
      { key: 'zone', type: 'read' },
      { key: 'dns', type: 'edit' },
    ]);
  });

  it('names the token after the app and the domain, in the documented template form', () => {
    expect(url.origin + url.pathname).toBe('https://dash.cloudflare.com/profile/api-tokens');
    expect(url.searchParams.get('name')).toBe('SES Setup Assistant (shop.example.com)');
    expect(url.searchParams.get('accountId')).toBe('*');
    expect(url.searchParams.get('zoneId')).toBe('all');
  });

  it('is a link the app may open', () => {
    expect(isAllowedExternalUrl(url.toString())).toBe(true);
  });
});
