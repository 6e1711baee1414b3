import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

describe('the dig lines, pasted into a shell', () => {
  // A fake dig first in PATH prints the arguments it was given, NUL-separated (an argument may
  // hold a newline); a payload that gets to run would create the marker file instead.
  let dir: string;
  let marker: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ses-dig-'));
    marker = path.join(dir, 'ran');
    writeFileSync(path.join(dir, 'dig'), '#!/bin/sh\nprintf \'%s\\0\' "$@"\n');
    chmodSync(path.join(dir, 'dig'), 0o755);
  });
  // Each line is judged on its own: a marker left by one must not fail the next.
  beforeEach(() => rmSync(marker, { force: true }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs one line in a real POSIX shell and says what dig received and whether anything else ran. */
  function paste(line: string): { argv: string[]; stderr: string; status: number | null } {
    const result = spawnSync('/bin/sh', ['-c', line], {
      cwd: dir,
      env: { PATH: `${dir}:/usr/bin:/bin` },
      encoding: 'buffer',
    });
    const out = result.stdout.toString('utf8');
    return {
      argv: out ? out.slice(0, -1).split('\0') : [],
      stderr: result.stderr.toString(),
      status: result.status,
    };
  }

  /** A name as dig reads it from its command line: \DDD is a byte, \X is X. */
  function nameBytes(presentation: string): Buffer {
    const bytes: number[] = [];
    for (const [, escaped, plain] of presentation.matchAll(/\\(\d{3}|[^])|([^\\]+)/g))
      bytes.push(
        ...(escaped
          ? /^\d{3}$/.test(escaped)
            ? [Number(escaped)]
            : [...Buffer.from(escaped)]
          : Buffer.from(plain!)),
      );
    return Buffer.from(bytes);
  }

  /** What dig makes of its arguments: -q, -t and -p take the next one, @ names the server, + and - are options. */
  function digReads(argv: string[]) {
    const read = {
      options: [] as string[],
      type: '',
      names: [] as string[],
      servers: [] as string[],
      port: '',
    };
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (arg === '-q') read.names.push(nameBytes(argv[++i] ?? '').toString('latin1'));
      else if (arg === '-t') read.type = argv[++i] ?? '';
      else if (arg === '-p') read.port = argv[++i] ?? '';
      else if (arg.startsWith('@')) read.servers.push(arg.slice(1));
      else if (/^[-+]/.test(arg)) read.options.push(arg);
      else if (!read.type && /^(TXT|CNAME|MX)$/.test(arg)) read.type = arg;
      else read.names.push(nameBytes(arg).toString('latin1'));
    }
    return read;
  }

  function expectOnly(line: string, intended: { name: string; server?: string; port?: string }) {
    expect(line).toMatch(/^[\x20-\x7e]+$/); // one line of plain text, as the message promises
    const ran = paste(line);
    expect({ stderr: ran.stderr, status: ran.status }).toEqual({ stderr: '', status: 0 });
    expect(existsSync(marker)).toBe(false);
    expect(digReads(ran.argv)).toEqual({
      options: ['+short'],
      type: 'TXT',
      names: [Buffer.from(intended.name).toString('latin1')],
      servers: intended.server ? [intended.server] : [],
      port: intended.port ?? '',
    });
  }

  const hostileServers = (m: string) => [
    `ns1.x\\;y|touch ${m}|sh`,
    `ns1.x;touch ${m}`,
    `ns1.x|touch ${m}`,
    `ns1.x&touch ${m}`,
    `ns1.x&&touch ${m}`,
    `$(touch ${m})`,
    `\`touch ${m}\``,
    `ns1.x\ntouch ${m}`,
    `ns1.example.net -f ${m}`,
    `ns1.x'$(touch ${m})'`,
    `ns1.x"$(touch ${m})"`,
    `ns1.x\\$(touch ${m})`,
    'ñs1.example.net',
    '-x',
    '@-x',
    '-f/etc/passwd',
    '+tcp',
    '-ns1.example.net',
    'ns1-.example.net',
    'ns1..example.net',
    '1234',
    `${'a'.repeat(64)}.example.net`,
    `${`${'a'.repeat(63)}.`.repeat(4)}net`,
    `127.0.0.1:5353;touch ${m}`,
    '127.0.0.1:99999',
    `[::1]:53$(touch ${m})`,
    `fe80::1%eth0;touch ${m}`,
    `ns1.example.net:53`,
  ];

  it.each(hostileServers('MARKER').map((ns, i) => ({ i, shown: JSON.stringify(ns) })))(
    'asks no server named $shown',
    ({ i }) => {
      const ns = hostileServers(marker)[i]!;
      expectOnly(digLine({ type: 'TXT', name: '_dmarc.example.com' }, ns), { name: '_dmarc.example.com' });
    },
  );

  it.each(hostileServers('MARKER').map((ns, i) => ({ i, shown: JSON.stringify(ns) })))(
    'asks the next nameserver of the zone after one named $shown',
    ({ i }) => {
      const ns = [hostileServers(marker)[i]!, 'ns2.example.net.'];
      const h = handOff({ domain: 'example.com', ns });
      const dmarc = h.digLines[h.records.findIndex((r) => r.purpose === 'dmarc')]!;
      expectOnly(dmarc, { name: '_dmarc.example.com', server: 'ns2.example.net' });
    },
  );

  it('asks a server written as a hostname (253 characters at most) or an address, with its port', () => {
    const longest = `${`${'a'.repeat(63)}.`.repeat(3)}${'b'.repeat(61)}`;
    const servers = [
      { ns: 'ns1.example.net.', server: 'ns1.example.net' },
      { ns: 'NS-101.awsdns-12.COM', server: 'NS-101.awsdns-12.COM' },
      { ns: longest, server: longest },
      { ns: '192.0.2.1', server: '192.0.2.1' },
      { ns: '127.0.0.1:5353', server: '127.0.0.1', port: '5353' },
      { ns: '::1', server: '::1' },
      { ns: '[::1]:5353', server: '::1', port: '5353' },
    ];
    for (const { ns, server, port } of servers)
      expectOnly(digLine({ type: 'TXT', name: '_dmarc.example.com' }, ns), {
        name: '_dmarc.example.com',
        server,
        port,
      });
  });

  const hostileNames = (m: string) => [
    `a;touch ${m}._domainkey.example.com`,
    `a|touch ${m}.example.com`,
    `a&touch ${m}&.example.com`,
    `$(touch ${m}).example.com`,
    `\`touch ${m}\`.example.com`,
    `a\ntouch ${m}\n.example.com`,
    `a\r\n.example.com`,
    'a b.example.com',
    `it's'$(touch ${m})'.example.com`,
    `a"$(touch ${m})".example.com`,
    `a\\$(touch ${m}).example.com`,
    'a\\065b.example.com',
    'a\0b.example.com',
    'bücher.example',
    '\u202etxt.example.com',
    '-f/etc/passwd._domainkey.example.com',
    '-x',
    '+tcp.example.com',
    '@evil.example',
    `${'a'.repeat(300)};touch ${m}.example.com`,
  ];

  it.each(hostileNames('MARKER').map((name, i) => ({ i, shown: JSON.stringify(name) })))(
    'asks for the name $shown as it is, and for nothing else',
    ({ i }) => {
      const name = hostileNames(marker)[i]!;
      expectOnly(digLine({ type: 'TXT', name }, 'ns1.example.net'), { name, server: 'ns1.example.net' });
    },
  );
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

  it('keeps hostile names and values in their place: the same elements, one dig line a line in <pre>', () => {
    const breakOut = '</code></td></tr></table></pre><script>alert(1)</script><pre>';
    const plan = buildPlan(
      { domain: 'example.com', region: 'us-east-1', dkimTokens: [`t1${breakOut}`, 't2\n</pre><b>', 't3'] },
      { dmarc: [`v=DMARC1; p=none; rua=mailto:a@b.example${breakOut}\n`], apexTxt: [], mailFromCname: null },
    );
    const h = composeHandOff({
      plan,
      host: null,
      genericHost: GENERIC_HOST,
      nameservers: ['ns1.x\n</pre><script>', 'ns2.example.net'],
      checks: null,
    });
    const tags = (html: string) => [...html.matchAll(/<\/?[a-z][a-z0-9]*/gi)].map((m) => m[0]);
    expect(tags(toHtml(h))).toEqual(
      tags(toHtml(handOff({ domain: 'example.com', ns: ['ns2.example.net'] }))),
    );
    const pre = /<pre>([^<]*)<\/pre>/.exec(toHtml(h))![1]!;
    const unescaped = pre.replace(
      /&(lt|gt|amp|quot|#39);/g,
      (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" })[e]!,
    );
    expect(unescaped.split('\n')).toEqual(h.digLines);
    expect(h.digLines).toHaveLength(h.records.length);
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
