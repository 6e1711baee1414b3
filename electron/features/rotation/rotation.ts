/**
 * Rotates the sending user's access key as a hand-over, never a swap: the key also serves the
 * person's own apps (SMTP in a web shop, keys on a server), so the old key is retired only once AWS
 * shows nothing used it for a while after the hand-over, or the person confirms.
 *
 * Invariants, at every instant, whatever fails or however the app is killed:
 * - the keychain holds a key that works (the connection's own entry is only ever replaced by a key
 *   that was proven to work, and the old key is deactivated only after that);
 * - the IAM user never has more than two keys (a second key is resolved before a new one is made);
 * - a key in use is never deleted before its successor is stored and verified.
 * The state lives in settings and each step is safe to run again, so a rotation resumes at the
 * step where it stopped; until the old key is deleted it can also be rolled back.
 *
 * Screen: Changing your access key (renderer/features/rotation/RotationStep.tsx).
 */
import type { AccessKeyMetadata, IAMClient } from '@aws-sdk/client-iam';
import type { AssistantError } from '../../core/errors';
import type { CredentialSource } from '../../core/aws-clients';
import type { ServiceContext } from '../../core/context';
import { AssistantFailure, fail, toAssistantError } from '../../core/errors';
import { assertSameAccount, forgetEntry, recordCreated } from '../../core/ledger';
import { clearSlot, loadSlot, saveSlot } from './key-slots';
import type { RotationPhase, RotationState } from '../../core/rotation-state';
import type { ProfileRecord } from '../../core/settings';
import { maskKeyId, type AwsKeys } from '../../core/vault';
import { waitUntilKeyWorks, type WaitOptions } from '../../core/wait-for-key';
import { selfRotationOf } from '../sending-user';

/** Named places where tests make a rotation fail, to prove it recovers from each. */
export const FAULT_POINTS = [
  'checking:listed',
  'creating:before-create',
  'creating:created', // AWS made the key, its secret is not stored yet
  'creating:stored', // the secret is in the keychain as "pending", settings not yet updated
  'waiting:before',
  'switching:previous-saved',
  'switching:keychain-switched', // the keychain holds the new key, settings still say "switching"
  'handover:checked',
  'deactivating:before',
  'deactivating:done',
  'verifying:done',
  'deleting:done',
  'rollback:reactivated',
  'rollback:restored',
] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export interface RotationOptions {
  /** Called at each fault point; throwing there simulates a crash or a network fault. */
  faults?: (point: FaultPoint) => void | Promise<void>;
  /** Options for the shared new-key waiter (tests shorten it). */
  wait?: WaitOptions;
}

export interface StartInput {
  profileId: string;
  retireAfterHours?: number;
  useAdmin?: boolean;
  /** The person confirmed that a second, active key is not used by anything and may be removed. */
  removeActiveExtraKey?: boolean;
}

type StepOptions = Pick<StartInput, 'removeActiveExtraKey'>;

const RIGHTS_DOING = 'managing its own access keys';

export function userNameOf(arn: string): string {
  // arn:aws:iam::123456789012:user/path/name → name
  return arn.split(':').pop()!.split('/').pop()!;
}

export interface RotationEngine {
  current(): RotationState | null;
  start(input: StartInput): Promise<RotationState>;
  /**
   * Continues from the step where the rotation stopped. `interactive`: the person asked for it (a
   * click, through the IPC handler). Without it — the reminder timer, a status read — a rotation the
   * person chose to run with admin access stops where admin credentials would be needed and asks
   * for the person instead: admin credentials are never used from the background.
   */
  resume(options?: {
    useAdmin?: boolean;
    removeActiveExtraKey?: boolean;
    interactive?: boolean;
  }): Promise<RotationState>;
  confirmOldKeyUnused(): Promise<RotationState>;
  rollback(): Promise<RotationState | null>;
}

