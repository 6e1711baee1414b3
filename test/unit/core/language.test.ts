import { describe, expect, it } from 'vitest';
import { effectiveLanguage, languageOfLocale } from '../../../electron/core/language';
import { migrate, SETTINGS_VERSION } from '../../../electron/core/settings';

describe('the language', () => {
  it('reads the OS locale as Electron and LANG give it', () => {
    for (const tag of ['ja', 'ja-JP', 'JA-jp', 'ja_JP.UTF-8', ' ja-JP '])
      expect(languageOfLocale(tag)).toBe('ja');
    for (const tag of ['en-US', 'en-GB', 'jam', 'de', '', 'C', undefined])
      expect(languageOfLocale(tag)).toBe('en');
  });

  it('lets the person’s choice win over the OS', () => {
    expect(effectiveLanguage('en', 'ja-JP')).toBe('en');
    expect(effectiveLanguage('ja', 'en-US')).toBe('ja');
    expect(effectiveLanguage(null, 'ja-JP')).toBe('ja');
  });
});

describe('settings version 3', () => {
  // A settings file as version 2 of the app writes it today.
  const today = {
    version: 2,
    step: 'dns',
    reached: ['welcome', 'connect', 'connected', 'region', 'identity', 'dns'],
    region: 'eu-west-1',
    profiles: [],
    activeProfileId: null,
    ledger: [],
    regionChosen: true,
    sandboxRequests: {},
    rotation: null,
    keyCreatedAt: {},
    lastRotatedAt: {},
    reminders: {
      periodDays: 90,
      snoozeUntil: null,
      lastRemindedAt: null,
      stayInTray: true,
      launchAtLogin: false,
    },
    features: { drafts: { sandbox: null, sender: null, testSend: null } },
  };

  it('migrates today’s file to follow the OS language, keeping everything else', () => {
    const migrated = migrate(today);
    expect(SETTINGS_VERSION).toBe(3);
    expect(migrated.version).toBe(3);
    expect(migrated.language).toBeNull();
    const { version: _v, language: _l, ...rest } = migrated;
    const { version: _old, ...before } = today;
    expect(rest).toMatchObject(before);
  });

  it('keeps a chosen language and drops one it does not speak without losing the rest', () => {
    expect(migrate({ ...today, version: 3, language: 'ja' }).language).toBe('ja');
    const damaged = migrate({ ...today, version: 3, language: 'klingon' });
    expect(damaged.language).toBeNull();
    expect(damaged.step).toBe('dns');
  });
});
