/**
 * A full DNS check against a loopback nameserver with 150 ms added to every answer, compared with
 * one lookup through the same delay. Asked in parallel, a plan should cost about one lookup; the
 * apex SPF record's includes add one round each level (they are only known once it is read).
 */
import { checkDomain } from '../electron/features/dns/checker';
import { createAsker } from '../electron/features/dns/lookup';
import { startNsd } from '../test/peers/nsd';
import { startDelayProxy } from '../test/peers/udp-delay';
import { checkerZones, REGION } from '../test/support/dns-zones';
import type { Figure } from './figures';

const DELAY = 150;
const TOKENS = [
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
  'cccccccccccccccccccccccccccccccc',
];

export async function dnsCheckRatio(runs = 5): Promise<Figure[]> {
  // A complete, correct plan with no apex SPF record to chase: DKIM ×3, DMARC, MAIL FROM MX and SPF.
  const plain = {
    origin: 'plan.test',
    nameservers: ['ns-101.awsdns-12.com.'],
    records: [
      ...TOKENS.map((t) => `${t}._domainkey IN CNAME ${t}.dkim.amazonses.com.`),
      '_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@plan.test"',
      `bounce IN MX 10 feedback-smtp.${REGION}.amazonses.com.`,
      'bounce IN TXT "v=spf1 include:amazonses.com ~all"',
    ].join('\n'),
  };
  const nsd = await startNsd([...checkerZones(TOKENS), plain]);
  const slow = await startDelayProxy(nsd.port, DELAY);
  try {
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const single: number[] = [];
    const full: number[] = [];
    const withIncludes: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await createAsker([slow.server]).ask(`${TOKENS[0]}._domainkey.good.test`, 'CNAME');
      single.push(performance.now() - t);
      const servers = { authoritative: [slow.server], resolver: [slow.server] };
      t = performance.now();
      const report = await checkDomain({ domain: 'plan.test', region: REGION, dkimTokens: TOKENS }, servers);
      if (!report.records.every((r) => r.status === 'ok'))
        throw new Error('bench: the plan zone did not check clean');
      full.push(performance.now() - t);
      t = performance.now();
      await checkDomain({ domain: 'spf-heavy.test', region: REGION, dkimTokens: TOKENS }, servers);
      withIncludes.push(performance.now() - t);
    }
    const one = median(single);
    return [
      {
        name: 'DNS check of a full record plan ÷ slowest single lookup',
        value: median(full) / one,
        unit: '×',
        goal: 1.3,
        kind: 'max',
        note: `${median(full).toFixed(0)} ms vs ${one.toFixed(0)} ms per lookup (${DELAY} ms injected delay)`,
      },
      {
        name: 'DNS check with an apex SPF record that has includes ÷ one lookup',
        value: median(withIncludes) / one,
        unit: '×',
        goal: 0,
        kind: 'info',
        note: `${median(withIncludes).toFixed(0)} ms: one round more per include level, which only the apex record reveals`,
      },
    ];
  } finally {
    await slow.stop();
    await nsd.stop();
  }
}
