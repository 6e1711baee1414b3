/**
 * Test zones for the DNS checker: one correct domain, and one domain per mistake people make.
 * Records are written relative to each zone's origin, the way a DNS host's form saves them.
 */
import type { ZoneText } from '../peers/nsd';

export const REGION = 'us-east-1';

const ROUTE53 = ['ns-101.awsdns-12.com.', 'ns-900.awsdns-40.net.'];

function dkim(tokens: string[]): string[] {
  return tokens.map((t) => `${t}._domainkey IN CNAME ${t}.dkim.amazonses.com.`);
}
function dmarc(domain: string): string {
  return `_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}"`;
}
const MAIL_FROM = [
  `bounce IN MX 10 feedback-smtp.${REGION}.amazonses.com.`,
  'bounce IN TXT "v=spf1 include:amazonses.com ~all"',
];

/** Each domain with what is wrong in it; `good.test` is right everywhere. */
export function checkerZones(tokens: string[]): ZoneText[] {
  const correct = (
    domain: string,
    replace: { dkim?: string[]; dmarc?: string[]; mailFrom?: string[] } = {},
  ) =>
    [
      ...(replace.dkim ?? dkim(tokens)),
      ...(replace.dmarc ?? [dmarc(domain)]),
      ...(replace.mailFrom ?? MAIL_FROM),
    ].join('\n');
  return [
    {
      origin: 'good.test',
      nameservers: ROUTE53,
      records: [correct('good.test'), '@ IN TXT "v=spf1 include:_spf.google.com ~all"'].join('\n'),
    },
    {
      // Typed the full name into a form that adds the domain: x._domainkey.doubled.test.doubled.test
      origin: 'doubled.test',
      nameservers: ['ns51.domaincontrol.com.', 'ns52.domaincontrol.com.'],
      records: correct('doubled.test', {
        dkim: tokens.map((t) => `${t}._domainkey.doubled.test IN CNAME ${t}.dkim.amazonses.com.`),
      }),
    },
    {
      // Cloudflare proxied the CNAMEs: the names answer with Cloudflare's addresses.
      origin: 'proxied.test',
      nameservers: ['ada.ns.cloudflare.com.', 'bob.ns.cloudflare.com.'],
      records: correct('proxied.test', {
        dkim: tokens.flatMap((t) => [
          `${t}._domainkey IN A 104.16.1.1`,
          `${t}._domainkey IN AAAA 2606:4700::1`,
        ]),
      }),
    },
    {
      origin: 'spf-twice.test',
      nameservers: ['dns1.registrar-servers.com.'],
      records: [
        correct('spf-twice.test'),
        '@ IN TXT "v=spf1 include:_spf.google.com ~all"',
        '@ IN TXT "v=spf1 include:amazonses.com ~all"',
      ].join('\n'),
    },
    {
      // 4 includes, each costing 3 more lookups: 16 in all.
      origin: 'spf-heavy.test',
      nameservers: ['ns1.digitalocean.com.'],
      records: [
        correct('spf-heavy.test'),
        '@ IN TXT "v=spf1 include:a.spf-heavy.test include:b.spf-heavy.test include:c.spf-heavy.test include:d.spf-heavy.test -all"',
        ...['a', 'b', 'c', 'd'].map((l) => `${l} IN TXT "v=spf1 a mx exists:%{i}.x.spf-heavy.test ~all"`),
        // The names a and mx ask about exist, so the record is over the limit on lookups alone,
        // not on void lookups (receivers give up at the third name that finds nothing).
        ...['a', 'b', 'c', 'd'].flatMap((l, i) => [`${l} IN A 198.51.100.${i + 1}`, `${l} IN MX 10 mx`]),
        'mx IN A 198.51.100.99',
      ].join('\n'),
    },
    {
      origin: 'clash.test',
      nameservers: ['dns200.anycast.me.'],
      records: correct('clash.test', { mailFrom: ['bounce IN CNAME mailer.example.net.'] }),
    },
    {
      origin: 'no-dmarc.test',
      nameservers: ['ns1082.ui-dns.com.'],
      records: correct('no-dmarc.test', { dmarc: [] }),
    },
    {
      origin: 'bad-dmarc.test',
      nameservers: ['ns-cloud-a1.googledomains.com.'],
      records: correct('bad-dmarc.test', {
        dmarc: ['_dmarc IN TXT "v=DMARC1; p=block; rua=dmarc@bad-dmarc.test"'],
      }),
    },
    {
      origin: 'dotted.test',
      records: correct('dotted.test', {
        mailFrom: [MAIL_FROM[0]!, 'bounce IN TXT "v=spf1 include:amazonses.com ~all."'],
      }),
    },
    {
      // The host saved the quote marks that were pasted with the value.
      origin: 'quoted.test',
      records: correct('quoted.test', {
        dmarc: ['_dmarc IN TXT "\\"v=DMARC1; p=none; rua=mailto:dmarc-reports@quoted.test\\""'],
      }),
    },
    {
      // Its nameserver lives inside the zone, so the checker can discover it through the resolver.
      origin: 'disco.test',
      nameservers: ['ns1.disco.test.'],
      records: [correct('disco.test'), 'ns1 IN A 127.0.0.1'].join('\n'),
    },
  ];
}

/** An older copy of good.test, as a resolver that has not caught up would still see it. */
export function staleZones(tokens: string[]): ZoneText[] {
  return [
    {
      origin: 'good.test',
      nameservers: ROUTE53,
      records: [...dkim(tokens), ...MAIL_FROM].join('\n'),
    },
  ];
}

/**
 * The SPF records that the records above include, as the internet serves them (abridged): a test
 * nameserver that serves these answers an include the way a resolver would, so SPF is judged as
 * receivers judge it, not as a permanent error for an include that cannot be found.
 */
export const INCLUDED_SPF_ZONES: ZoneText[] = [
  { origin: 'amazonses.com', records: '@ IN TXT "v=spf1 ip4:199.255.192.0/22 ip4:199.127.232.0/22 -all"' },
  { origin: 'google.com', records: '_spf IN TXT "v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ~all"' },
];