export function createRotationEngine(ctx: ServiceContext, options: RotationOptions = {}): RotationEngine {
  const fault = async (point: FaultPoint) => options.faults?.(point);
  // One step at a time: a second click while a step runs waits for it instead of racing it.
  let running: Promise<unknown> = Promise.resolve();
  // Whether the step running now was asked for by the person; set per serialised job (one at a time).
  let personAsked = false;
  const serial = <T>(work: () => Promise<T>, interactive = true): Promise<T> => {
    const job = () => {
      personAsked = interactive;
      return work();
    };
    const run = running.then(job, job);
    running = run.catch(() => undefined);
    return run;
  };

  const state = () => ctx.settings.get().rotation;
  const required = (): RotationState => {
    const s = state();
    if (!s) {
      fail({
        code: 'ROTATION_NONE',
        title: 'No key rotation is in progress',
        explanation: 'There is nothing to continue.',
        fix: 'Start a rotation from the key screen.',
        retryable: false,
      });
    }
    return s;
  };
  const save = async (change: Partial<RotationState>): Promise<RotationState> => {
    const next = await ctx.settings.update((s) => ({
      ...s,
      rotation: s.rotation ? { ...s.rotation, ...change } : s.rotation,
    }));
    return next.rotation!;
  };

  /**
   * The credentials for IAM calls: the app's own key now, or the admin session when chosen — and
   * then only for a step the person asked for, never from the background.
   */
  async function iamFor(
    s: RotationState,
  ): Promise<{ iam: IAMClient; sdk: typeof import('@aws-sdk/client-iam') }> {
    if (s.useAdmin && !personAsked) throw new WaitingForPerson();
    const credentials: CredentialSource = s.useAdmin
      ? ctx.admin.credentials(
          'Your sending user is not allowed to manage its own keys, so this rotation uses admin access.',
        )
      : await ctx.credentialsOf(ctx.profile(s.profileId));
    // Checked once the admin session is known to be open (else ADMIN_NEEDED comes first).
    if (s.useAdmin) {
      // Older rotations carry no account: the connection's account, recorded at connect time, stands in.
      const expected =
        s.accountId ?? ctx.settings.get().profiles.find((p) => p.id === s.profileId)?.accountId;
      assertSameAccount('The sending user and its keys', expected, ctx.admin.summary()?.accountId);
    }
    const sdk = await import('@aws-sdk/client-iam');
    return { iam: await ctx.awsClients(s.region, credentials).iam(), sdk };
  }

  async function listKeys(s: RotationState): Promise<AccessKeyMetadata[]> {
    const { iam, sdk } = await iamFor(s);
    const out = await iam.send(new sdk.ListAccessKeysCommand({ UserName: s.userName }));
    return out.AccessKeyMetadata ?? [];
  }

  async function deleteKey(s: RotationState, accessKeyId: string): Promise<void> {
    const { iam, sdk } = await iamFor(s);
    try {
      await iam.send(new sdk.DeleteAccessKeyCommand({ UserName: s.userName, AccessKeyId: accessKeyId }));
    } catch (err) {
      // Already gone (a step repeated after a crash): that is the outcome wanted.
      if (
        (err as { name?: string }).name !== 'NoSuchEntity' &&
        (err as { name?: string }).name !== 'NoSuchEntityException'
      )
        throw err;
    }
  }

  async function setStatus(
    s: RotationState,
    accessKeyId: string,
    status: 'Active' | 'Inactive',
  ): Promise<void> {
    const { iam, sdk } = await iamFor(s);
    await iam.send(
      new sdk.UpdateAccessKeyCommand({ UserName: s.userName, AccessKeyId: accessKeyId, Status: status }),
    );
  }

  async function lastUsed(s: RotationState, accessKeyId: string): Promise<string | null> {
    const { iam, sdk } = await iamFor(s);
    const out = await iam.send(new sdk.GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId }));
    return out.AccessKeyLastUsed?.LastUsedDate?.toISOString() ?? null;
  }

  async function currentKeys(profileId: string): Promise<AwsKeys> {
    const keys = await ctx.vault.loadKeys(profileId);
    if (!keys) {
      fail({
        code: 'KEYS_MISSING',
        title: 'The key of this connection is gone from the keychain',
        explanation: 'The assistant cannot rotate a key it does not hold.',
        fix: 'Connect again with the current key, then rotate.',
        retryable: false,
      });
    }
    return keys;
  }

  const secondKeyError = (key: AccessKeyMetadata, used: string | null): never =>
    fail({
      code: 'ROTATION_SECOND_KEY',
      title: 'Your sending user already has a second key that is switched on',
      explanation: `AWS allows two keys per user, and the other one (${maskKeyId(key.AccessKeyId ?? '')}) is active${
        used ? `; it was last used on ${used.slice(0, 10)}` : ' but AWS has no record of it being used'
      }. Something may still depend on it, so the assistant will not remove it on its own.`,
      fix: 'If nothing uses that key, choose “Remove the other key and rotate”. Otherwise, switch your apps to the current key first.',
      retryable: false,
    });

  /** One step of the rotation; returns false when it has to wait (for the person or for time). */
  const steps: Record<
    Exclude<RotationPhase, 'done'>,
    (s: RotationState, opts: StepOptions | null) => Promise<boolean>
  > = {
    async checking(s, opts) {
      const keys = await listKeys(s);
      await fault('checking:listed');
      const old = keys.find((k) => k.AccessKeyId === s.oldKeyId);
      if (!old) {
        fail({
          code: 'ROTATION_KEY_NOT_FOUND',
          title: 'AWS does not list the key this app uses',
          explanation: 'The key in your keychain does not belong to this IAM user any more.',
          fix: 'Connect again with a current key of the sending user.',
          retryable: false,
        });
      }
      for (const extra of keys.filter((k) => k.AccessKeyId !== s.oldKeyId)) {
        if (extra.Status === 'Active') {
          if (!opts?.removeActiveExtraKey) secondKeyError(extra, await lastUsed(s, extra.AccessKeyId!));
          await setStatus(s, extra.AccessKeyId!, 'Inactive');
        }
        // Inactive keys authenticate nothing, so removing one breaks nothing.
        await deleteKey(s, extra.AccessKeyId!);
        await forgetEntry(ctx, 'iam-access-key', extra.AccessKeyId!);
        await save({ removedExtraKeyId: extra.AccessKeyId! });
      }
      await save({ phase: 'creating' });
      return true;
    },

    async creating(s) {
      // A crash may have come after AWS made the key: adopt it if its secret reached the keychain,
      // delete it if not (nobody ever saw that secret, so nothing can use the key).
      const pending = await loadSlot(ctx, s.profileId, 'pending');
      const keys = await listKeys(s);
      for (const other of keys.filter((k) => k.AccessKeyId !== s.oldKeyId)) {
        if (pending && other.AccessKeyId === pending.accessKeyId) {
          await recordCreated(ctx, {
            kind: 'iam-access-key',
            accountId: s.accountId,
            id: other.AccessKeyId,
            label: `Access key ${maskKeyId(other.AccessKeyId)} of ${s.userName}`,
            meta: { userName: s.userName },
          });
          await save({
            phase: 'waiting',
            newKeyId: other.AccessKeyId!,
            newKeyCreatedAt: other.CreateDate?.toISOString() ?? ctx.clock().toISOString(),
          });
          return true;
        }
        await deleteKey(s, other.AccessKeyId!);
      }
      await fault('creating:before-create');
      const { iam, sdk } = await iamFor(s);
      const out = await iam.send(new sdk.CreateAccessKeyCommand({ UserName: s.userName }));
      const created = {
        accessKeyId: out.AccessKey!.AccessKeyId!,
        secretAccessKey: out.AccessKey!.SecretAccessKey!,
      };
      await fault('creating:created');
      // The secret is shown once: it goes to the keychain before anything else happens.
      await saveSlot(ctx, s.profileId, 'pending', created);
      await fault('creating:stored');
      const createdAt = out.AccessKey!.CreateDate?.toISOString() ?? ctx.clock().toISOString();
      await recordCreated(ctx, {
        kind: 'iam-access-key',
        accountId: s.accountId,
        id: created.accessKeyId,
        label: `Access key ${maskKeyId(created.accessKeyId)} of ${s.userName}`,
        meta: { userName: s.userName },
      });
      await save({ phase: 'waiting', newKeyId: created.accessKeyId, newKeyCreatedAt: createdAt });
      ctx.log.info('rotation: new key created', {
        profile: s.profileId,
        key: maskKeyId(created.accessKeyId),
      });
      return true;
    },

    async waiting(s) {
      await fault('waiting:before');
      const pending = await loadSlot(ctx, s.profileId, 'pending');
      const current = await currentKeys(s.profileId);
      if (!pending && current.accessKeyId !== s.newKeyId) {
        // The pending entry vanished (removed by hand from the keychain): start the new key over.
        await save({ phase: 'creating', newKeyId: null });
        return true;
      }
      await waitUntilKeyWorks(ctx, s.region, pending ?? current, {
        ...options.wait,
        expectArn: ctx.profile(s.profileId).arn,
        task: 'rotation',
      });
      await save({ phase: 'switching' });
      return true;
    },

    async switching(s) {
      const current = await currentKeys(s.profileId);
      if (current.accessKeyId !== s.newKeyId) {
        const pending = await loadSlot(ctx, s.profileId, 'pending');
        if (!pending) {
          await save({ phase: 'creating', newKeyId: null });
          return true;
        }
        // Keep the old key until it is deleted, so the rotation can still be undone.
        await saveSlot(ctx, s.profileId, 'previous', current);
        await fault('switching:previous-saved');
        await ctx.vault.saveKeys(s.profileId, pending);
        await fault('switching:keychain-switched');
      }
      const now = ctx.clock().toISOString();
      await ctx.settings.update((all) => ({
        ...all,
        profiles: all.profiles.map((p) =>
          p.id === s.profileId ? { ...p, accessKeyIdMasked: maskKeyId(s.newKeyId!) } : p,
        ),
        keyCreatedAt: { ...all.keyCreatedAt, [s.profileId]: s.newKeyCreatedAt ?? now },
        rotation: all.rotation && { ...all.rotation, phase: 'handover', handedOverAt: now },
      }));
      await clearSlot(ctx, s.profileId, 'pending');
      ctx.log.info('rotation: the app now uses the new key', { profile: s.profileId });
      return true;
    },

    async handover(s) {
      const used = await lastUsed(s, s.oldKeyId);
      const checkedAt = ctx.clock().toISOString();
      const next = await save({ oldKeyLastUsedAt: used, oldKeyCheckedAt: checkedAt });
      await fault('handover:checked');
      if (!readyToRetire(next, ctx.clock())) return false;
      await save({ phase: 'deactivating' });
      return true;
    },

    async deactivating(s) {
      await fault('deactivating:before');
      await setStatus(s, s.oldKeyId, 'Inactive');
      await fault('deactivating:done');
      await save({ phase: 'verifying', deactivatedAt: ctx.clock().toISOString() });
      return true;
    },

    async verifying(s) {
      // Check again: the app's own key still works and the old key is really switched off.
      const current = await currentKeys(s.profileId);
      await waitUntilKeyWorks(ctx, s.region, current, {
        ...options.wait,
        expectArn: ctx.profile(s.profileId).arn,
        task: 'rotation',
      });
      const old = (await listKeys(s)).find((k) => k.AccessKeyId === s.oldKeyId);
      if (old && old.Status !== 'Inactive') {
        await save({ phase: 'deactivating' });
        return true;
      }
      await fault('verifying:done');
      await save({ phase: 'deleting' });
      return true;
    },

    async deleting(s) {
      await deleteKey(s, s.oldKeyId);
      await fault('deleting:done');
      const now = ctx.clock().toISOString();
      await forgetEntry(ctx, 'iam-access-key', s.oldKeyId);
      await ctx.settings.update((all) => ({
        ...all,
        lastRotatedAt: { ...all.lastRotatedAt, [s.profileId]: now },
        reminders: { ...all.reminders, snoozeUntil: null, lastRemindedAt: null },
        rotation: all.rotation && { ...all.rotation, phase: 'done', finishedAt: now },
      }));
      await clearSlot(ctx, s.profileId, 'previous');
      ctx.log.info('rotation: finished', { profile: s.profileId });
      return false;
    },
  };

  async function advance(opts: StepOptions | null): Promise<RotationState> {
    for (;;) {
      const s = required();
      if (s.phase === 'done') return s;
      // From the background, a rotation with admin access waits quietly through its hand-over:
      // there is nothing to do before the old key may be retired.
      if (!personAsked && s.useAdmin && s.phase === 'handover' && !readyToRetire(s, ctx.clock())) return s;
      let more: boolean;
      try {
        more = await steps[s.phase](s, opts);
      } catch (err) {
        if (err instanceof WaitingForPerson) {
          // The next step needs admin access: say so on the key screen, and wait for the person.
          await save({ lastError: ADMIN_ONLY_WITH_PERSON });
          ctx.log.info('rotation: waiting for the person (admin access is not used in the background)', {
            phase: s.phase,
          });
          return required();
        }
        const error = explain(err, s);
        await save({ lastError: error });
        ctx.log.error('rotation stopped', { phase: s.phase, code: error.code });
        throw new AssistantFailure(error);
      }
      await save({ lastError: null });
      if (!more) return required();
    }
  }

  return {
    current: state,

    start: (input) =>
      serial(async () => {
        const existing = state();
        if (existing && existing.phase !== 'done') {
          fail({
            code: 'ROTATION_IN_PROGRESS',
            title: 'A key rotation is already in progress',
            explanation: `It stopped at the step “${existing.phase}”.`,
            fix: 'Continue it or undo it from the key screen.',
            retryable: false,
          });
        }
        const profile = ctx.profile(input.profileId);
        assertRotatable(profile);
        const keys = await currentKeys(profile.id);
        const now = ctx.clock().toISOString();
        await ctx.settings.update((all) => ({
          ...all,
          rotation: {
            profileId: profile.id,
            phase: 'checking',
            userName: userNameOf(profile.arn),
            region: profile.region,
            oldKeyId: keys.accessKeyId,
            accountId: profile.accountId,
            newKeyId: null,
            newKeyCreatedAt: null,
            startedAt: now,
            handedOverAt: null,
            retireAfterHours: input.retireAfterHours ?? 72,
            confirmedUnused: false,
            oldKeyLastUsedAt: null,
            oldKeyCheckedAt: null,
            deactivatedAt: null,
            finishedAt: null,
            // A key the assistant made without the right to replace itself is changed with admin
            // access; a key it knows nothing of is first tried on its own (ROTATION_NEEDS_ADMIN if not).
            useAdmin: input.useAdmin ?? selfRotationOf(ctx, profile.id) === false,
            lastError: null,
            removedExtraKeyId: null,
          },
        }));
        ctx.log.info('rotation: started', { profile: profile.id });
        return advance(input);
      }),

    resume: (opts = {}) =>
      serial(async () => {
        const s = required();
        if (opts.useAdmin !== undefined && opts.useAdmin !== s.useAdmin)
          await save({ useAdmin: opts.useAdmin });
        return advance(opts);
      }, opts.interactive ?? false),

    confirmOldKeyUnused: () =>
      serial(async () => {
        const s = required();
        if (s.phase !== 'handover') {
          fail({
            code: 'ROTATION_NOT_HANDED_OVER',
            title: 'The new key is not handed over yet',
            explanation: 'The old key can only be retired once the new one works and you have it.',
            fix: 'Continue the rotation first.',
            retryable: false,
          });
        }
        await save({ confirmedUnused: true });
        return advance(null);
      }),

    rollback: () =>
      serial(async () => {
        // Undoing twice (a click repeated after a crash) is not an error: there is simply nothing left.
        const s = state();
        if (!s) return null;
        if (s.phase === 'deleting' || s.phase === 'done') {
          fail({
            code: 'ROTATION_TOO_LATE',
            title: 'This rotation can no longer be undone',
            explanation:
              'The old key has been deleted (or is being deleted). AWS cannot bring a deleted key back.',
            fix: 'Continue the rotation: the new key is already the one the app uses.',
            retryable: false,
          });
        }
        try {
          await undo(s);
        } catch (err) {
          const error = explain(err, s);
          await save({ lastError: error });
          throw new AssistantFailure(error);
        }
        return state();
      }),
  };

  /** Puts everything back as it was before the rotation, in an order that keeps a working key stored. */
  async function undo(s: RotationState): Promise<void> {
    const current = await currentKeys(s.profileId);
    const previous = await loadSlot(ctx, s.profileId, 'previous');
    const oldKeys = current.accessKeyId === s.oldKeyId ? current : previous;
    if (s.deactivatedAt || s.phase === 'deactivating' || s.phase === 'verifying') {
      await setStatus(s, s.oldKeyId, 'Active');
      await fault('rollback:reactivated');
    }
    if (current.accessKeyId !== s.oldKeyId) {
      if (!oldKeys) {
        fail({
          code: 'ROTATION_OLD_KEY_LOST',
          title: 'The old key is no longer in the keychain',
          explanation: 'Without it the assistant cannot switch back. The new key works and stays in use.',
          fix: 'Continue the rotation instead.',
          retryable: false,
        });
      }
      // The old key must work again (it may just have been reactivated) before it is the app's key.
      await waitUntilKeyWorks(ctx, s.region, oldKeys, {
        ...options.wait,
        expectArn: ctx.profile(s.profileId).arn,
        task: 'rotation',
      });
      await ctx.vault.saveKeys(s.profileId, oldKeys);
      await fault('rollback:restored');
    }
    // Now the keychain holds the old key again: the new one (or an orphan of a crash) can go.
    const back = { ...s, phase: 'checking' as const };
    for (const key of await listKeys(back)) {
      if (key.AccessKeyId !== s.oldKeyId) {
        await deleteKey(back, key.AccessKeyId!);
        await forgetEntry(ctx, 'iam-access-key', key.AccessKeyId!);
      }
    }
    const created = (await listKeys(back)).find((k) => k.AccessKeyId === s.oldKeyId)?.CreateDate;
    await ctx.settings.update((all) => ({
      ...all,
      profiles: all.profiles.map((p) =>
        p.id === s.profileId ? { ...p, accessKeyIdMasked: maskKeyId(s.oldKeyId) } : p,
      ),
      // The switch recorded the new key's date: put back the old key's own, or forget it (it is then
      // asked of AWS again) rather than keep a date that belongs to a deleted key.
      keyCreatedAt: created
        ? { ...all.keyCreatedAt, [s.profileId]: created.toISOString() }
        : Object.fromEntries(Object.entries(all.keyCreatedAt).filter(([id]) => id !== s.profileId)),
      rotation: null,
    }));
    await clearSlot(ctx, s.profileId, 'pending');
    await clearSlot(ctx, s.profileId, 'previous');
    ctx.log.info('rotation: rolled back', { profile: s.profileId });
  }
}

