import { describe, expect, it } from 'vitest';
import { buildPlan, GENERIC_HOST, recogniseHost } from '../../../electron/features/dns/index';
import type { RecordCheck } from '../../../electron/features/dns/types';
import { REGIONAL_DKIM_REGIONS } from '../../../electron/core/facts/regions';
import { composeHandOff, digLine } from '../../../electron/features/handoff/message';
import { escapeHtml, toHtml } from '../../../electron/features/handoff/html';
import { fitsMailto, fullMailto, MAILTO_LIMIT, noteMailto } from '../../../electron/features/handoff/mailto';
import { isAllowedMailDraftUrl } from '../../../electron/platform/origin';

const TOKENS = ['tok1', 'tok2', 'tok3'];

function handOff(options: {
  domain: string;
  zone?: string;
  region?: string;
  ns?: string[];
  existingDmarc?: string[];
  checks?: RecordCheck[] | null;
}) {
  const plan = buildPlan(
    { domain: options.domain, region: options.region ?? 'us-east-1', dkimTokens: TOKENS, zone: options.zone },
    { dmarc: options.existingDmarc ?? [], apexTxt: [], mailFromCname: null },
  );
  const ns = options.ns ?? [];
  return composeHandOff({
    plan,
    host: recogniseHost(ns),
    genericHost: GENERIC_HOST,
    nameservers: ns,
    checks: options.checks ?? null,
  });
}

describe('the hand-off message names each record in the zone that holds it', () => {
  const cases = [
    {
      what: 'a domain at its zone’s apex',
      domain: 'example.com',
      zone: 'example.com',
      dkim: 'tok1._domainkey',
      dmarc: '_dmarc',
      bounce: 'bounce',
    },
    {
      what: 'a subdomain identity inside its parent’s zone',
      domain: 'mail.shop.example',
      zone: 'shop.example',
      dkim: 'tok1._domainkey.mail',
      dmarc: '_dmarc.mail',
      bounce: 'bounce.mail',
    },
    {
      what: 'a subdomain that is its own zone',
      domain: 'mail.shop.example',
      zone: 'mail.shop.example',
      dkim: 'tok1._domainkey',
      dmarc: '_dmarc',
      bounce: 'bounce',
    },
    {
      what: 'an international domain (in its DNS form)',
      domain: 'xn--bcher-kva.example',
      zone: 'xn--bcher-kva.example',
      dkim: 'tok1._domainkey',
      dmarc: '_dmarc',
      bounce: 'bounce',
    },
  ];
  it.each(cases)('$what', ({ domain, zone, dkim, dmarc, bounce }) => {
    const h = handOff({ domain, zone });
    expect(h.zone).toBe(zone);
    const short = h.records.map((r) => `${r.type} ${r.relativeName}`);
    expect(short).toEqual([
      `CNAME ${dkim}`,
      `CNAME ${dkim.replace('tok1', 'tok2')}`,
      `CNAME ${dkim.replace('tok1', 'tok3')}`,
      `TXT ${dmarc}`,
      `MX ${bounce}`,
      `TXT ${bounce}`,
    ]);
    expect(h.records.every((r) => r.ttl === 3600)).toBe(true);
    // Every record appears in the text with its short name, full name and value.
    for (const r of h.records) {
      expect(h.text).toContain(`: ${r.relativeName}   (full name: ${r.name})`);
      expect(h.text).toContain(`Value: ${r.value}`);
    }
    if (zone !== domain)
      expect(h.text).toContain(`in the DNS zone ${zone}: the short names below are relative`);
  });

  it('writes an international domain as people read it, and says how DNS writes it', () => {
    const h = handOff({ domain: 'xn--bcher-kva.example' });
    expect(h.unicodeDomain).toBe('bücher.example');
    expect(h.subject).toContain('bücher.example');
    expect(h.text).toContain('bücher.example (written xn--bcher-kva.example in DNS)');
  });

  it.each(REGIONAL_DKIM_REGIONS.map((region) => ({ region })))(
    'points DKIM at the regional domain in $region',
    ({ region }) => {
      const h = handOff({ domain: 'example.com', region });
      const dkim = h.records.filter((r) => r.purpose === 'dkim').map((r) => r.value);
      expect(dkim).toEqual(TOKENS.map((t) => `${t}.dkim.${region}.amazonses.com`));
      expect(h.records.find((r) => r.purpose === 'mail-from-mx')!.value).toBe(
        `10 feedback-smtp.${region}.amazonses.com`,
      );
    },
  );

  it('points DKIM at dkim.amazonses.com in a region without a regional domain', () => {
    const h = handOff({ domain: 'example.com', region: 'eu-west-1' });
    expect(h.records[0]!.value).toBe('tok1.dkim.amazonses.com');
  });
});

