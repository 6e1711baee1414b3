/**
 * The admin session: credentials with more rights than the sending user (to create that user, write
 * DNS records in Route 53, create bounce topics, help a rotation). Held in this process's memory only,
 * never written anywhere and never sent to the renderer, and never for long:
 * - forgotten after {@link ADMIN_IDLE_MS} (15 minutes) without use. A use is a step the person asked
 *   for taking the credentials; a read a screen makes by itself may take them too, inside
 *   `reading(…)`, and is not a use (which channels are uses: admin-uses.ts);
 * - forgotten {@link ADMIN_MAX_MS} (60 minutes) after they were given, however often they are used,
 *   or sooner when temporary keys expire before that;
 * - forgotten at once when the person clicks "Forget admin access", when the screen locks, the
 *   computer sleeps or the window goes to the tray (the platform calls `forget(reason)`), and at quit.
 * Forgotten means unusable at once, also by a step already running: the credentials it was given
 * carry a check that every AWS client made from them runs before each call (aws-clients.ts), so a
 * long step stops at its next call, with ADMIN_NEEDED, instead of going on with keys the person took back.
 * Time comes from an injected clock, so tests move it instead of sleeping. A timer also wipes the
 * credentials at the deadline, so an unused session does not linger in memory until the next call.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { checkedBeforeEachCall, type CredentialSource } from './aws-clients';
import { fail } from './errors';
import type { CredentialKind } from './credential-kind';
import { maskKeyId } from './vault';

export const ADMIN_IDLE_MS = 15 * 60_000;
export const ADMIN_MAX_MS = 60 * 60_000;

/** Something the admin keys may not do, found when they were given: the steps that will not work. */
export interface AdminLimit {
  /** Which part of the assistant: 'sending-user', 'rotation', 'route53', 'notifications', 'removal'. */
  feature: string;
  /** What it is for, in words: "write the DNS records into Route 53". */
  doing: string;
  /** The IAM actions AWS would refuse, e.g. "route53:ChangeResourceRecordSets". */
  missing: string[];
}

/**
 * How the keys' rights were checked when they were given: every action the assistant needs, asked
 * of IAM's policy simulator ('simulated'); only a harmless IAM read, because the keys may not run the
 * simulator ('read-only'); or not at all (opened directly by code, not through `admin.open`).
 */
export type AdminRightsCheck = 'simulated' | 'read-only' | 'not-checked';

/** Who the admin session belongs to, and until when: the credentials themselves never leave the main process. */
export interface AdminSummary {
  arn: string;
  accountId: string;
  kind: CredentialKind;
  /** The access key's ID, masked ("AKIA…WXYZ"), to recognise it by; null when not known. */
  keyIdMasked: string | null;
  /** When the keys were given. */
  since: string;
  /** When the session is forgotten unless it is used before then (the sooner of the two limits). */
  expiresAt: string;
  /** The hard limit: forgotten then even if used all the time. */
  latestExpiresAt: string;
  /** Minutes without use after which it is forgotten. */
  idleMinutes: number;
  /** Steps these keys may not do; empty when they may do everything the assistant asks admin access for. */
  limits: AdminLimit[];
  rightsCheck: AdminRightsCheck;
}

/**
 * Why a session ended. The platform passes the screen, sleep, tray and 'away' (Linux: nobody has used
 * the computer for a while, where a lock may go unseen); the session decides 'idle' and 'time-limit'.
 */
export type AdminForgetReason =
  | 'person'
  | 'idle'
  | 'time-limit'
  | 'replaced'
  | 'quit'
  | 'screen-locked'
  | 'suspended'
  | 'hidden'
  | 'away'
  | 'key-deleted';

/** What opening needs to know about the keys; the times are the session's own. */
export type AdminOpening = Pick<AdminSummary, 'arn' | 'accountId' | 'kind'> &
  Partial<Pick<AdminSummary, 'since' | 'limits' | 'rightsCheck'>>;