/** The old key may go: the person confirmed, or nothing used it for the whole period since the hand-over. */
export function readyToRetire(s: RotationState, now: Date): boolean {
  if (s.confirmedUnused) return true;
  return retireAt(s) !== null && now.getTime() >= retireAt(s)!.getTime();
}

/** When the old key will be retired if nothing uses it: the period counts from its last use after the hand-over. */
export function retireAt(s: RotationState): Date | null {
  if (!s.handedOverAt) return null;
  const handed = Date.parse(s.handedOverAt);
  const used = s.oldKeyLastUsedAt ? Date.parse(s.oldKeyLastUsedAt) : 0;
  return new Date(Math.max(handed, used) + s.retireAfterHours * 3_600_000);
}

function assertRotatable(profile: ProfileRecord): void {
  if (profile.credentialKind === 'aws-profile') {
    fail({
      code: 'ROTATION_PROFILE_NOT_IMPORTED',
      title: 'Keys from an AWS profile are not rotated silently',
      explanation: `This connection reads its key from the AWS profile “${profile.awsProfileName ?? 'default'}” on this computer, which other tools may share. The assistant did not create that key.`,
      fix: 'Import the key into the assistant’s keychain first; after the rotation, update the profile file with the new key yourself.',
      retryable: false,
    });
  }
  if (profile.credentialKind === 'temporary') {
    fail({
      code: 'ROTATION_TEMPORARY_KEYS',
      title: 'Temporary keys are not rotated',
      explanation: 'Keys that start with ASIA expire on their own after a few hours.',
      fix: 'Connect with the sending user’s long-term key to rotate it.',
      retryable: false,
    });
  }
}