describe('the hand-off speaks the host’s language', () => {
  const hosts = [
    { ns: ['ns51.domaincontrol.com'], id: 'godaddy', field: 'Name', why: /10 or more domains/ },
    { ns: ['dns1.registrar-servers.com'], id: 'namecheap', field: 'Host', why: /fixed internet address/ },
    { ns: ['ada.ns.cloudflare.com'], id: 'cloudflare', field: 'Name', why: null },
    { ns: ['ns-101.awsdns-12.com'], id: 'route53', field: 'Record name', why: null },
    { ns: ['ns1.example-dns.net'], id: 'other', field: 'Name (or Host)', why: null },
    { ns: [], id: 'other', field: 'Name (or Host)', why: null },
  ];
  it.each(hosts)('$id from $ns', ({ ns, id, field, why }) => {
    const h = handOff({ domain: 'example.com', ns });
    expect(h.host.id).toBe(id);
    expect(h.host.recognised).toBe(id !== 'other');
    expect(h.host.nameField).toBe(field);
    expect(h.text).toContain(`  ${field}: `);
    expect(h.host.tips.length).toBeGreaterThan(0);
    for (const tip of h.host.tips) expect(h.text).toContain(tip);
    if (why) {
      expect(h.host.whyNotAutomatic).toMatch(why);
      expect(h.text).toContain(h.host.whyNotAutomatic!);
    } else expect(h.host.whyNotAutomatic).toBeNull();
    if (id !== 'other') expect(h.text).toContain(`How to add them at ${h.host.name}:`);
  });

  it('offers both forms of the name where the host takes either (Cloudflare)', () => {
    const h = handOff({ domain: 'example.com', ns: ['ada.ns.cloudflare.com'] });
    expect(h.records[0]!.nameToType).toBe('tok1._domainkey (or tok1._domainkey.example.com)');
    expect(h.text).toMatch(/DNS only/);
  });
});

describe('how the recipient checks', () => {
  it('gives one dig line per record against the zone’s own nameserver', () => {
    const h = handOff({ domain: 'example.com', ns: ['ns51.domaincontrol.com.', 'ns52.domaincontrol.com.'] });
    expect(h.digLines).toEqual([
      'dig +short CNAME tok1._domainkey.example.com @ns51.domaincontrol.com',
      'dig +short CNAME tok2._domainkey.example.com @ns51.domaincontrol.com',
      'dig +short CNAME tok3._domainkey.example.com @ns51.domaincontrol.com',
      'dig +short TXT _dmarc.example.com @ns51.domaincontrol.com',
      'dig +short MX bounce.example.com @ns51.domaincontrol.com',
      'dig +short TXT bounce.example.com @ns51.domaincontrol.com',
    ]);
    for (const line of h.digLines) expect(h.text).toContain(`  ${line}`);
    expect(h.text).toMatch(/told automatically by their SES Setup Assistant/);
  });

  it('asks a server on another port with -p, and no server when none is known', () => {
    expect(digLine({ type: 'TXT', name: '_dmarc.a.test' }, '127.0.0.1:5353')).toBe(
      'dig +short TXT _dmarc.a.test @127.0.0.1 -p 5353',
    );
    expect(digLine({ type: 'TXT', name: '_dmarc.a.test' }, undefined)).toBe('dig +short TXT _dmarc.a.test');
  });

  it('marks what the live check found in place, and all in place only when every record is', () => {
    const base = handOff({ domain: 'example.com' });
    expect(base.allInPlace).toBeNull();
    const checks = (ok: number): RecordCheck[] =>
      base.records.map((r, i) => ({
        purpose: r.purpose,
        type: r.type,
        name: r.name,
        expected: r.value,
        found: [],
        status: i < ok ? 'ok' : 'missing',
        problems: [],
      }));
    const some = handOff({ domain: 'example.com', checks: checks(3) });
    expect(some.records.map((r) => r.inPlace)).toEqual([true, true, true, false, false, false]);
    expect(some.allInPlace).toBe(false);
    expect(handOff({ domain: 'example.com', checks: checks(6) }).allInPlace).toBe(true);
  });
});

