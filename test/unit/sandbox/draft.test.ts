import { describe, expect, it } from 'vitest';
import { USE_CASE_MAX, sandboxSubmitInput, type SandboxAnswers } from '../../../electron/ipc/schemas';
import { capText, draftUseCase } from '../../../electron/features/sandbox/draft';
import { readiness, type ReadinessFacts } from '../../../electron/features/sandbox/readiness';
import { meaningOf } from '../../../electron/features/sandbox/sandbox';
import { percent, REPUTATION } from '../../../electron/core/facts/reputation';

const FULL: SandboxAnswers = {
  business: 'Harbour Bikes repairs and rents bicycles in Galway',
  website: 'https://harbourbikes.example',
  mailType: 'MARKETING',
  optIn: 'double-opt-in',
  optInDetail: 'The sign-up form is on our booking page',
  listSize: 12500,
  frequency: 'one newsletter every two weeks',
  monthlyVolume: 26000,
  bounceHandling: ['sns-notifications', 'auto-suppress', 'watch-rates'],
  unsubscribe: ['list-unsubscribe', 'footer-link'],
  contacts: ['hello@harbourbikes.example'],
  language: 'EN',
};

describe('the use-case draft', () => {
  it('states every fact given, in specific words', () => {
    const { text, missing } = draftUseCase(FULL);
    expect(missing).toEqual([]);
    for (const fact of [
      'Harbour Bikes repairs and rents bicycles in Galway.',
      'https://harbourbikes.example',
      'marketing email',
      'double opt-in',
      'The sign-up form is on our booking page.',
      '12,500 recipients',
      'one newsletter every two weeks',
      '26,000 messages a month',
      'Amazon SNS topic',
      'removed from our lists automatically',
      `under ${percent(REPUTATION.bounce.adviseBelow)}`,
      'List-Unsubscribe header',
      'unsubscribe link in its footer',
      'hello@harbourbikes.example',
    ])
      expect(text).toContain(fact);
  });

  it('promises the rates AWS advises (bounces under 2 %, complaints under 0.1 %), not the line where AWS reviews', () => {
    const { text } = draftUseCase({ ...FULL, bounceHandling: ['watch-rates'] });
    expect(text).toContain('bounce rate under 2 %');
    expect(text).toContain('complaint rate under 0.1 %');
    expect(text).not.toMatch(/\b5 ?%/);
  });

  it('says transactional when the mail is transactional, and does not ask for unsubscribe then', () => {
    const d = draftUseCase({ ...FULL, mailType: 'TRANSACTIONAL', unsubscribe: [] });
    expect(d.text).toContain('transactional email only');
    expect(d.text).not.toContain('marketing email');
    expect(d.missing).not.toContain('how people unsubscribe');
    expect(draftUseCase({ ...FULL, unsubscribe: [] }).missing).toContain('how people unsubscribe');
  });

  it('leaves out what is unanswered instead of writing placeholders, and lists it as missing', () => {
    const d = draftUseCase({ mailType: 'TRANSACTIONAL' });
    expect(d.text).not.toMatch(/undefined|null|NaN|\[|\{|TODO|___|<[a-z]/i);
    expect(d.text).not.toMatch(/about\s+recipients|about\s+messages|Our website is\s*\./);
    expect(d.missing).toEqual([
      'what your business does',
      'your website',
      'how recipients agreed to get your mail',
      'how many recipients you have',
      'how often you send',
      'your expected monthly volume',
      'how you handle bounces and complaints',
    ]);
  });

  it('never exceeds 5,000 characters, even from the longest answers, and ends on a whole sentence', () => {
    const long = 'We ship plants across Europe and explain their care in detail. '.repeat(12).slice(0, 800);
    const d = draftUseCase({
      ...FULL,
      business: long,
      optInDetail: long.slice(0, 600),
      frequency: long.slice(0, 300),
      bounceDetail: long.slice(0, 600),
    });
    expect(d.length).toBeLessThanOrEqual(USE_CASE_MAX);
    expect(d.text.length).toBe(d.length);
    const many = capText('A sentence that keeps going on. '.repeat(400));
    expect(many.length).toBeLessThanOrEqual(USE_CASE_MAX);
    expect(many.endsWith('.')).toBe(true);
  });

  it('is the same text for the same answers (it is redrawn on every keystroke)', () => {
    expect(draftUseCase(FULL).text).toBe(draftUseCase({ ...FULL }).text);
  });

  it('submission needs a website, a business description, a contact and an explicit confirmation', () => {
    expect(sandboxSubmitInput.safeParse({ answers: FULL, confirm: true }).success).toBe(true);
    expect(sandboxSubmitInput.safeParse({ answers: FULL }).success).toBe(false);
    const r = sandboxSubmitInput.safeParse({
      answers: { ...FULL, website: 'harbourbikes', business: 'Bikes', contacts: [] },
      confirm: true,
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'answers.business',
      'answers.contacts',
      'answers.website',
    ]);
    expect(
      sandboxSubmitInput.safeParse({
        answers: { ...FULL, contacts: ['a@b.co', 'c@d.co', 'e@f.co', 'g@h.co', 'i@j.co'] },
        confirm: true,
      }).success,
    ).toBe(false);
  });
});

const READY: ReadinessFacts = {
  domain: 'harbourbikes.example',
  region: 'eu-west-1',
  verification: 'Success',
  dkimEnabled: true,
  dkimStatus: 'Success',
  bounceTopic: 'arn:aws:sns:eu-west-1:1:t',
  complaintTopic: 'arn:aws:sns:eu-west-1:1:t',
  dmarc: 'v=DMARC1; p=none',
  dmarcProblem: null,
};
const oks = (f: ReadinessFacts, site?: string) =>
  Object.fromEntries(readiness(f, site).map((i) => [i.id, i.ok]));

describe('the readiness checklist', () => {
  it('ticks everything when SES, DNS and the answers have it all', () => {
    expect(oks(READY, 'https://harbourbikes.example')).toEqual({
      'domain-verified': true,
      dkim: true,
      dmarc: true,
      bounces: true,
      website: true,
    });
  });

  it('tells a pending domain and DKIM without its records apart from a missing one', () => {
    const items = readiness(
      { ...READY, verification: 'Pending', dkimStatus: 'Pending' },
      'https://x.example',
    );
    expect(items[0]).toMatchObject({ ok: false, detail: expect.stringContaining('pending') });
    expect(items[1]).toMatchObject({ ok: false, detail: expect.stringContaining('has not seen') });
    const none = readiness({ ...READY, verification: null, dkimEnabled: false, dkimStatus: null }, undefined);
    expect(none[0]!.detail).toContain('not set up in eu-west-1');
    expect(none[1]!.detail).toContain('Turn on Easy DKIM');
  });

  it('counts a broken DMARC record as missing and an unanswered DNS as unknown', () => {
    expect(oks({ ...READY, dmarc: '"v=DMARC1; p=none"', dmarcProblem: 'Quote marks' }).dmarc).toBe(false);
    expect(oks({ ...READY, dmarc: null }).dmarc).toBe(false);
    expect(oks({ ...READY, dmarc: 'unreadable' }).dmarc).toBeNull();
  });

  it('needs both a bounce and a complaint topic, and a full website address', () => {
    expect(oks({ ...READY, complaintTopic: null }).bounces).toBe(false);
    expect(oks(READY, 'harbourbikes.example').website).toBe(false);
    expect(oks(READY, '').website).toBe(false);
  });
});

describe('what each review state means', () => {
  const base = {
    region: 'eu-west-1',
    enforcement: 'HEALTHY' as const,
    quota: { max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 0 },
  };
  it('gives each state its own meaning and next step', () => {
    const titles = (['PENDING', 'GRANTED', 'DENIED', 'FAILED'] as const).map(
      (status) => meaningOf({ ...base, sandbox: true, review: { status, caseId: '1' } }).title,
    );
    expect(new Set(titles).size).toBe(4);
    expect(meaningOf({ ...base, sandbox: true, review: null }).explanation).toMatch(
      /200 recipients in 24 hours and 1 recipient a second/,
    );
    expect(meaningOf({ ...base, sandbox: true, review: { status: 'FAILED', caseId: null } }).next).toMatch(
      /again/,
    );
    expect(meaningOf({ ...base, enforcement: 'SHUTDOWN', sandbox: false, review: null }).title).toMatch(
      /paused/,
    );
  });

  it('once granted, advises AWS’s rates and names where AWS reviews and pauses', () => {
    const { next } = meaningOf({ ...base, sandbox: false, review: { status: 'GRANTED', caseId: '1' } });
    expect(next).toMatch(/bounces under 2 % and complaints under 0\.1 %/);
    expect(next).toMatch(/reviews an account at 5 % bounces or 0\.1 % complaints/);
    expect(next).toMatch(/10 % or 0\.5 %/);
  });
});
