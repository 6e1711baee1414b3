/**
 * The record plan over the table of cases people bring, not one example: every SES region × an apex,
 * a subdomain and an international domain × the DMARC policy already there × the apex SPF record's
 * lookups. Each case must hold the invariants: names relative to the zone that holds them, the DKIM
 * target of the region, DMARC never weaker than what applies, no SPF merge over 10 lookups. And a
 * DNS that cannot be reached is never "not found".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SES_REGIONS } from '../../../electron/core/facts/regions';
import { findNameservers, type Answer, type DnsAsker } from '../../../electron/features/dns/lookup';
import { buildPlan, type ExistingRecords } from '../../../electron/features/dns/record-plan';
import { dmarcTag } from '../../../electron/features/dns/dmarc';
import { domainName } from '../../../electron/ipc/schemas';

/**
 * The regions whose DKIM records point at dkim.<region>.amazonses.com, as the review found them in
 * the AWS General Reference: written out here independently of the app's table, so a wrong table fails.
 */
const REGIONAL = [
  'af-south-1',
  'ap-northeast-3',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'il-central-1',
  'me-central-1',
];

const DOMAINS = [
  { kind: 'apex', domain: 'shop.example', zone: 'shop.example' },
  { kind: 'subdomain', domain: 'mail.shop.example', zone: 'shop.example' },
  { kind: 'unicode', domain: domainName.parse('bücher.example'), zone: domainName.parse('bücher.example') },
] as const;

const DMARC: Record<string, Pick<ExistingRecords, 'dmarc' | 'dmarcInherited'>> = {
  none: { dmarc: [] },
  strict: { dmarc: ['v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s; pct=100; rua=mailto:d@shop.example'] },
  'out-of-order': { dmarc: ['v=DMARC1; rua=mailto:d@shop.example; p=quarantine; pct=50'] },
  inherited: {
    dmarc: [],
    dmarcInherited: { from: 'shop.example', record: 'v=DMARC1; p=quarantine; sp=reject' },
  },
  broken: { dmarc: ['v=DMARC1; p=blocked'] },
};

const SPF: Record<string, Pick<ExistingRecords, 'apexTxt' | 'mergedSpfLookups'>> = {
  none: { apexTxt: [] },
  nine: { apexTxt: ['v=spf1 a mx include:a.example include:b.example ~all'], mergedSpfLookups: 10 },
  ten: { apexTxt: ['v=spf1 a mx include:a.example include:b.example ~all'], mergedSpfLookups: 11 },
};

const STRENGTH: Record<string, number> = { none: 0, quarantine: 1, reject: 2 };
const tokens = ['t1', 't2', 't3'];

describe('the record plan, over every region × domain × DMARC × SPF case', () => {
  const cases = SES_REGIONS.flatMap((r) =>
    DOMAINS.flatMap((d) =>
      Object.keys(DMARC).flatMap((dm) => Object.keys(SPF).map((sp) => [r.code, d, dm, sp] as const)),
    ),
  );

  it(`holds every invariant in all ${cases.length} cases`, () => {
    for (const [region, d, dmarcCase, spfCase] of cases) {
      const existing: ExistingRecords = { mailFromCname: null, ...DMARC[dmarcCase]!, ...SPF[spfCase]! };
      const plan = buildPlan({ domain: d.domain, region, dkimTokens: tokens, zone: d.zone }, existing);
      const label = `${region} ${d.kind} dmarc=${dmarcCase} spf=${spfCase}`;

      // Names: every full name is the short name plus the zone, never the domain twice.
      for (const r of plan.records) {
        expect(r.relativeName === '@' ? d.zone : `${r.relativeName}.${d.zone}`, label).toBe(r.name);
        expect(r.name.endsWith(d.domain), label).toBe(true);
      }
      expect(plan.zone, label).toBe(d.zone);

      // DKIM: the region's signing domain.
      const dkimDomain = REGIONAL.includes(region) ? `dkim.${region}.amazonses.com` : 'dkim.amazonses.com';
      expect(
        plan.records.filter((r) => r.purpose === 'dkim').map((r) => r.value),
        label,
      ).toEqual(tokens.map((t) => `${t}.${dkimDomain}`));

      // DMARC: never weaker than what applies.
      const dmarc = plan.records.filter((r) => r.purpose === 'dmarc');
      const before = existing.dmarc[0];
      if (existing.dmarcInherited) expect(dmarc, label).toEqual([]);
      else if (!before)
        expect(
          dmarc.map((r) => r.value),
          label,
        ).toEqual(['v=DMARC1; p=none']);
      else {
        const after = dmarc[0]!.value;
        for (const tag of ['p', 'sp', 'pct', 'adkim', 'aspf', 'rua', 'ruf'])
          expect(dmarcTag(after, tag), `${label} ${tag}`).toBe(dmarcTag(before, tag));
        expect(STRENGTH[dmarcTag(after, 'p') ?? ''] ?? -1, label).toBeGreaterThanOrEqual(
          STRENGTH[dmarcTag(before, 'p') ?? ''] ?? -1,
        );
      }

      // SPF: a merge is offered only within 10 lookups.
      if (plan.apexSpfOption && existing.mergedSpfLookups != null)
        expect(existing.mergedSpfLookups, label).toBeLessThanOrEqual(10);
      if (spfCase === 'ten') expect(plan.apexSpfOption, label).toBeNull();
      if (spfCase === 'nine') expect(plan.apexSpfOption?.merged, label).toContain('include:amazonses.com');
    }
  });

  it('reads an international name as people write it, and plans it in its DNS form', () => {
    const plan = buildPlan({
      domain: domainName.parse('Bücher.Example.'),
      region: 'eu-west-1',
      dkimTokens: tokens,
    });
    expect(plan.domain).toBe('xn--bcher-kva.example');
    expect(plan.unicodeDomain).toBe('bücher.example');
  });
});

describe('a DNS that cannot be reached is never “not found”', () => {
  const asker = (answers: (name: string) => Answer): DnsAsker => ({
    servers: ['127.0.0.1:1'],
    ask: async (name) => answers(name),
  });
  const failure = fc.constantFrom<Answer['error']>('timeout', 'refused', 'failed');

  it('every unanswered question means “could not reach DNS”, whatever the failures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.domain(), fc.array(failure, { minLength: 1 }), async (domain, kinds) => {
        let i = 0;
        const result = await findNameservers(
          asker(() => ({ values: [], error: kinds[i++ % kinds.length] })),
          domain,
        );
        expect(result.outcome).toBe('unreachable');
      }),
      { numRuns: 300 },
    );
  });

  it('only an answer that the name does not exist means “not found”', async () => {
    const result = await findNameservers(
      asker(() => ({ values: [], nxdomain: true })),
      'nowhere.example',
    );
    expect(result.outcome).toBe('not-found');
    const found = await findNameservers(
      asker((name) => (name === 'example' ? { values: [] } : { values: ['ns1.example.net'] })),
      'shop.example',
    );
    expect(found).toEqual({ names: ['ns1.example.net'], outcome: 'found' });
  });
});
