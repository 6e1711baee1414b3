/**
 * Which channels count as a use of admin access (electron/core/admin-uses.ts): only the changes a
 * person asks for restart its idle limit. Every channel that reaches the admin credentials, found in
 * the code itself (support/admin-channels.ts), must be named either a use there or a read here, so a
 * new channel that takes admin access is decided on, not counted by accident.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_USES, countingAdminUses } from '../../../electron/core/admin-uses';
import { createAdminSession } from '../../../electron/core/admin-session';
import type { Handlers } from '../../../electron/ipc/router';
import { adminChannels } from '../../support/admin-channels';

/** Channels that reach the admin keys but are reads: they may use the keys, never keep them. */
const READS: Record<string, string> = {
  'route53.preview': 'The DNS step shows it by itself as soon as admin access is open.',
  'notifications.status': 'Read when a sender’s bounce settings come on screen.',
  'rotation.status': 'The dashboard and the reminder timer’s tick read it.',
  'suppression.settings': 'Read when the dashboard or the suppression screen opens.',
  'suppression.alarms': 'Read when the dashboard or the alarms panel opens.',
  'suppression.list':
    'Read when the screen opens, and again as the person pages or searches: the main process cannot tell the two apart, so neither counts.',
  'suppression.detail': 'A look at one address: a read, whoever asked for it.',
};

// Read from the code once, before the tests are collected (the compiler takes a few seconds).
const found = adminChannels();

describe('admin uses', () => {
  it('every channel that reaches the admin credentials is either a person’s action or a read, never both', () => {
    const decided = [...ADMIN_USES, ...Object.keys(READS)].sort();
    expect(decided).toEqual([...found.channels.keys()].sort());
  });

  it('a read takes the credentials without moving the idle limit; a use moves it', async () => {
    let now = Date.parse('2026-03-02T09:00:00.000Z');
    const session = createAdminSession({
      clock: () => new Date(now),
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    session.open(
      { kind: 'keys', accessKeyId: 'AKIAADMINEXAMPLE0000', secretAccessKey: 'x'.repeat(40) },
      { arn: 'arn:aws:iam::123456789012:user/admin', accountId: '123456789012', kind: 'long-term' },
    );
    const takesKeys = async () => {
      // An await first: the decision must hold across the handler's asynchronous work.
      await Promise.resolve();
      return session.credentials('test').kind;
    };
    const handlers = countingAdminUses(
      { 'suppression.list': takesKeys, 'suppression.add': takesKeys } as unknown as Handlers,
      session,
    );
    const deadline = () => session.summary()!.expiresAt;

    now += 10 * 60_000;
    await expect(handlers['suppression.list']({} as never)).resolves.toBe('keys');
    expect(deadline()).toBe('2026-03-02T09:15:00.000Z');
    await expect(handlers['suppression.add']({} as never)).resolves.toBe('keys');
    expect(deadline()).toBe('2026-03-02T09:25:00.000Z');
    // Outside any channel (a service called directly) taking the keys is a use, as before.
    now += 5 * 60_000;
    session.credentials('test');
    expect(deadline()).toBe('2026-03-02T09:30:00.000Z');
  });
});
