import { describe, expect, it } from 'vitest';
import type { ResourceRecordSet } from '@aws-sdk/client-route-53';
import { regionCode, regionsChooseInput, verifyDomainInput } from '../../../electron/ipc/schemas';
import { buildPlan } from '../../../electron/features/dns/index';
import { adviceFor, mailFromDomainFor, stateOf } from '../../../electron/features/identities/identities';
import { REGION_CHANGE_WARNING, SES_REGIONS, findRegion } from '../../../electron/core/facts/regions';
import { diffPlan, fromTxtRecord, toTxtRecord } from '../../../electron/features/dns/route53';

describe('the SES region data', () => {
  it('lists the seven recommended regions first, in the advised order', () => {
    expect(SES_REGIONS.slice(0, 7).map((r) => r.code)).toEqual([
      'us-east-1',
      'us-west-2',
      'eu-west-1',
      'eu-central-1',
      'ap-south-1',
      'ap-southeast-1',
      'ap-southeast-2',
    ]);
    expect(SES_REGIONS.slice(0, 7).every((r) => r.recommended)).toBe(true);
    expect(SES_REGIONS.slice(7).some((r) => r.recommended)).toBe(false);
  });

  it('holds every commercial SES region once, each a valid code with its SMTP host and advice', () => {
    const codes = SES_REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBe(27);
    for (const r of SES_REGIONS) {
      expect(regionCode.safeParse(r.code).success, r.code).toBe(true);
      expect(r.smtpHost).toBe(`email-smtp.${r.code}.amazonaws.com`);
      expect(r.name.length).toBeGreaterThan(3);
      expect(r.suits).toMatch(/\.$/);
    }
    expect(findRegion('eu-west-1')?.name).toBe('Europe (Ireland)');
    expect(findRegion('us-gov-west-1')).toBeUndefined();
  });

  it('warns that identities, sandbox status, reputation and SMTP passwords stay in their region', () => {
    for (const word of ['verified domains', 'sandbox', 'reputation', 'SMTP passwords'])
      expect(REGION_CHANGE_WARNING).toContain(word);
  });

  it('accepts a region change only with a literal confirmation', () => {
    expect(regionsChooseInput.safeParse({ region: 'eu-west-1', confirmChange: true }).success).toBe(true);
    expect(regionsChooseInput.safeParse({ region: 'eu-west-1', confirmChange: false }).success).toBe(false);
    expect(regionsChooseInput.safeParse({ region: 'Ireland' }).success).toBe(false);
  });
});

describe('identity states, pending versus failed', () => {
  it('reads SES statuses as one state, Easy DKIM success counting as verified', () => {
    expect(stateOf('Success')).toBe('verified');
    expect(stateOf('Pending', 'Success')).toBe('verified');
    expect(stateOf('Pending', 'Pending')).toBe('pending');
    expect(stateOf('Failed', 'Pending')).toBe('pending');
    expect(stateOf('Failed', 'Failed')).toBe('failed');
    expect(stateOf('TemporaryFailure')).toBe('temporary-failure');
    expect(stateOf('NotStarted')).toBe('not-started');
  });

  it('says pending is normal and may take up to 72 hours, without calling it a failure', () => {
    const a = adviceFor('pending', 'domain');
    expect(a.label).toBe('Waiting for DNS records');
    expect(a.meaning).toContain('72 hours');
    expect(a.meaning).toContain('does not mean anything is wrong');
    expect(`${a.label} ${a.todo}`).not.toMatch(/fail/i);
  });

  it('says failed means SES gave up after 72 hours, and to verify again', () => {
    const a = adviceFor('failed', 'domain');
    expect(a.label).toBe('Verification failed');
    expect(a.meaning).toContain('72 hours');
    expect(a.meaning).toContain('gave up');
    expect(a.todo).toContain('Verify again');
  });

  it('words an address by its email link, not by DNS', () => {
    expect(adviceFor('pending', 'address').todo).toContain('click the link');
    expect(adviceFor('pending', 'address').meaning).not.toContain('DNS');
    expect(adviceFor('failed', 'address').todo).toContain('Verify again');
  });

  it('puts the MAIL FROM on bounce.<domain> unless told otherwise', () => {
    expect(mailFromDomainFor('example.com')).toBe('bounce.example.com');
    expect(mailFromDomainFor('example.com', 'mail')).toBe('mail.example.com');
    expect(mailFromDomainFor('example.com', 'mail.example.com')).toBe('mail.example.com');
    expect(
      verifyDomainInput.safeParse({ domain: 'example.com', mailFromSubdomain: 'bounce.other.org' }).success,
    ).toBe(false);
  });
});

describe('Route 53 values', () => {
  it('quotes TXT values and splits them at 255 characters, and reads them back', () => {
    expect(toTxtRecord('v=spf1 include:amazonses.com ~all')).toBe('"v=spf1 include:amazonses.com ~all"');
    const long = 'v=DKIM1; p=' + 'A'.repeat(400);
    const stored = toTxtRecord(long);
    expect(stored.match(/"/g)).toHaveLength(4);
    expect(fromTxtRecord(stored)).toBe(long);
    expect(fromTxtRecord(toTxtRecord('say "hi"'))).toBe('say "hi"');
  });

  const plan = buildPlan({ domain: 'example.com', region: 'eu-west-1', dkimTokens: ['t1', 't2', 't3'] });
  const set = (Name: string, Type: string, ...values: string[]): [string, ResourceRecordSet] => [
    `${Name} ${Type}`,
    { Name: `${Name}.`, Type: Type as never, TTL: 300, ResourceRecords: values.map((Value) => ({ Value })) },
  ];

  it('lists every record as missing in an empty zone', () => {
    const { changes, inPlace } = diffPlan(plan, new Map());
    expect(changes.map((c) => `${c.action} ${c.type} ${c.name}`)).toEqual([
      'create CNAME t1._domainkey.example.com',
      'create CNAME t2._domainkey.example.com',
      'create CNAME t3._domainkey.example.com',
      'create TXT _dmarc.example.com',
      'create MX bounce.example.com',
      'create TXT bounce.example.com',
    ]);
    expect(inPlace).toEqual([]);
  });

  it('leaves right records alone, fixes wrong ones and keeps other TXT values at the same name', () => {
    const sets = new Map([
      set('t1._domainkey.example.com', 'CNAME', 't1.dkim.amazonses.com.'),
      set('t2._domainkey.example.com', 'CNAME', 't2.dkim.amazonses.com.example.com'),
      set('t3._domainkey.example.com', 'CNAME', 't3.dkim.amazonses.com'),
      set('_dmarc.example.com', 'TXT', toTxtRecord(plan.records.find((r) => r.purpose === 'dmarc')!.value)),
      set('bounce.example.com', 'MX', '10 feedback-smtp.eu-west-1.amazonses.com'),
      set('bounce.example.com', 'TXT', '"google-site-verification=abc"', '"v=spf1 -all"'),
    ]);
    const { changes, inPlace } = diffPlan(plan, sets);
    expect(changes.map((c) => `${c.action} ${c.type} ${c.name}`)).toEqual([
      'fix CNAME t2._domainkey.example.com',
      'fix TXT bounce.example.com',
    ]);
    expect(changes[1]!.values).toEqual(['google-site-verification=abc', 'v=spf1 include:amazonses.com ~all']);
    expect(inPlace).toHaveLength(4);
  });
});
