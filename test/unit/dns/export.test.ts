import { describe, expect, it } from 'vitest';
import { toBind, zoneTxt } from '../../../electron/features/dns/export';
import type { DnsPlan, PlannedRecord } from '../../../electron/features/dns/types';

type Written = Pick<PlannedRecord, 'type' | 'name' | 'value'>;

/** A plan holding exactly the given records (and the apex SPF merge when given), as if read from DNS. */
function planOf(records: Written[], spfMerged?: string): DnsPlan {
  return {
    domain: 'example.com',
    unicodeDomain: 'example.com',
    zone: 'example.com',
    region: 'eu-west-1',
    mailFromDomain: 'bounce.example.com',
    records: records.map((r) => ({ ...r, purpose: 'dmarc', relativeName: r.name, why: '', required: true })),
    apexSpfOption:
      spfMerged === undefined
        ? null
        : { name: 'example.com', existing: 'v=spf1 -all', merged: spfMerged, alreadyIncluded: false },
    notes: [],
  };
}

describe('TXT values in the BIND export', () => {
  it.each([
    {
      what: 'a newline, which would end the record',
      value: 'v=DMARC1; p=none\n; x',
      zone: '"v=DMARC1; p=none\\010; x"',
    },
    { what: 'a NUL', value: 'a\0b', zone: '"a\\000b"' },
    { what: 'other control bytes', value: '\r\t\x7f\x1b', zone: '"\\013\\009\\127\\027"' },
    { what: 'UTF-8, byte by byte', value: 'ü', zone: '"\\195\\188"' },
    {
      what: 'a quote and a backslash escaped, a `;` as it is inside the quotes, and a CRLF',
      value: 'p=none; "q" \\ (x)\r\n',
      zone: '"p=none; \\"q\\" \\\\ (x)\\013\\010"',
    },
    { what: 'nothing (one empty string)', value: '', zone: '""' },
  ])('writes $what', ({ value, zone }) => {
    expect(zoneTxt(value)).toBe(zone);
  });

  it('splits a long value into strings of at most 255 bytes, not characters', () => {
    const strings = zoneTxt('ü'.repeat(200)).split(' ');
    expect(strings.map((s) => s.match(/\\\d{3}/g)!.length)).toEqual([255, 145]);
  });
});

describe('the BIND export of values and names read from DNS', () => {
  const hostile = 'v=DMARC1; p=none\n$ORIGIN evil.\n@ IN NS evil. ; "quoted" (paren) \\ \0 é';

  it('keeps every record on one line of plain text, with its name escaped', () => {
    const bind = toBind(
      planOf(
        [
          { type: 'TXT', name: '_dmarc.example.com', value: hostile },
          { type: 'CNAME', name: 'a;b c\n"(x)"é._domainkey.example.com', value: 'a;b\n.dkim.amazonses.com' },
          { type: 'MX', name: 'bounce.example.com', value: '10 feedback;\n.amazonses.com' },
        ],
        `v=spf1 ${hostile} ~all`,
      ),
    );
    const lines = bind.trimEnd().split('\n');
    const records = lines.filter((l) => !l.startsWith(';'));
    expect(records).toHaveLength(3);
    for (const line of records) expect(line).toMatch(/^[!-~]+\t3600\tIN\t(TXT|CNAME|MX)\t[ -~]+$/);
    for (const line of lines) expect(line.replaceAll('\t', '')).not.toMatch(/\p{Cc}/u); // tabs part the fields
    expect(records[1]).toBe(
      'a\\059b\\032c\\010\\034\\040x\\041\\034\\195\\169._domainkey.example.com.\t3600\tIN\tCNAME\ta\\059b\\010.dkim.amazonses.com.',
    );
    expect(records[2]).toBe('bounce.example.com.\t3600\tIN\tMX\t10 feedback\\059\\010.amazonses.com.');
    expect(lines.at(-1)).toBe(`; example.com.\t3600\tIN\tTXT\t${zoneTxt(`v=spf1 ${hostile} ~all`)}`);
  });

  it('leaves out, and says so, a record whose name or target no zone file can hold', () => {
    const bind = toBind(
      planOf([
        { type: 'TXT', name: 'a..example.com', value: 'empty label' },
        { type: 'TXT', name: `${'a'.repeat(64)}.example.com`, value: 'label over 63 bytes' },
        { type: 'TXT', name: `${'a'.repeat(60)}.`.repeat(5) + 'com', value: 'name over 255 bytes' },
        { type: 'CNAME', name: 'tok._domainkey.example.com', value: 'tok..dkim.amazonses.com' },
        { type: 'MX', name: 'bounce.example.com', value: 'ten feedback-smtp.amazonses.com' },
        { type: 'TXT', name: '_dmarc.example.com', value: 'v=DMARC1; p=none' },
      ]),
    );
    const lines = bind.trimEnd().split('\n');
    expect(lines.filter((l) => !l.startsWith(';'))).toEqual([
      '_dmarc.example.com.\t3600\tIN\tTXT\t"v=DMARC1; p=none"',
    ]);
    expect(lines.filter((l) => l.startsWith('; Left out'))).toHaveLength(5);
    expect(bind).not.toMatch(/empty label|over 63|over 255|tok\.\.|ten feedback/);
  });
});