/** Thrown by iamFor when a background run reaches a step that would need admin credentials. */
class WaitingForPerson extends Error {
  constructor() {
    super('admin access is used only when the person asks');
    this.name = 'WaitingForPerson';
  }
}

/** What the key screen shows when a background run stopped before a step that needs admin access. */
const ADMIN_ONLY_WITH_PERSON: AssistantError = {
  code: 'ADMIN_NEEDED',
  title: 'The key change can go on — with admin access, while you are here',
  explanation:
    'You chose admin access for this key change. The assistant uses admin access only for a step you start yourself, never on its own in the background, and forgets it after 15 minutes without use. Nothing is broken: your current key still works.',
  fix: 'Give admin keys for a moment below, then continue.',
  retryable: true,
};

function explain(err: unknown, s: RotationState): AssistantError {
  const name = (err as { name?: string }).name ?? '';
  if (!s.useAdmin && (name === 'AccessDenied' || name === 'AccessDeniedException')) {
    return {
      code: 'ROTATION_NEEDS_ADMIN',
      title: 'Your sending user may not change its own keys',
      explanation:
        'AWS said no when the assistant tried to make the new key. Nothing is broken: your current key still works.',
      fix: 'Give the assistant admin keys for a moment below (they are kept in memory only), then continue.',
      retryable: true,
      detail: name,
    };
  }
  const mapped = toAssistantError(err, { region: s.region, doing: RIGHTS_DOING });
  return { ...mapped, retryable: mapped.retryable || mapped.code === 'UNEXPECTED' };
}