describe('the web page', () => {
  it('escapes every value, so a record cannot inject markup', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const evil = 'v=DMARC1; p=none; rua=mailto:<script>alert("x")</script>&a=\'b\'';
    const h = handOff({ domain: 'example.com', existingDmarc: [evil] });
    expect(h.records.find((r) => r.purpose === 'dmarc')!.value).toBe(evil);
    const html = toHtml(h);
    expect(html).not.toContain('<script');
    expect(html).toContain('rua=mailto:&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;a=&#39;b&#39;');
  });

  it('is self-contained: no script, no remote file, a CSP that forbids loading any', () => {
    const html = toHtml(
      handOff({ domain: 'mail.shop.example', zone: 'shop.example', ns: ['ns51.domaincontrol.com'] }),
    );
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//i);
    expect(html).toContain('<code>tok1._domainkey.mail</code>');
    expect(html).toContain('dig +short CNAME tok1._domainkey.mail.shop.example @ns51.domaincontrol.com');
  });
});

describe('the mail link', () => {
  it('carries the whole message when it fits, with CRLF line breaks, and passes the app’s mailto check', () => {
    const h = handOff({ domain: 'a.io' });
    // Shortened to what fits, to prove the full form: a real six-record message is longer.
    const short = { ...h, text: 'Hello,\nadd these.\n' };
    const url = fullMailto(short);
    expect(url).toBe(
      `mailto:?subject=${encodeURIComponent(h.subject)}&body=Hello%2C%0D%0Aadd%20these.%0D%0A`,
    );
    expect(fitsMailto(short)).toEqual({ fits: true, length: url.length, limit: MAILTO_LIMIT });
    expect(isAllowedMailDraftUrl(url)).toBe(true);
  });

  it('says a long message does not fit, and the note to attach it to does', () => {
    const h = handOff({
      domain: 'a-rather-long-domain-name-for-mail.example',
      ns: ['ns51.domaincontrol.com'],
    });
    const fit = fitsMailto(h);
    expect(fit.fits).toBe(false);
    expect(fit.length).toBeGreaterThan(MAILTO_LIMIT);
    expect(isAllowedMailDraftUrl(fullMailto(h))).toBe(false);
    const note = noteMailto(h, 'DNS records for a-rather-long-domain-name-for-mail.example.txt');
    expect(note.length).toBeLessThanOrEqual(MAILTO_LIMIT);
    expect(isAllowedMailDraftUrl(note)).toBe(true);
    expect(decodeURIComponent(note)).toContain('attached file (DNS records for');
  });
});

describe('the note for a long international domain', () => {
  it('stays within the limit whatever the file is called', () => {
    const label = 'ü'.repeat(20);
    const domain = new URL(`http://${[label, label, label].join('.')}.example`).hostname;
    const h = handOff({ domain });
    const note = noteMailto(h, `DNS records for ${h.unicodeDomain} ${'ä'.repeat(200)}.txt`);
    expect(note.length).toBeLessThanOrEqual(MAILTO_LIMIT);
    expect(isAllowedMailDraftUrl(note)).toBe(true);
  });
});

describe('the mailto check (platform/origin.ts)', () => {
  it.each([
    ['mailto:?subject=a&body=b', true],
    ['mailto:?body=b', true],
    ['mailto:', true],
    ['mailto:someone@example.com?subject=a', false],
    ['mailto:?subject=a&attach=/etc/passwd', false],
    ['mailto:?subject=a&cc=x@example.com', false],
    ['mailto:?bcc=x@example.com', false],
    ['mailto:?subject=a&subject=b', false],
    ['mailto:?Subject=a', false],
    ['mailto:?subject=a#x', false],
    ['mailto:?body=' + 'a'.repeat(MAILTO_LIMIT), false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['https://docs.aws.amazon.com/', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedMailDraftUrl(url)).toBe(allowed);
  });
});