export interface AdminSession {
  /** The open session, or null; an expired one is forgotten here. Reading it is not a use. */
  summary(): AdminSummary | null;
  /**
   * The credentials, for the one step that needs them, and a use that restarts the idle limit
   * (except inside `reading`). Fails with ADMIN_NEEDED in plain words when there are none, or when
   * they have just expired. The credentials returned stop working when the session ends: each AWS
   * call made with them fails with ADMIN_NEEDED from then on. Never called from a background timer.
   */
  credentials(why: string): CredentialSource;
  /**
   * Runs `work` as a read (a screen showing what is there): credentials it takes are not a use, so
   * reads, however often, never keep admin access open. The decision holds through `work`'s awaits.
   */
  reading<T>(work: () => Promise<T>): Promise<T>;
  /** Tells `listener` when a session opens (true) and when it ends (false); returns the way to stop. */
  onChange(listener: (open: boolean) => void): () => void;
  /**
   * Holds new admin credentials, replacing any others. `expiresBy`: when temporary credentials stop
   * working on their own, if known (the hard limit is then that, when sooner than 60 minutes).
   */
  open(credentials: CredentialSource, summary: AdminOpening, options?: { expiresBy?: Date | null }): void;
  /** Drops the credentials now. Safe to call at any time, with or without a session. */
  forget(reason?: AdminForgetReason): void;
  /** How the last session ended, while none is open (null after the person's own "forget"). */
  ended(): { reason: AdminForgetReason; at: string } | null;
}

