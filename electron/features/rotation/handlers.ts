/**
 * The key screen's channels: the key's age and due date, the reminder settings, and a rotation
 * started, continued, confirmed or undone. Results carry masked key IDs only; the new SMTP password
 * is copied or shown through the SMTP channels, which read the connection's current key.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';
import { fail } from '../../core/errors';
import { reminderPlan } from './reminders';
import { createRotationEngine, retireAt, type RotationEngine, type RotationOptions } from './rotation';
import type { RotationState } from '../../core/rotation-state';
import type { KeyStatus, RotationProgress } from './view';
import type { ProfileRecord } from '../../core/settings';
import { maskKeyId } from '../../core/vault';
import { selfRotationOf } from '../sending-user';

type Channels =
  | 'rotation.status'
  | 'rotation.start'
  | 'rotation.resume'
  | 'rotation.confirmOldKeyUnused'
  | 'rotation.rollback'
  | 'rotation.importProfile'
  | 'reminders.set';

export function progressOf(s: RotationState): RotationProgress {
  const handed = s.handedOverAt ? Date.parse(s.handedOverAt) : null;
  return {
    phase: s.phase,
    region: s.region,
    oldKeyIdMasked: maskKeyId(s.oldKeyId),
    newKeyIdMasked: s.newKeyId ? maskKeyId(s.newKeyId) : null,
    startedAt: s.startedAt,
    handedOverAt: s.handedOverAt,
    retireAfterHours: s.retireAfterHours,
    retireAt: retireAt(s)?.toISOString() ?? null,
    oldKeyLastUsedAt: s.oldKeyLastUsedAt,
    oldKeyCheckedAt: s.oldKeyCheckedAt,
    oldKeyUsedSinceHandover:
      handed !== null && s.oldKeyLastUsedAt !== null && Date.parse(s.oldKeyLastUsedAt) > handed,
    confirmedUnused: s.confirmedUnused,
    deactivatedAt: s.deactivatedAt,
    finishedAt: s.finishedAt,
    useAdmin: s.useAdmin,
    removedExtraKeyIdMasked: s.removedExtraKeyId ? maskKeyId(s.removedExtraKeyId) : null,
    error: s.lastError,
    canRollBack: s.phase !== 'deleting' && s.phase !== 'done',
  };
}

function cannotRotate(profile: ProfileRecord | undefined): KeyStatus['cannotRotate'] {
  if (!profile) return { reason: 'not-connected', explanation: 'Connect your AWS account first.' };
  if (profile.credentialKind === 'aws-profile')
    return {
      reason: 'aws-profile',
      explanation: `This connection reads its key from the AWS profile “${profile.awsProfileName ?? 'default'}”, which other tools on this computer may share. Import the key into the assistant first; it will then rotate it and tell you to update the profile file.`,
    };
  if (profile.credentialKind === 'temporary')
    return {
      reason: 'temporary',
      explanation: 'Temporary keys (starting with ASIA) expire on their own and are never rotated.',
    };
  return null;
}

export function rotationHandlers(
  ctx: ServiceContext,
  options: RotationOptions = {},
): Pick<Handlers, Channels> {
  const engine: RotationEngine = createRotationEngine(ctx, options);

  /** The key's creation date, asked of AWS once when the connection was made with pasted keys. */
  async function keyCreatedAt(profile: ProfileRecord): Promise<string | null> {
    const known = ctx.settings.get().keyCreatedAt[profile.id];
    if (known || profile.credentialKind !== 'long-term') return known ?? null;
    try {
      const keys = await ctx.vault.loadKeys(profile.id);
      if (!keys) return null;
      const { ListAccessKeysCommand } = await import('@aws-sdk/client-iam');
      const iam = await ctx.awsClients(profile.region, { kind: 'keys', ...keys }).iam();
      const out = await iam.send(new ListAccessKeysCommand({}));
      const created = out.AccessKeyMetadata?.find((k) => k.AccessKeyId === keys.accessKeyId)?.CreateDate;
      if (!created) return null;
      await ctx.settings.update((s) => ({
        ...s,
        keyCreatedAt: { ...s.keyCreatedAt, [profile.id]: created.toISOString() },
      }));
      return created.toISOString();
    } catch {
      // Without the right to list its keys the age stays unknown; the screen says so.
      return null;
    }
  }

  async function status(): Promise<KeyStatus> {
    const s = ctx.settings.get();
    const profile = s.profiles.find((p) => p.id === (s.rotation?.profileId ?? s.activeProfileId));
    const created = profile ? await keyCreatedAt(profile) : null;
    const now = ctx.clock();
    const plan = created
      ? reminderPlan({
          keyCreatedAt: new Date(created),
          periodDays: s.reminders.periodDays,
          now,
          lastRemindedAt: s.reminders.lastRemindedAt ? new Date(s.reminders.lastRemindedAt) : null,
          snoozeUntil: s.reminders.snoozeUntil ? new Date(s.reminders.snoozeUntil) : null,
        })
      : null;
    const after = ctx.settings.get();
    return {
      profileId: profile?.id ?? null,
      keyIdMasked: profile?.accessKeyIdMasked ?? null,
      cannotRotate: cannotRotate(profile),
      awsProfileName: profile?.awsProfileName ?? null,
      keyCreatedAt: created,
      lastRotatedAt: profile ? (after.lastRotatedAt[profile.id] ?? null) : null,
      schedule: plan && {
        dueDate: plan.dueDate,
        dueAt: plan.dueAt.toISOString(),
        ageDays: plan.ageDays,
        daysLeft: plan.daysLeft,
        status: plan.status,
        nextReminderAt: plan.nextReminderAt.toISOString(),
      },
      reminders: {
        periodDays: after.reminders.periodDays,
        snoozeUntil: after.reminders.snoozeUntil,
        stayInTray: after.reminders.stayInTray,
        launchAtLogin: after.reminders.launchAtLogin,
      },
      rotation: after.rotation ? progressOf(after.rotation) : null,
      adminAvailable: ctx.admin.summary() !== null,
      rotatesWith: rotatesWith(profile ? selfRotationOf(ctx, profile.id) : null),
    };
  }

  return {
    'rotation.status': async () => {
      // A rotation waiting for the old key to fall quiet moves on by itself once the period is over.
      // Not interactive: this channel is also the reminder timer's tick (platform/desktop.ts) and the
      // dashboard's read, so it never uses admin access; a rotation with admin access waits for a click.
      const r = ctx.settings.get().rotation;
      if (r?.phase === 'handover' && !r.lastError)
        await engine.resume({ interactive: false }).catch(() => undefined);
      return status();
    },
    'rotation.start': async (input) => {
      await engine.start(input);
      return status();
    },
    'rotation.resume': async (input) => {
      // The person's click: the only way a rotation with admin access takes the admin credentials.
      await engine.resume({ ...input, interactive: true });
      return status();
    },
    'rotation.confirmOldKeyUnused': async () => {
      await engine.confirmOldKeyUnused();
      return status();
    },
    'rotation.rollback': async () => {
      await engine.rollback();
      return status();
    },
    'rotation.importProfile': async ({ profileId }) => {
      await importProfileKeys(ctx, profileId);
      return status();
    },
    'reminders.set': async (input) => {
      await ctx.settings.update((s) => ({
        ...s,
        reminders: {
          ...s.reminders,
          ...(input.periodDays !== undefined ? { periodDays: input.periodDays } : {}),
          ...(input.snoozeUntil !== undefined ? { snoozeUntil: input.snoozeUntil } : {}),
          ...(input.stayInTray !== undefined ? { stayInTray: input.stayInTray } : {}),
          ...(input.launchAtLogin !== undefined ? { launchAtLogin: input.launchAtLogin } : {}),
        },
      }));
      return status();
    },
  };
}

