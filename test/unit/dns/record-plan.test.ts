import { describe, expect, it } from 'vitest';
import {
  buildPlan,
  recogniseHost,
  recordsToWrite,
  toBind,
  toCsv,
  type DnsReport,
} from '../../../electron/features/dns/index';
import { mailFromFor } from '../../../electron/features/dns/record-plan';
import { dmarcProblem } from '../../../electron/features/dns/dmarc';

const tokens = ['tok1', 'tok2', 'tok3'];
const input = { domain: 'Example.com.', region: 'eu-west-1', dkimTokens: tokens };

describe('the record plan', () => {
  it('lists three DKIM CNAMEs, DMARC and the MAIL FROM MX and SPF on bounce.<domain>', () => {
    const plan = buildPlan(input);
    expect(plan.domain).toBe('example.com');
    expect(plan.mailFromDomain).toBe('bounce.example.com');
    expect(plan.records.map((r) => [r.type, r.name, r.value])).toEqual([
      ['CNAME', 'tok1._domainkey.example.com', 'tok1.dkim.amazonses.com'],
      ['CNAME', 'tok2._domainkey.example.com', 'tok2.dkim.amazonses.com'],
      ['CNAME', 'tok3._domainkey.example.com', 'tok3.dkim.amazonses.com'],
      ['TXT', '_dmarc.example.com', 'v=DMARC1; p=none'],
      ['MX', 'bounce.example.com', '10 feedback-smtp.eu-west-1.amazonses.com'],
      ['TXT', 'bounce.example.com', 'v=spf1 include:amazonses.com ~all'],
    ]);
    expect(plan.records[0]!.relativeName).toBe('tok1._domainkey');
  });

  it('keeps an existing DMARC policy instead of proposing p=none', () => {
    const kept = 'v=DMARC1; p=reject; rua=mailto:d@example.com';
    const plan = buildPlan(input, { dmarc: [kept], apexTxt: [], mailFromCname: null });
    expect(plan.records.find((r) => r.purpose === 'dmarc')!.value).toBe(kept);
    expect(plan.notes.map((n) => n.code)).toContain('DMARC_KEPT');
  });

  it('leaves a DMARC record it cannot read as it is, and says so, never proposing p=none over it', () => {
    const plan = buildPlan(input, { dmarc: ['v=DMARC1; p=block'], apexTxt: [], mailFromCname: null });
    expect(plan.records.find((r) => r.purpose === 'dmarc')!.value).toBe('v=DMARC1; p=block');
    expect(plan.notes.map((n) => n.code)).toEqual(['DMARC_UNREADABLE']);
  });

  it('refuses a MAIL FROM subdomain that already holds a CNAME', () => {
    const plan = buildPlan(
      { ...input, mailFromDomain: 'mail' },
      { dmarc: [], apexTxt: [], mailFromCname: 'elsewhere.example.net' },
    );
    expect(plan.mailFromDomain).toBe('mail.example.com');
    expect(plan.records.some((r) => r.purpose.startsWith('mail-from'))).toBe(false);
    expect(plan.notes.map((n) => n.code)).toContain('MAIL_FROM_CNAME_CLASH');
  });

  it('offers the apex SPF include only as an option, merged into the existing record', () => {
    const plan = buildPlan(input, { dmarc: [], apexTxt: ['v=spf1 mx -all', 'other'], mailFromCname: null });
    expect(plan.records.every((r) => r.name !== 'example.com')).toBe(true);
    expect(plan.apexSpfOption).toEqual({
      name: 'example.com',
      existing: 'v=spf1 mx -all',
      merged: 'v=spf1 mx include:amazonses.com -all',
      alreadyIncluded: false,
    });
    const twice = buildPlan(input, {
      dmarc: [],
      apexTxt: ['v=spf1 mx -all', 'v=spf1 a -all'],
      mailFromCname: null,
    });
    expect(twice.apexSpfOption).toBeNull();
    expect(twice.notes.map((n) => n.code)).toContain('SPF_MULTIPLE');
  });

  it.each([
    // [SES's MAIL FROM for the identity, the plan's MAIL FROM, the note expected (null: none)]
    [undefined, undefined, null], // SES not asked (the CLI, exports): nothing to say
    [null, undefined, 'SES does not use bounce.example.com for example.com yet'],
    [null, 'mail', 'SES does not use mail.example.com for example.com yet'],
    ['bounce.example.com', undefined, null],
    ['Bounce.Example.com.', undefined, null], // as SES may spell it
    [
      'bounce.example.com',
      'mail',
      'SES uses bounce.example.com as the MAIL FROM domain for example.com, not mail.example.com',
    ],
  ] as const)(
    'says when SES does not use the MAIL FROM records it lists (SES holds %s, plan %s)',
    (sesMailFrom, mailFromDomain, expected) => {
      const plan = buildPlan({ ...input, sesMailFrom, ...(mailFromDomain ? { mailFromDomain } : {}) });
      const note = plan.notes.find((n) => /^MAIL_FROM_(NOT|OTHER)_IN_SES$/.test(n.code));
      if (expected === null) expect(note).toBeUndefined();
      else expect(note?.message).toContain(expected);
      // The records stay: they are what SES will need once it uses that domain.
      expect(plan.records.filter((r) => r.purpose.startsWith('mail-from'))).toHaveLength(2);
    },
  );

  it('names a MAIL FROM other than SES’s under its own code, and says nothing when a CNAME blocks the name', () => {
    const other = buildPlan({ ...input, sesMailFrom: 'bounce.example.com', mailFromDomain: 'mail' });
    expect(other.notes.map((n) => n.code)).toEqual(['DMARC_NEW', 'MAIL_FROM_OTHER_IN_SES']);
    const blocked = buildPlan(
      { ...input, sesMailFrom: null },
      { dmarc: [], apexTxt: [], mailFromCname: 'elsewhere.example.net' },
    );
    expect(blocked.notes.map((n) => n.code)).toContain('MAIL_FROM_CNAME_CLASH');
    expect(blocked.notes.map((n) => n.code)).not.toContain('MAIL_FROM_NOT_IN_SES');
  });

  it('reads a bare MAIL FROM label as a subdomain of the domain', () => {
    expect(mailFromFor('example.com', 'bounce')).toBe('bounce.example.com');
    expect(mailFromFor('example.com', 'mail.example.com.')).toBe('mail.example.com');
    expect(mailFromFor('example.com', null)).toBe('bounce.example.com');
  });
});

