import { describe, expect, it } from 'vitest';
import {
  BOUNCE_ADVICE,
  bounceAdvice,
  complaintAdvice,
  FEEDBACK_FACTS,
} from '../../../electron/core/facts/feedback';
import { csvField, matches, meaningOf, toCsv } from '../../../electron/features/feedback/view';
import type { FeedbackEvent } from '../../../electron/features/feedback/types';

const event = (overrides: Partial<FeedbackEvent> = {}): FeedbackEvent => ({
  id: 'n:0',
  notificationId: 'n',
  kind: 'bounce',
  address: 'Gone@Example.org',
  at: '2026-11-20T09:00:05.000Z',
  receivedAt: '2026-11-20T09:01:00.000Z',
  bounceType: 'Permanent',
  bounceSubType: 'General',
  diagnostic: 'smtp; 550 user unknown',
  message: { id: 'm1', subject: 'Invoice, "March"' },
  ...overrides,
});

describe('what an event means', () => {
  it('has dated facts with their AWS sources', () => {
    expect(FEEDBACK_FACTS.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(FEEDBACK_FACTS.sources.every((s) => s.startsWith('https://docs.aws.amazon.com/ses/'))).toBe(true);
  });

  it('covers every bounce type and subtype SES documents', () => {
    expect(Object.keys(BOUNCE_ADVICE).sort()).toEqual(
      [
        'Permanent/General',
        'Permanent/NoEmail',
        'Permanent/OnAccountSuppressionList',
        'Permanent/Suppressed',
        'Transient/AttachmentRejected',
        'Transient/ContentRejected',
        'Transient/General',
        'Transient/MailboxFull',
        'Transient/MessageTooLarge',
        'Undetermined/Undetermined',
      ].sort(),
    );
  });

  it('says to stop mailing after a permanent bounce or a complaint, not after a full mailbox', () => {
    expect(meaningOf(event()).stopMailing).toBe(true);
    expect(meaningOf(event({ bounceType: 'Transient', bounceSubType: 'MailboxFull' })).stopMailing).toBe(
      false,
    );
    expect(meaningOf(event({ kind: 'complaint', complaintType: 'abuse' })).title).toBe('Marked as spam');
    expect(meaningOf(event({ kind: 'delivery' })).stopMailing).toBe(false);
  });

  it('gives a subtype SES adds later the advice of its type, and an unknown complaint type the general one', () => {
    expect(bounceAdvice('Permanent', 'SomethingNew').stopMailing).toBe(true);
    expect(bounceAdvice('Transient', 'SomethingNew').title).toBe('Bounced for now');
    expect(bounceAdvice('Weird', 'x').title).toBe('Bounced, reason unknown');
    expect(complaintAdvice('made-up').stopMailing).toBe(true);
    expect(complaintAdvice('abuse', 'OnAccountSuppressionList').title).toMatch(/suppression list/);
  });
});

describe('filter and search', () => {
  it('matches by kind, and by any part of the address, subject, message id or diagnostic, ignoring case', () => {
    expect(matches(event(), { kind: 'complaint' })).toBe(false);
    expect(matches(event(), { kind: 'all', query: 'gone@EXAMPLE' })).toBe(true);
    expect(matches(event(), { query: 'march' })).toBe(true);
    expect(matches(event(), { query: 'm1' })).toBe(true);
    expect(matches(event(), { query: 'user unknown' })).toBe(true);
    expect(matches(event(), { query: 'nothing like it' })).toBe(false);
  });
});

describe('CSV', () => {
  it('has a header row and one row per event, with commas and quotes escaped', () => {
    const csv = toCsv([event()]);
    const [header, row] = csv.split('\r\n');
    expect(header?.split(',')[0]).toBe('time');
    expect(row).toContain('"Invoice, ""March"""');
    expect(row).toContain('Bounced for good');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('keeps a spreadsheet from running a field as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@a')).toBe("'@a");
    expect(csvField(undefined)).toBe('');
  });
});