export interface AdminSessionOptions {
  clock?: () => Date;
  idleMs?: number;
  maxMs?: number;
  /** The deadline timer; tests pass their own. Defaults to an unref'd setTimeout. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const ENDED_BECAUSE: Record<Exclude<AdminForgetReason, 'idle' | 'time-limit'>, string> = {
  person: 'Admin access was forgotten when you asked.',
  replaced: 'Admin access was replaced by other keys.',
  quit: 'Admin access was forgotten when the app quit.',
  'screen-locked': 'Admin access was forgotten when the screen was locked.',
  suspended: 'Admin access was forgotten when the computer went to sleep.',
  hidden: 'Admin access was forgotten when the window went to the tray.',
  away: 'Admin access was forgotten when the computer had not been used for a few minutes.',
  'key-deleted': 'Admin access was forgotten when its key was deleted.',
};

function endedBecause(reason: AdminForgetReason, idleMs: number, maxMs: number): string {
  const minutes = (ms: number) => `${Math.round(ms / 60_000)} minutes`;
  if (reason === 'idle') return `Admin access was forgotten after ${minutes(idleMs)} without use.`;
  if (reason === 'time-limit')
    return `Admin access is kept for ${minutes(maxMs)} at most (less when temporary keys expire sooner), and that time is up.`;
  return ENDED_BECAUSE[reason];
}

export function createAdminSession(options: AdminSessionOptions = {}): AdminSession {
  const clock = options.clock ?? (() => new Date());
  const idleMs = options.idleMs ?? ADMIN_IDLE_MS;
  const maxMs = options.maxMs ?? ADMIN_MAX_MS;
  const setTimer =
    options.setTimer ??
    ((fn: () => void, ms: number) => {
      const handle = setTimeout(fn, ms);
      handle.unref?.();
      return handle;
    });
  const clearTimer = options.clearTimer ?? ((h: unknown) => clearTimeout(h as NodeJS.Timeout));

  interface Held {
    credentials: CredentialSource;
    opening: AdminOpening;
    openedAt: number;
    lastUsedAt: number;
    hardLimitAt: number;
    /** Set when this session ends: credentials handed out from it refuse every call from then on. */
    endedBy?: AdminForgetReason;
  }
  let held: Held | null = null;
  let endedHow: { reason: AdminForgetReason; at: string } | null = null;
  let timer: unknown = null;
  /** Set while a read runs (see `reading`): taking the credentials then is not a use. */
  const read = new AsyncLocalStorage<true>();
  const listeners = new Set<(open: boolean) => void>();

  const deadline = (h: NonNullable<typeof held>) => Math.min(h.lastUsedAt + idleMs, h.hardLimitAt);

  function stopTimer() {
    if (timer !== null) clearTimer(timer);
    timer = null;
  }

  /** Ends the session. `announce: false` when new keys replace it at once (it is still open then). */
  function drop(reason: AdminForgetReason, announce = true) {
    stopTimer();
    const ending = held;
    if (!ending) return;
    ending.endedBy = reason;
    endedHow = reason === 'person' ? null : { reason, at: clock().toISOString() };
    held = null;
    if (announce) for (const listener of listeners) listener(false);
  }

  /** Before each AWS call made with credentials handed out from `from`: refuses once it has ended. */
  function stillOpen(from: Held, why: string) {
    expireIfDue();
    if (!from.endedBy) return;
    fail({
      code: 'ADMIN_NEEDED',
      title: 'Admin access was forgotten while this step was running',
      explanation: `${why} ${endedBecause(from.endedBy, idleMs, maxMs)} The step stopped before its next call to AWS; what it had done until then stays done.`,
      fix: 'Give the assistant admin credentials again, then run this step again.',
      retryable: false,
    });
  }

  /** Forgets an expired session; returns the reason it expired, or null while it is still good. */
  function expireIfDue(): AdminForgetReason | null {
    if (!held) return null;
    const now = clock().getTime();
    if (now >= held.hardLimitAt) {
      drop('time-limit');
      return 'time-limit';
    }
    if (now >= held.lastUsedAt + idleMs) {
      drop('idle');
      return 'idle';
    }
    return null;
  }

  function schedule() {
    stopTimer();
    if (!held) return;
    const ms = Math.max(1_000, deadline(held) - clock().getTime());
    timer = setTimer(() => {
      timer = null;
      // The clock decides: a timer that fires early (or a clock moved by a test) just waits again.
      if (!expireIfDue()) schedule();
    }, ms);
  }

  return {
    summary() {
      expireIfDue();
      if (!held) return null;
      return {
        arn: held.opening.arn,
        accountId: held.opening.accountId,
        kind: held.opening.kind,
        keyIdMasked: held.credentials.kind === 'keys' ? maskKeyId(held.credentials.accessKeyId) : null,
        since: new Date(held.openedAt).toISOString(),
        expiresAt: new Date(deadline(held)).toISOString(),
        latestExpiresAt: new Date(held.hardLimitAt).toISOString(),
        idleMinutes: Math.round(idleMs / 60_000),
        limits: (held.opening.limits ?? []).map((l) => ({ ...l, missing: [...l.missing] })),
        rightsCheck: held.opening.rightsCheck ?? 'not-checked',
      };
    },

    credentials(why) {
      const expired = expireIfDue();
      if (!held) {
        const ended = expired ?? endedHow?.reason ?? null;
        fail({
          code: 'ADMIN_NEEDED',
          title: ended
            ? 'Admin access was forgotten: this step needs it again'
            : 'This step needs administrator access for a moment',
          explanation: `${why} ${ended ? `${endedBecause(ended, idleMs, maxMs)} ` : ''}The sending user is deliberately not allowed to do this.`,
          fix: `Give the assistant admin credentials${ended ? ' again' : ''} (temporary ones from AWS CloudShell are best). They stay in memory only, and are forgotten after ${Math.round(idleMs / 60_000)} minutes without use, after ${Math.round(maxMs / 60_000)} minutes at most, when the screen locks, when you click “Forget admin access” or when you quit.`,
          retryable: false,
        });
      }
      if (!read.getStore()) {
        held.lastUsedAt = Math.max(held.lastUsedAt, clock().getTime());
        schedule();
      }
      const from = held;
      return checkedBeforeEachCall(held.credentials, () => stillOpen(from, why));
    },

    reading: (work) => read.run(true, work),

    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    open(credentials, opening, openOptions = {}) {
      const wasOpen = held !== null;
      if (held) drop('replaced', false);
      const now = clock().getTime();
      const expiresBy = openOptions.expiresBy?.getTime();
      held = {
        credentials,
        opening: { ...opening, limits: opening.limits ?? [] },
        openedAt: now,
        lastUsedAt: now,
        hardLimitAt: expiresBy !== undefined && expiresBy < now + maxMs ? expiresBy : now + maxMs,
      };
      endedHow = null;
      schedule();
      if (!wasOpen) for (const listener of listeners) listener(true);
    },

    forget(reason = 'person') {
      if (!held && reason === 'person') endedHow = null;
      drop(reason);
    },

    ended: () => (held ? null : endedHow),
  };
}