describe('DMARC checks', () => {
  it('accepts a well-formed record and names what is wrong with others', () => {
    expect(dmarcProblem('v=DMARC1; p=none; rua=mailto:a@example.com')).toBeNull();
    expect(dmarcProblem('v=DMARC1; p=block')).toMatch(/none, quarantine or reject/);
    expect(dmarcProblem('v=dmarc1; p=none')).toMatch(/v=DMARC1/);
    expect(dmarcProblem('v=DMARC1; rua=mailto:a@example.com; p=none')).toMatch(/right after/);
    expect(dmarcProblem('"v=DMARC1; p=none"')).toMatch(/Quote marks/);
    expect(dmarcProblem('v=DMARC1; p=none; rua=a@example.com')).toMatch(/mailto:/);
  });
});

describe('DNS hosts', () => {
  it.each([
    ['ns-101.awsdns-12.com', 'route53'],
    ['ada.ns.cloudflare.com.', 'cloudflare'],
    ['ns51.domaincontrol.com', 'godaddy'],
    ['dns1.registrar-servers.com', 'namecheap'],
    ['ns-cloud-a1.googledomains.com', 'google'],
    ['ns1082.ui-dns.com', 'ionos'],
    ['dns200.anycast.me', 'ovh'],
    ['ns1.digitalocean.com', 'digitalocean'],
  ])('recognises %s as %s', (ns, id) => {
    expect(recogniseHost([ns])?.id).toBe(id);
  });

  it('says Cloudflare CNAMEs must be “DNS only”, and does not guess an unknown host', () => {
    expect(recogniseHost(['ada.ns.cloudflare.com'])!.tips.join(' ')).toMatch(/DNS only/);
    expect(recogniseHost(['ns1.example-dns.net'])).toBeNull();
  });
});

describe('exports', () => {
  const plan = buildPlan(input, { dmarc: [], apexTxt: ['v=spf1 mx -all'], mailFromCname: null });

  it('writes a BIND snippet with absolute names and quoted TXT values', () => {
    const bind = toBind(plan);
    expect(bind).toContain('tok1._domainkey.example.com.\t3600\tIN\tCNAME\ttok1.dkim.amazonses.com.');
    expect(bind).toContain('bounce.example.com.\t3600\tIN\tMX\t10 feedback-smtp.eu-west-1.amazonses.com.');
    expect(bind).toContain('_dmarc.example.com.\t3600\tIN\tTXT\t"v=DMARC1; p=none"');
    expect(bind).toMatch(/^; example\.com\.\t3600\tIN\tTXT\t"v=spf1 mx include:amazonses\.com -all"$/m);
  });

  it('writes CSV with a header and quoted fields where needed', () => {
    const lines = toCsv(plan).trim().split('\r\n');
    expect(lines[0]).toBe('type,name,short_name,value,purpose,required');
    expect(lines).toContain('TXT,_dmarc.example.com,_dmarc,v=DMARC1; p=none,dmarc,yes');
    expect(lines.at(-1)).toBe('TXT,example.com,@,v=spf1 mx include:amazonses.com -all,apex-spf-optional,no');
  });
});

describe('what still needs writing', () => {
  it('keeps only the missing and wrong records, never a MAIL FROM name held by a CNAME', () => {
    const plan = buildPlan(input);
    const statuses = ['ok', 'missing', 'propagating', 'wrong', 'wrong', 'wrong'] as const;
    const report: DnsReport = {
      domain: plan.domain,
      dnsHost: null,
      notes: [],
      records: plan.records.map((r, i) => ({
        purpose: r.purpose,
        type: r.type,
        name: r.name,
        expected: r.value,
        found: [],
        status: statuses[i]!,
        problems: i >= 4 ? [{ code: 'MAIL_FROM_CNAME_CLASH' as const, message: 'm', fix: 'f' }] : [],
      })),
      problems: [],
      nameservers: [],
      asked: [],
      checkedAt: '',
      elapsedMs: 0,
    };
    expect(recordsToWrite(plan, report).map((r) => r.name)).toEqual([
      'tok2._domainkey.example.com',
      '_dmarc.example.com',
    ]);
  });
});
