import { describe, expect, it } from 'vitest';
import { mergeSpf } from '../../../electron/features/dns/index';
import { countSpfLookups } from '../../../electron/features/dns/spf';

describe('mergeSpf', () => {
  it('makes a new record when the domain has none', () => {
    expect(mergeSpf(null)).toBe('v=spf1 include:amazonses.com ~all');
  });

  it('merges into the existing record, before the all term, never as a second record', () => {
    expect(mergeSpf('v=spf1 include:_spf.google.com -all')).toBe(
      'v=spf1 include:_spf.google.com include:amazonses.com -all',
    );
    expect(mergeSpf('v=spf1 ip4:192.0.2.1 mx ?all')).toBe(
      'v=spf1 ip4:192.0.2.1 mx include:amazonses.com ?all',
    );
  });

  it('is idempotent when the mechanism is already there (in any case or with a + qualifier)', () => {
    const once = mergeSpf('v=spf1 mx ~all');
    expect(mergeSpf(once)).toBe(once);
    expect(mergeSpf('v=spf1 +Include:AmazonSES.com ~all')).toBe('v=spf1 +Include:AmazonSES.com ~all');
  });

  it('puts the mechanism before a redirect, or at the end when there is no all term', () => {
    expect(mergeSpf('v=spf1 mx redirect=_spf.example.com')).toBe(
      'v=spf1 mx include:amazonses.com redirect=_spf.example.com',
    );
    expect(mergeSpf('v=spf1 mx')).toBe('v=spf1 mx include:amazonses.com');
  });

  it('takes a pasted value with its quotes and extra spaces, and merges other mechanisms', () => {
    expect(mergeSpf('"v=spf1   mx   ~all"')).toBe('v=spf1 mx include:amazonses.com ~all');
    expect(mergeSpf('v=spf1 ~all', 'include:mailgun.org')).toBe('v=spf1 include:mailgun.org ~all');
  });

  it('replaces a value that is not an SPF record with a fresh one', () => {
    expect(mergeSpf('google-site-verification=abc')).toBe('v=spf1 include:amazonses.com ~all');
  });
});

describe('counting SPF lookups', () => {
  const zone: Record<string, string[]> = {
    'a.test': ['v=spf1 include:b.test mx a ~all'],
    'b.test': ['v=spf1 exists:x.test ptr ~all', 'not spf'],
    'loop.test': ['v=spf1 include:loop.test ~all'],
  };
  const lookup = async (name: string) => zone[name] ?? [];

  it('counts through includes and redirects', async () => {
    expect(await countSpfLookups('v=spf1 include:a.test ip4:192.0.2.1 -all', lookup)).toEqual({
      count: 6,
      unresolved: [],
    });
    expect((await countSpfLookups('v=spf1 redirect=b.test', lookup)).count).toBe(3);
  });

  it('stops at loops and names includes it could not read', async () => {
    expect((await countSpfLookups('v=spf1 include:loop.test -all', lookup)).count).toBe(2);
    expect(await countSpfLookups('v=spf1 include:gone.test -all', lookup)).toEqual({
      count: 1,
      unresolved: ['gone.test'],
    });
  });
});
