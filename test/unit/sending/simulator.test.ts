import { describe, expect, it } from 'vitest';
import { SIMULATOR_ADDRESSES, simulatorOutcome } from '../../../electron/features/sending/simulator';
import { SIMULATOR_DOMAIN } from '../../../electron/core/facts/simulator';

describe('the mailbox simulator as the screens describe it', () => {
  it('says suppressionlist@ acts out the global suppression list, not the account’s own', () => {
    const entry = simulatorOutcome(`suppressionlist@${SIMULATOR_DOMAIN}`)!;
    expect(entry.meaning).toMatch(/global suppression list/);
    expect(entry.meaning).toMatch(/hard bounce/);
    expect(entry.meaning).toMatch(/own suppression list is not touched/);
    expect(entry.acceptedTitle).toMatch(/global suppression list/);
    expect(entry.acceptedTitle).not.toMatch(/your suppression list/);
  });

  it('takes its addresses from the one simulator domain in the facts module', () => {
    for (const s of SIMULATOR_ADDRESSES) expect(s.address).toBe(`${s.outcome}@${SIMULATOR_DOMAIN}`);
    expect(simulatorOutcome(`bounce+label@${SIMULATOR_DOMAIN.toUpperCase()}`)?.outcome).toBe('bounce');
    expect(simulatorOutcome('bounce@example.com')).toBeNull();
  });

  it('says bounce and complaint notices go to the Return-Path address, not where the mail came from', () => {
    for (const outcome of ['bounce', 'complaint'] as const) {
      const notice = simulatorOutcome(`${outcome}@${SIMULATOR_DOMAIN}`)!.notice!;
      expect(notice).toMatch(/Return-Path address/);
      expect(notice).not.toMatch(/came from/);
    }
  });
});
