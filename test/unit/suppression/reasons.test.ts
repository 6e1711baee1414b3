import { describe, expect, it } from 'vitest';
import {
  matches,
  missingReasons,
  normaliseReasons,
  settingsSummary,
  toAddress,
  toDetail,
} from '../../../electron/features/suppression/reasons';

describe('suppression reasons', () => {
  it('keeps only the reasons SES knows, once each, in a fixed order', () => {
    expect(normaliseReasons(['COMPLAINT', 'BOUNCE', 'COMPLAINT', 'SPAM'])).toEqual(['BOUNCE', 'COMPLAINT']);
    expect(normaliseReasons(undefined)).toEqual([]);
  });

  it('names what turning on would add', () => {
    expect(missingReasons(['COMPLAINT'])).toEqual(['BOUNCE']);
    expect(missingReasons(['BOUNCE', 'COMPLAINT'])).toEqual([]);
  });

  it('says in words what each combination of settings does', () => {
    expect(settingsSummary(['BOUNCE', 'COMPLAINT'])).toMatch(/stops sending by itself/);
    expect(settingsSummary(['BOUNCE'])).toMatch(/keeps sending to people who marked your mail as spam/);
    expect(settingsSummary(['COMPLAINT'])).toMatch(/keeps trying addresses that bounced/);
    expect(settingsSummary([])).toMatch(/turn the suppression list on/);
  });

  it('turns SES’s summaries into views, dropping what it cannot read', () => {
    expect(
      toAddress({
        EmailAddress: 'a@b.example',
        Reason: 'BOUNCE',
        LastUpdateTime: new Date('2026-11-01T00:00:00Z'),
      }),
    ).toEqual({
      address: 'a@b.example',
      reason: 'BOUNCE',
      lastUpdate: '2026-11-01T00:00:00.000Z',
      why: expect.stringMatching(/bounced for good/),
    });
    expect(toAddress({ EmailAddress: 'a@b.example', Reason: 'OTHER' })).toBeNull();
    expect(toAddress({ Reason: 'BOUNCE' })).toBeNull();
  });

  it('keeps the message and feedback ids, and null where SES gave none', () => {
    const withIds = toDetail({
      EmailAddress: 'a@b.example',
      Reason: 'COMPLAINT',
      LastUpdateTime: new Date(0),
      Attributes: { MessageId: 'm-1', FeedbackId: 'f-1' },
    });
    expect(withIds).toMatchObject({ messageId: 'm-1', feedbackId: 'f-1' });
    expect(withIds!.removing).toMatch(/complaint/);
    expect(toDetail({ EmailAddress: 'a@b.example', Reason: 'BOUNCE' })).toMatchObject({
      messageId: null,
      feedbackId: null,
    });
  });

  it('matches any part of an address, ignoring case and surrounding spaces, never an empty query', () => {
    expect(matches('Jo@Pottery.example', ' pottery ')).toBe(true);
    expect(matches('jo@pottery.example', 'shop')).toBe(false);
    expect(matches('jo@pottery.example', '   ')).toBe(false);
  });
});