/**
 * Moves a key read from an AWS profile into the keychain, so the assistant owns the copy it rotates.
 * The profile file itself is left alone: after a rotation the person updates it (the screen says so).
 */
export async function importProfileKeys(ctx: ServiceContext, profileId: string): Promise<void> {
  const profile = ctx.profile(profileId);
  if (profile.credentialKind !== 'aws-profile') return;
  const { fromIni } = await import('@aws-sdk/credential-providers');
  const creds = await fromIni({
    profile: profile.awsProfileName ?? 'default',
    filepath: ctx.awsFiles.credentials,
    configFilepath: ctx.awsFiles.config,
  })();
  if (creds.sessionToken || !creds.accessKeyId.startsWith('AKIA')) {
    fail({
      code: 'ROTATION_PROFILE_TEMPORARY',
      title: 'This AWS profile gives temporary keys',
      explanation:
        'Single sign-on and role profiles hand out keys that expire on their own; there is nothing to rotate.',
      fix: 'Connect with the sending user’s long-term access key to use rotation.',
      retryable: false,
    });
  }
  await ctx.vault.saveKeys(profile.id, {
    accessKeyId: creds.accessKeyId,
    secretAccessKey: creds.secretAccessKey,
  });
  await ctx.settings.update((s) => ({
    ...s,
    profiles: s.profiles.map((p) =>
      p.id === profile.id
        ? { ...p, credentialKind: 'long-term', accessKeyIdMasked: maskKeyId(creds.accessKeyId) }
        : p,
    ),
  }));
  ctx.log.info('rotation: imported the profile key into the keychain', { profile: profile.id });
}

/** How a change of this key is made: with admin access when the key may not replace itself. */
function rotatesWith(selfRotation: boolean | null): KeyStatus['rotatesWith'] {
  if (selfRotation === null) return 'unknown';
  return selfRotation ? 'own-key' : 'admin';
}
