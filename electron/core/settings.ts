/**
 * The one settings store: a JSON file in the app's data folder, validated on load, migrated from
 * older versions, written atomically (temp file, fsync, rename). It holds no secret: keys live in
 * the keychain. A damaged file is kept aside under a new name and the person is told; the app
 * never crashes on it and never silently loses it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { stepId } from '../ipc/schemas';
import { fail } from './errors';
import { language } from './language';
import { reminderSettings, rotationState } from './rotation-state';

export const SETTINGS_VERSION = 3;

const profileRecord = z.object({
  id: z.string(),
  label: z.string(),
  credentialKind: z.enum(['long-term', 'temporary', 'aws-profile']),
  awsProfileName: z.string().optional(),
  accessKeyIdMasked: z.string().optional(),
  accountId: z.string(),
  arn: z.string(),
  region: z.string(),
  connectedAt: z.string(),
});

/** A resource the app created in AWS, so it can be listed and removed (filled by later steps). */
const ledgerEntry = z.object({
  kind: z.string(),
  id: z.string(),
  region: z.string().optional(),
  label: z.string().optional(),
  meta: z.record(z.string(), z.string()).optional(),
  /** The AWS account it was made in; missing in settings saved by older versions. */
  accountId: z.string().optional(),
  createdAt: z.string(),
});

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  step: stepId.catch('welcome'),
  /** Every screen the person has been on: the progress bar lets them go back to any of these. */
  reached: z.array(stepId).catch(['welcome']).default(['welcome']),
  region: z.string().default('us-east-1'),
  profiles: z.array(profileRecord).default([]),
  activeProfileId: z.string().nullable().default(null),
  ledger: z.array(ledgerEntry).default([]),
  /** True once the person chose a region on the Region screen: changing it later is confirmed. */
  regionChosen: z.boolean().default(false),
  /** Production-access requests by region: the route the person took, when, and the last review state seen. */
  sandboxRequests: z
    .record(
      z.string(),
      z.object({
        route: z.enum(['console', 'api']),
        at: z.string(),
        lastReview: z.string().nullable().default(null),
      }),
    )
    .default({}),
  rotation: rotationState.nullable().default(null),
  /** When each connection's current key was created (ISO), by profile id: the reminders count from it. */
  keyCreatedAt: z.record(z.string(), z.string()).default({}),
  lastRotatedAt: z.record(z.string(), z.string()).default({}),
  reminders: reminderSettings.default(reminderSettings.parse({})),
  /**
   * Each newer area's own state (Cloudflare, hand-off, bounce and complaint events…), by area name.
   * The area validates its slice with its own schema when it reads it (core/feature-state.ts), so
   * adding one needs no change here and a damaged slice never costs the rest of the settings.
   */
  features: z.record(z.string(), z.unknown()).default({}),
  /** The language chosen in the app; null follows the operating system's. */
  language: language.nullable().catch(null).default(null),
});

export type Settings = z.infer<typeof settingsSchema>;
export type ProfileRecord = z.infer<typeof profileRecord>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({ version: SETTINGS_VERSION });
}

/**
 * Migrations from each older version to the next. Version 0 is the unversioned draft format that
 * kept the wizard position as `wizardStep`. Version 1 kept the sandbox questionnaire's answers in
 * `sandboxAnswers`; they are now one of the drafts (`features.drafts`, core/drafts.ts). Version 2 had
 * no language: version 3 starts by following the operating system's.
 */
const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  0: ({ wizardStep, ...rest }) => ({ ...rest, step: wizardStep ?? rest.step, version: 1 }),
  1: ({ sandboxAnswers, ...rest }) => {
    const features = (rest.features ?? {}) as Record<string, unknown>;
    return {
      ...rest,
      features: sandboxAnswers ? { ...features, drafts: { sandbox: sandboxAnswers } } : features,
      version: 2,
    };
  },
  2: (old) => ({ ...old, language: null, version: 3 }),
};

export function migrate(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not an object');
  let data = raw as Record<string, unknown>;
  let version = typeof data.version === 'number' ? data.version : 0;
  if (version > SETTINGS_VERSION) throw new Error(`written by a newer version (${version})`);
  while (version < SETTINGS_VERSION) {
    const step = migrations[version];
    if (!step) throw new Error(`no migration from version ${version}`);
    data = step(data);
    version = data.version as number;
  }
  return settingsSchema.parse(data);
}

export interface SettingsStore {
  readonly file: string;
  get(): Settings;
  update(change: (current: Settings) => Settings): Promise<Settings>;
  /** Notices from loading (a repaired or unreadable file), to be shown once. */
  takeNotices(): string[];
}

export async function openSettings(
  dir: string,
  clock: () => Date = () => new Date(),
): Promise<SettingsStore> {
  const file = path.join(dir, 'settings.json');
  const notices: string[] = [];
  let current = defaultSettings();

  await fs.mkdir(dir, { recursive: true });
  let text: string | null = null;
  const stamp = () => clock().toISOString().replace(/[:.]/g, '-');
  try {
    // A byte-order mark (some Windows editors add one) is not damage.
    text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      // Move an unreadable file aside so the first save cannot overwrite what could not be read.
      const kept = path.join(dir, `settings.unreadable-${stamp()}.json`);
      const movedAside = await fs.rename(file, kept).then(
        () => true,
        () => false,
      );
      notices.push(
        movedAside
          ? `Your settings could not be read, so the assistant started fresh. The old file was kept as ${path.basename(kept)}.`
          : 'Your settings could not be read, so the assistant started fresh for now. Nothing was deleted.',
      );
    }
  }
  if (text !== null) {
    try {
      current = migrate(JSON.parse(text));
    } catch {
      const kept = path.join(dir, `settings.damaged-${stamp()}.json`);
      await fs.rename(file, kept).catch(() => undefined);
      notices.push(
        `Your settings file was damaged, so the assistant started fresh. The old file was kept as ${path.basename(kept)}. Your keys in the keychain were not touched.`,
      );
    }
  }

  // Writes are queued so two quick updates can never interleave their temp files.
  let queue: Promise<unknown> = Promise.resolve();

  async function write(next: Settings): Promise<void> {
    const tmp = `${file}.${process.pid}.tmp`;
    const handle = await fs.open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(next, null, 2) + '\n', 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  }

  return {
    file,
    get: () => current,
    update(change) {
      const run = queue.then(async () => {
        const changed = change(current);
        // Wherever a move comes from (a screen, a handler, the tray), the screen it leads to is reached.
        const next = settingsSchema.parse(
          changed.reached.includes(changed.step)
            ? changed
            : { ...changed, reached: [...changed.reached, changed.step] },
        );
        await write(next).catch(() =>
          fail({
            code: 'SETTINGS_NOT_SAVED',
            title: 'Your progress could not be saved',
            explanation: `The assistant could not write to its data folder (${dir}). It may be read-only or full.`,
            fix: 'Free some disk space or fix the folder’s permissions, then try again. Nothing was changed.',
            retryable: true,
          }),
        );
        current = next;
        return next;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    takeNotices: () => notices.splice(0),
  };
}
