import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { createAdminSession, type AdminSession } from '../../../electron/core/admin-session';
import { AssistantFailure, type AssistantError } from '../../../electron/core/errors';
import { rotationState } from '../../../electron/core/rotation-state';
import {
  ADMIN_RIGHTS,
  adminActions,
  limitsFrom,
  missingRightsError,
  policySourceArn,
} from '../../../electron/features/connection/admin-rights';
import { startReminderTimer } from '../../../electron/features/rotation/reminder-timer';
import { buildTestApp } from '../../support/assistant';

const T0 = Date.parse('2026-05-01T10:00:00Z');
const MIN = 60_000;
const KEYS = {
  kind: 'keys',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
} as const;
const WHO = {
  arn: 'arn:aws:iam::123456789012:user/admin',
  accountId: '123456789012',
  kind: 'long-term',
} as const;
const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();

/** A session on a clock the test moves, with the deadline timers it asked for. */
function sessionOnClock() {
  let now = T0;
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const session = createAdminSession({
    clock: () => new Date(now),
    setTimer: (fn, ms) => {
      const timer = { fn, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => void ((timer as { cleared: boolean }).cleared = true),
  });
  return {
    session,
    /** Moves the clock to this many minutes after T0. */
    to: (minutes: number) => void (now = T0 + minutes * MIN),
    live: () => timers.filter((t) => !t.cleared),
    /** Fires the one pending deadline timer, as its time came. */
    fire() {
      const pending = timers.filter((t) => !t.cleared);
      expect(pending).toHaveLength(1);
      pending[0]!.cleared = true;
      pending[0]!.fn();
    },
  };
}

function failureOf(work: () => unknown): AssistantError {
  try {
    work();
  } catch (err) {
    expect(err).toBeInstanceOf(AssistantFailure);
    return (err as AssistantFailure).assistantError;
  }
  throw new Error('expected a failure');
}

const use = (session: AdminSession) => session.credentials('Creating the sending user needs IAM rights.');

describe('the admin session’s time limits (injected clock)', () => {
  it('is forgotten 15 minutes after its last use, and the next step says it expired', () => {
    const { session, to } = sessionOnClock();
    session.open(KEYS, WHO);
    expect(session.summary()).toMatchObject({
      since: at(0),
      expiresAt: at(15),
      latestExpiresAt: at(60),
      idleMinutes: 15,
      limits: [],
      rightsCheck: 'not-checked',
    });
    to(14);
    expect(use(session)).toEqual(KEYS);
    to(28);
    expect(use(session)).toEqual(KEYS); // 14 minutes since the last use: still good
    expect(session.summary()!.expiresAt).toBe(at(43));
    to(43);
    const error = failureOf(() => use(session));
    expect(error).toMatchObject({ code: 'ADMIN_NEEDED', retryable: false });
    expect(error.title).toBe('Admin access was forgotten: this step needs it again');
    expect(error.explanation).toContain('Creating the sending user needs IAM rights.');
    expect(error.explanation).toContain('forgotten after 15 minutes without use');
    expect(session.summary()).toBeNull();
    expect(session.ended()).toEqual({ reason: 'idle', at: at(43) });
    // Still forgotten, and still saying why, for the next step too.
    expect(failureOf(() => use(session)).explanation).toContain('15 minutes without use');
  });

  it('refreshes the idle limit on each use, but never moves the hard limit of 60 minutes', () => {
    const { session, to } = sessionOnClock();
    session.open(KEYS, WHO);
    for (const minute of [10, 20, 30, 40, 50]) {
      to(minute);
      use(session);
      expect(session.summary()).toMatchObject({
        expiresAt: at(Math.min(minute + 15, 60)),
        latestExpiresAt: at(60),
      });
    }
    to(59);
    expect(use(session)).toEqual(KEYS);
    to(60);
    const error = failureOf(() => use(session));
    expect(error.code).toBe('ADMIN_NEEDED');
    expect(error.explanation).toContain('kept for 60 minutes at most');
    expect(session.ended()!.reason).toBe('time-limit');
  });

  it('does not count reading its status as a use', () => {
    const { session, to } = sessionOnClock();
    session.open(KEYS, WHO);
    to(10);
    expect(session.summary()!.expiresAt).toBe(at(15));
    to(15);
    expect(session.summary()).toBeNull();
    expect(session.ended()!.reason).toBe('idle');
  });

  it('ends sooner when the temporary keys it holds expire before the hour is up', () => {
    const { session, to } = sessionOnClock();
    session.open(KEYS, { ...WHO, kind: 'aws-profile' }, { expiresBy: new Date(T0 + 20 * MIN) });
    expect(session.summary()!.latestExpiresAt).toBe(at(20));
    to(10);
    use(session);
    expect(session.summary()!.expiresAt).toBe(at(20));
    to(20);
    expect(failureOf(() => use(session)).code).toBe('ADMIN_NEEDED');
    // Keys valid for longer than the hour change nothing.
    session.open(KEYS, WHO, { expiresBy: new Date(T0 + 600 * MIN) });
    expect(session.summary()!.latestExpiresAt).toBe(at(80));
  });

  it('wipes unused credentials at the deadline by itself, without waiting for the next call', () => {
    const { session, to, live, fire } = sessionOnClock();
    session.open(KEYS, WHO);
    expect(live()).toHaveLength(1);
    expect(live()[0]!.ms).toBe(15 * MIN);
    to(5);
    use(session); // a use moves the deadline: the old timer goes, a new one is set
    expect(live()).toHaveLength(1);
    expect(live()[0]!.ms).toBe(15 * MIN);
    // A timer that fires before the clock says so (or a clock moved back) only waits again.
    fire();
    expect(session.ended()).toBeNull();
    expect(live()).toHaveLength(1);
    to(20);
    fire();
    expect(session.ended()).toEqual({ reason: 'idle', at: at(20) });
    expect(live()).toHaveLength(0);
  });

  it('forgets at once when the platform says so (screen locked, sleep, tray), and the next step says why', () => {
    const { session, live } = sessionOnClock();
    for (const [reason, words] of [
      ['screen-locked', 'when the screen was locked'],
      ['suspended', 'when the computer went to sleep'],
      ['hidden', 'when the window went to the tray'],
    ] as const) {
      session.open(KEYS, WHO);
      session.forget(reason);
      expect(session.summary()).toBeNull();
      expect(live()).toHaveLength(0);
      expect(failureOf(() => use(session)).explanation).toContain(words);
    }
    // The person's own click: the next step simply asks, with no story about expiry.
    session.open(KEYS, WHO);
    session.forget();
    expect(session.ended()).toBeNull();
    const error = failureOf(() => use(session));
    expect(error.title).toBe('This step needs administrator access for a moment');
    session.forget('quit'); // nothing held: harmless
  });

  it('replaces earlier keys when new ones are given, with fresh limits', () => {
    const { session, to } = sessionOnClock();
    session.open(KEYS, WHO);
    to(50);
    const other = { ...KEYS, accessKeyId: 'AKIAI44QH8DHBEXAMPLE' };
    session.open(other, { ...WHO, limits: [{ feature: 'route53', doing: 'x', missing: ['route53:Y'] }] });
    expect(use(session)).toEqual(other);
    expect(session.summary()).toMatchObject({
      since: at(50),
      latestExpiresAt: at(110),
      limits: [{ feature: 'route53' }],
    });
  });
});

describe('the rights the admin check asks about', () => {
  const ADMIN_CODE: Record<string, string> = {
    'electron/features/sending-user/sending-user.ts': 'sending-user',
    'electron/features/rotation/rotation.ts': 'rotation',
    'electron/features/dns/route53.ts': 'route53',
    'electron/features/notifications/notifications.ts': 'notifications',
    'electron/features/ledger/removal.ts': 'removal',
    'electron/features/feedback/setup.ts': 'feedback',
    'electron/features/suppression/suppression-list.ts': 'suppression',
    'electron/features/suppression/alarms.ts': 'suppression',
  };

  it('list every AWS command the admin-using code sends, in the group of that feature', async () => {
    for (const [file, feature] of Object.entries(ADMIN_CODE)) {
      const source = await readFile(file, 'utf8');
      const commands = [...source.matchAll(/new\s+(?:[\w$]+\.)?(\w+)Command\(/g)].map((m) => m[1]!);
      expect(commands.length, file).toBeGreaterThan(0);
      const { actions } = ADMIN_RIGHTS.find((g) => g.feature === feature)!;
      for (const command of new Set(commands))
        expect(
          actions.some((a) => a.endsWith(`:${command}`)),
          `${command} (${file}) in the ${feature} group`,
        ).toBe(true);
    }
    // Removing a Route 53 record from the ledger goes through route53.ts's removeRecord.
    expect(ADMIN_RIGHTS.find((g) => g.feature === 'removal')!.actions).toEqual(
      expect.arrayContaining(['route53:ListResourceRecordSets', 'route53:ChangeResourceRecordSets']),
    );
    // Tags given at creation need their own permission.
    expect(ADMIN_RIGHTS.find((g) => g.feature === 'sending-user')!.actions).toContain('iam:TagUser');
    expect(ADMIN_RIGHTS.find((g) => g.feature === 'notifications')!.actions).toContain('sns:TagResource');
    const all = adminActions();
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((a) => /^(iam|route53|sns|ses|sqs|cloudwatch):[A-Z]\w+$/.test(a))).toBe(true);
  });

  it('groups refused actions by what they are for', () => {
    expect(limitsFrom(new Set(['route53:ChangeResourceRecordSets']))).toEqual([
      {
        feature: 'route53',
        doing: 'write the DNS records into Route 53',
        missing: ['route53:ChangeResourceRecordSets'],
      },
      {
        feature: 'removal',
        doing: 'remove what the assistant created',
        missing: ['route53:ChangeResourceRecordSets'],
      },
    ]);
    expect(limitsFrom(new Set())).toEqual([]);
  });

  it('says the refusal in one sentence with both ways to get an administrator’s keys, the list beside it', () => {
    const error = missingRightsError(limitsFrom(new Set(adminActions())), 'read-only');
    expect(error.code).toBe('ADMIN_MISSING_RIGHTS');
    // One sentence, not the list: the screen folds the list away.
    expect(error.explanation.split('. ')).toHaveLength(1);
    expect(error.explanation).not.toContain('iam:');
    expect(error.missing.find((l) => l.feature === 'sending-user')?.missing.slice(0, 3)).toEqual([
      'iam:GetUser',
      'iam:CreateUser',
      'iam:TagUser',
    ]);
    expect(error.missing.find((l) => l.feature === 'route53')).toEqual({
      feature: 'route53',
      doing: 'write the DNS records into Route 53',
      missing: [
        'route53:ListHostedZonesByName',
        'route53:ListResourceRecordSets',
        'route53:ChangeResourceRecordSets',
      ],
    });
    expect(error.fix).toContain('AdministratorAccess');
    expect(error.fix).toContain('AWS CloudShell');
    expect(error.fix).toContain('IAM Identity Center');
    const simulated = missingRightsError(limitsFrom(new Set(adminActions())), 'simulated');
    expect(simulated.explanation).toBe(
      `AWS says these keys may not do what the assistant needs admin access for: ${adminActions().length} permissions are missing.`,
    );
  });

  it('simulates a user as itself and an assumed role as its role', () => {
    expect(policySourceArn('arn:aws:iam::123456789012:user/ops/admin')).toBe(
      'arn:aws:iam::123456789012:user/ops/admin',
    );
    expect(policySourceArn('arn:aws:sts::123456789012:assumed-role/Admin/jo')).toBe(
      'arn:aws:iam::123456789012:role/Admin',
    );
    expect(
      policySourceArn(
        'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_1/jo',
        'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1',
      ),
    ).toBe('arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1');
    expect(policySourceArn('arn:aws-cn:sts::123456789012:assumed-role/Admin/jo')).toBe(
      'arn:aws-cn:iam::123456789012:role/Admin',
    );
    expect(policySourceArn('arn:aws:sts::123456789012:federated-user/jo')).toBeNull();
  });
});

describe('background timers never use admin access', () => {
  /** A rotation the person chose to run with admin access, at the hand-over, and admin keys held. */
  async function adminRotation(handedOverHoursAgo: number) {
    const now = new Date('2026-05-10T12:00:00Z');
    // Port 9 (discard): any AWS call would fail at once, and the test would see it.
    const app = await buildTestApp({ endpoint: 'http://127.0.0.1:9', clock: () => now });
    const handedOverAt = new Date(now.getTime() - handedOverHoursAgo * 3_600_000).toISOString();
    await app.settings.update((s) => ({
      ...s,
      profiles: [
        {
          id: 'p1',
          label: 'sender',
          credentialKind: 'long-term',
          accountId: '123456789012',
          arn: 'arn:aws:iam::123456789012:user/sender',
          region: 'us-east-1',
          connectedAt: '2026-01-10T09:00:00Z',
        },
      ],
      activeProfileId: 'p1',
      keyCreatedAt: { p1: '2026-05-07T12:00:00Z' },
      rotation: rotationState.parse({
        profileId: 'p1',
        phase: 'handover',
        userName: 'sender',
        region: 'us-east-1',
        oldKeyId: 'AKIAOLDOLDOLDOLDOLD1',
        newKeyId: 'AKIANEWNEWNEWNEWNEW1',
        startedAt: handedOverAt,
        handedOverAt,
        useAdmin: true,
      }),
    }));
    const ctx = app.assistant.context;
    ctx.admin.open(KEYS, WHO);
    const credentials = vi.spyOn(ctx.admin, 'credentials');
    return { app, ctx, credentials };
  }

  it('the reminder timer’s tick (rotation.status) waits through the hand-over without touching admin access', async () => {
    const { app, ctx, credentials } = await adminRotation(24);
    const timer = startReminderTimer(ctx, {
      setTimer: () => 0,
      clearTimer: () => undefined,
      onTick: async () => void (await app.router.invoke('rotation.status', {})),
    });
    await timer.check();
    timer.stop();
    expect(credentials).not.toHaveBeenCalled();
    expect(app.settings.get().rotation).toMatchObject({ phase: 'handover', lastError: null });
  });

  it('once the old key may be retired, the tick asks for the person instead of using admin access', async () => {
    const { app, ctx, credentials } = await adminRotation(73);
    const timer = startReminderTimer(ctx, {
      setTimer: () => 0,
      clearTimer: () => undefined,
      onTick: async () => void (await app.router.invoke('rotation.status', {})),
    });
    await timer.check();
    timer.stop();
    expect(credentials).not.toHaveBeenCalled();
    const rotation = app.settings.get().rotation!;
    expect(rotation.phase).toBe('handover');
    expect(rotation.lastError).toMatchObject({ code: 'ADMIN_NEEDED' });
    expect(rotation.lastError!.explanation).toContain('never on its own in the background');
    // The screen's status read (same channel as the tick) does not use it either.
    expect(await app.router.invoke('rotation.status', {})).toMatchObject({ ok: true });
    expect(credentials).not.toHaveBeenCalled();
  });

  it('the person’s click (rotation.resume) is what takes the admin credentials', async () => {
    const { app, credentials } = await adminRotation(73);
    const result = await app.router.invoke('rotation.resume', {});
    expect(credentials).toHaveBeenCalledTimes(1);
    // Port 9 refuses the call; what matters is who asked for the keys.
    expect(result.ok).toBe(false);
  });
});
