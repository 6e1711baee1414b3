import { describe, expect, it } from 'vitest';
import { MAIL_FROM_BEHAVIOR, mailFromMeaning } from '../../../electron/core/facts/mail-from';

describe('what a MAIL FROM state means for the mail', () => {
  it('is silent once SES has found the MX record', () => {
    expect(mailFromMeaning('bounce.example.com', 'Success', 'UseDefaultValue')).toBeNull();
  });

  it.each(['Pending', 'Failed', 'TemporaryFailure'])(
    'says mail still goes out with amazonses.com while %s (the behaviour the assistant sets)',
    (status) => {
      expect(MAIL_FROM_BEHAVIOR).toBe('UseDefaultValue');
      const meaning = mailFromMeaning('bounce.example.com', status, 'UseDefaultValue')!;
      expect(meaning).toMatch(/still goes out/);
      expect(meaning).toContain('amazonses.com');
      expect(meaning).toContain('bounce.example.com');
      expect(meaning).toMatch(/DMARC/);
    },
  );

  it('warns that sends fail while the MX is missing when someone chose RejectMessage', () => {
    const meaning = mailFromMeaning('bounce.example.com', 'Pending', 'RejectMessage')!;
    expect(meaning).toMatch(/sends from it fail/);
    expect(meaning).toContain('MailFromDomainNotVerified');
  });
});
