import { describe, expect, it } from 'vitest';
import type { CloudflareRecord } from '../../../electron/features/cloudflare/api';
import { diffZone, existingFromZone, txtText } from '../../../electron/features/cloudflare/changes';
import { buildPlan } from '../../../electron/features/dns';

const DOMAIN = 'example.com';
const TOKENS = ['aaa', 'bbb', 'ccc'];
let n = 0;
const rec = (
  type: string,
  name: string,
  content: string,
  extra: Partial<CloudflareRecord> = {},
): CloudflareRecord => ({
  id: `r${++n}`,
  type,
  name,
  content,
  proxied: false,
  ...extra,
});

function planFor(records: CloudflareRecord[], mergedSpfLookups: number | null = null) {
  return buildPlan(
    { domain: DOMAIN, region: 'us-east-1', dkimTokens: TOKENS, zone: DOMAIN },
    { ...existingFromZone(records, DOMAIN, `bounce.${DOMAIN}`), mergedSpfLookups },
  );
}

describe('what writing to Cloudflare would change', () => {
  it('adds everything to an empty zone, and leaves the rest of the zone alone', () => {
    const zone = [rec('A', `www.${DOMAIN}`, '192.0.2.1', { proxied: true })];
    const diff = diffZone(planFor(zone), zone, { choice: 'keep', lookups: null });
    expect(diff.changes.map((c) => [c.purpose, c.action])).toEqual([
      ['dkim', 'add'],
      ['dkim', 'add'],
      ['dkim', 'add'],
      ['dmarc', 'add'],
      ['mail-from-mx', 'add'],
      ['mail-from-spf', 'add'],
    ]);
    expect(diff.otherRecords).toBe(1);
  });

  it('finds records already right, with or without quotes around TXT values', () => {
    const zone = [
      ...TOKENS.map((t) => rec('CNAME', `${t}._domainkey.${DOMAIN}`, `${t}.dkim.amazonses.com`)),
      rec('TXT', `_dmarc.${DOMAIN}`, '"v=DMARC1; p=reject"'),
      rec('MX', `bounce.${DOMAIN}`, 'feedback-smtp.us-east-1.amazonses.com', { priority: 10 }),
      rec('TXT', `bounce.${DOMAIN}`, '"v=spf1 include:amazonses.com ~all"'),
    ];
    const diff = diffZone(planFor(zone), zone, { choice: 'keep', lookups: null });
    expect(diff.changes.every((c) => c.action === 'in-place')).toBe(true);
  });

  it('marks a proxied DKIM CNAME as a change that switches it to DNS only, to be agreed', () => {
    const zone = [rec('CNAME', `aaa._domainkey.${DOMAIN}`, 'aaa.dkim.amazonses.com', { proxied: true })];
    const [dkim] = diffZone(planFor(zone), zone, { choice: 'keep', lookups: null }).changes;
    expect(dkim).toMatchObject({ action: 'change', proxied: true, unproxy: true, recordId: zone[0]!.id });
  });

  it('changes a wrong DKIM CNAME in place', () => {
    const zone = [rec('CNAME', `aaa._domainkey.${DOMAIN}`, 'aaa.dkim.amazonses.com.example.com')];
    const [dkim] = diffZone(planFor(zone), zone, { choice: 'keep', lookups: null }).changes;
    expect(dkim).toMatchObject({
      action: 'change',
      unproxy: false,
      current: 'aaa.dkim.amazonses.com.example.com',
    });
  });

  it('never adds a second DMARC record: a reordered one is changed in place', () => {
    const zone = [rec('TXT', `_dmarc.${DOMAIN}`, 'v=DMARC1; rua=mailto:d@example.com; p=none')];
    const dmarc = diffZone(planFor(zone), zone, { choice: 'keep', lookups: null }).changes.find(
      (c) => c.purpose === 'dmarc',
    );
    expect(dmarc).toMatchObject({ action: 'change', recordId: zone[0]!.id });
    expect(dmarc!.value).toMatch(/^v=DMARC1; p=none/);
  });

  it('keeps other TXT records at a name, and several SPF records are left for the person', () => {
    const zone = [
      rec('TXT', `bounce.${DOMAIN}`, 'v=spf1 -all'),
      rec('TXT', `bounce.${DOMAIN}`, 'v=spf1 include:x.example ~all'),
      rec('TXT', `bounce.${DOMAIN}`, 'some-verification=1'),
    ];
    const diff = diffZone(planFor(zone), zone, { choice: 'keep', lookups: null });
    expect(diff.changes.find((c) => c.purpose === 'mail-from-spf')).toBeUndefined();
    expect(diff.leftAlone.map((l) => l.content)).toEqual(
      expect.arrayContaining(['v=spf1 -all', 'v=spf1 include:x.example ~all', 'some-verification=1']),
    );
  });

  it('touches the apex SPF record only when the merge is chosen and stays within 10 lookups', () => {
    const zone = [rec('TXT', DOMAIN, 'v=spf1 include:_spf.google.com ~all')];
    const kept = diffZone(planFor(zone, 5), zone, { choice: 'keep', lookups: 5 });
    expect(kept.changes.some((c) => c.purpose === 'apex-spf')).toBe(false);
    expect(kept.leftAlone[0]).toMatchObject({ content: 'v=spf1 include:_spf.google.com ~all' });

    const merged = diffZone(planFor(zone, 5), zone, { choice: 'merge', lookups: 5 });
    expect(merged.changes.find((c) => c.purpose === 'apex-spf')).toMatchObject({
      action: 'change',
      recordId: zone[0]!.id,
      value: 'v=spf1 include:_spf.google.com include:amazonses.com ~all',
    });

    const unknown = diffZone(planFor(zone, null), zone, { choice: 'merge', lookups: null });
    expect(unknown.spf).toMatchObject({ canMerge: false, chosen: 'keep' });
    expect(unknown.changes.some((c) => c.purpose === 'apex-spf')).toBe(false);
  });

  it('offers no merge over 10 lookups', () => {
    const zone = [rec('TXT', DOMAIN, 'v=spf1 include:big.example ~all')];
    const diff = diffZone(planFor(zone, 12), zone, { choice: 'merge', lookups: 12 });
    expect(diff.spf).toBeNull();
    expect(diff.changes.some((c) => c.purpose === 'apex-spf')).toBe(false);
  });

  it('leaves a name alone when another record type blocks the CNAME', () => {
    const zone = [rec('TXT', `aaa._domainkey.${DOMAIN}`, 'v=DKIM1; p=abc')];
    const diff = diffZone(planFor(zone), zone, { choice: 'keep', lookups: null });
    expect(diff.changes.some((c) => c.name === `aaa._domainkey.${DOMAIN}`)).toBe(false);
    expect(diff.leftAlone[0]!.why).toMatch(/remove it at Cloudflare first/);
  });

  it('never points a name that already has its own mail server at SES', () => {
    const zone = [rec('MX', `bounce.${DOMAIN}`, 'mx.mailhost.example', { priority: 5 })];
    const diff = diffZone(planFor(zone), zone, { choice: 'keep', lookups: null });
    expect(diff.changes.some((c) => c.purpose === 'mail-from-mx')).toBe(false);
    const kept = diff.leftAlone.find((l) => l.name === `bounce.${DOMAIN}`);
    expect(kept?.why).toMatch(/already has its own mail server/);
  });

  it('reads a quoted TXT value as its text', () => {
    expect(txtText('"v=spf1 " "-all"')).toBe('v=spf1 -all');
    expect(txtText('plain')).toBe('plain');
  });
});
