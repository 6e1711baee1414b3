/**
 * The local record of bounce and complaint events: an append-only JSON-lines file in the app's data
 * folder, one line per SES notification (its topic and SNS message id, when it was stored, its
 * events), and two more files kept aside for a person to look at: messages that could not be read,
 * and messages refused as forged or unverifiable (trust.ts), never stored as events.
 *
 * What must stay true:
 * - `append` resolves only once the lines are on disk (fsync): the poller deletes a message from the
 *   queue only after that, so a crash never loses an event;
 * - a notification id already in the file is never written again, so a message delivered twice (the
 *   app stopped between storing and deleting it) never counts twice;
 * - a line cut short by a crash is dropped when the file is next opened, never joined to the next one;
 * - the file is bounded: lines older than RETENTION.days and, beyond RETENTION.maxEvents events, the
 *   oldest lines are dropped by a compaction that writes a new file and renames it over the old one.
 *   Lines are in the order they were stored, so a redelivered message (always among the newest) is
 *   never dropped before its duplicate arrives.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { FeedbackCounts, FeedbackEvent, FeedbackRetention } from './types';

export const RETENTION: FeedbackRetention = { days: 90, maxEvents: 50_000 };
export const EVENTS_FILE = 'feedback-events.jsonl';
export const UNREADABLE_FILE = 'feedback-unreadable.jsonl';
export const REFUSED_FILE = 'feedback-refused.jsonl';
/** Kept-aside messages are few and only for a person to look at: the newest are enough. */
const MAX_ASIDE = 1000;
const MAX_ASIDE_BODY = 4000;

interface Line {
  /** The notification id (the topic and SNS MessageId). */
  n: string;
  /** When it was stored (ISO). */
  r: string;
  e: FeedbackEvent[];
}

export interface UnreadableMessage {
  sqsMessageId: string;
  receivedAt: string;
  reason: string;
  body: string;
}

/** A message refused as forged or unverifiable: why (one sentence), and what it named (a topic, an address). */
export interface RefusedMessage extends UnreadableMessage {
  detail: string;
}

export interface FeedbackStore {
  readonly dir: string;
  has(notificationId: string): boolean;
  /** Writes the notifications not stored yet and syncs the file; returns how many events were new. */
  append(
    notifications: { notificationId: string; events: FeedbackEvent[] }[],
  ): Promise<{ stored: number; duplicates: number; events: FeedbackEvent[] }>;
  /** Keeps an unreadable message aside (synced); false when it was already kept. */
  keepAside(message: UnreadableMessage): Promise<boolean>;
  /** Keeps a refused message aside (synced), never as an event; false when it was already kept. */
  refuse(message: RefusedMessage): Promise<boolean>;
  counts(): FeedbackCounts;
  /** How many messages were refused (the newest MAX_ASIDE are kept), and the newest one's reason. */
  refusals(): { count: number; latest: { at: string; reason: string } | null };
  /** Every stored event, newest first. */
  events(): Promise<FeedbackEvent[]>;
  unreadable(): Promise<UnreadableMessage[]>;
  refused(): Promise<RefusedMessage[]>;
  /** Drops what is past the bounds; a no-op when nothing is. */
  compact(now: Date): Promise<{ dropped: number }>;
}

async function syncDir(dir: string): Promise<void> {
  // Makes a new or renamed file's name durable; not every platform can open a directory.
  const handle = await fs.open(dir, fsConstants.O_RDONLY).catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

async function appendSynced(file: string, text: string): Promise<void> {
  const created = !(await fs.stat(file).catch(() => null));
  const handle = await fs.open(file, 'a', 0o600);
  try {
    await handle.appendFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (created) await syncDir(path.dirname(file));
}

async function replaceSynced(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, file);
  await syncDir(path.dirname(file));
}

/**
 * The file's whole lines. A last line without its newline (a crash mid-write) is ignored, and with
 * `repair` (only when opening, before any write can be under way) cut off the file.
 */
async function readLines(file: string, repair = false): Promise<string[]> {
  const content = await fs.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  if (!content) return [];
  const end = content.lastIndexOf('\n');
  if (repair && end !== content.length - 1)
    await fs.truncate(file, Buffer.byteLength(content.slice(0, end + 1)));
  return content
    .slice(0, end + 1)
    .split('\n')
    .filter((l) => l.length > 0);
}

function parseLine(raw: string): Line | null {
  try {
    const line = JSON.parse(raw) as Line;
    return typeof line?.n === 'string' && Array.isArray(line.e) ? line : null;
  } catch {
    return null;
  }
}

function readAside<T extends UnreadableMessage>(raw: string): T | null {
  try {
    const message = JSON.parse(raw) as T;
    return typeof message?.sqsMessageId === 'string' ? message : null;
  } catch {
    return null;
  }
}

/**
 * A file of messages kept aside, one per SQS message id, bounded to the newest MAX_ASIDE. `serial`
 * is the store's own queue: its writes never interleave with the store's others.
 */
async function asideFile<T extends UnreadableMessage>(
  file: string,
  serial: <R>(work: () => Promise<R>) => Promise<R>,
) {
  const ids = new Set<string>();
  let latest: T | null = null;
  for (const raw of await readLines(file, true)) {
    const message = readAside<T>(raw);
    if (message) {
      ids.add(message.sqsMessageId);
      latest = message;
    }
  }
  return {
    size: () => ids.size,
    latest: () => latest,
    add: (message: T) =>
      serial(async () => {
        if (ids.has(message.sqsMessageId)) return false;
        const line = { ...message, body: message.body.slice(0, MAX_ASIDE_BODY) };
        await appendSynced(file, `${JSON.stringify(line)}\n`);
        ids.add(message.sqsMessageId);
        latest = line;
        if (ids.size > MAX_ASIDE * 1.1) {
          const lines = (await readLines(file)).slice(-MAX_ASIDE);
          await replaceSynced(file, `${lines.join('\n')}\n`);
        }
        return true;
      }),
    list: () =>
      serial(async () =>
        (await readLines(file))
          .map((raw) => readAside<T>(raw))
          .filter((m): m is T => m !== null)
          .reverse(),
      ),
  };
}

export async function openFeedbackStore(
  dir: string,
  retention: FeedbackRetention = RETENTION,
): Promise<FeedbackStore> {
  const eventsFile = path.join(dir, EVENTS_FILE);
  await fs.mkdir(dir, { recursive: true });

  /** Notification id → when stored and how many events of each kind, in file order. */
  const index = new Map<string, { r: string; bounce: number; complaint: number; delivery: number }>();
  const counts: FeedbackCounts = { bounce: 0, complaint: 0, delivery: 0, unreadable: 0 };

  const remember = (line: Line) => {
    const entry = { r: line.r, bounce: 0, complaint: 0, delivery: 0 };
    for (const e of line.e) entry[e.kind] += 1;
    index.set(line.n, entry);
    counts.bounce += entry.bounce;
    counts.complaint += entry.complaint;
    counts.delivery += entry.delivery;
  };
  for (const raw of await readLines(eventsFile, true)) {
    const line = parseLine(raw);
    if (line && !index.has(line.n)) remember(line);
  }

  // One change at a time: appends, compactions and kept-aside messages never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const unreadable = await asideFile<UnreadableMessage>(path.join(dir, UNREADABLE_FILE), serial);
  const refused = await asideFile<RefusedMessage>(path.join(dir, REFUSED_FILE), serial);
  const total = () => counts.bounce + counts.complaint + counts.delivery;

  async function compactNow(now: Date): Promise<{ dropped: number }> {
    const oldestAllowed = now.getTime() - retention.days * 86_400_000;
    let excess = total() - retention.maxEvents;
    const drop = new Set<string>();
    for (const [id, entry] of index) {
      const size = entry.bounce + entry.complaint + entry.delivery;
      if (Date.parse(entry.r) < oldestAllowed || excess > 0) {
        drop.add(id);
        excess -= size;
      } else break;
    }
    if (drop.size === 0) return { dropped: 0 };
    const kept = (await readLines(eventsFile)).filter((raw) => {
      const line = parseLine(raw);
      return line !== null && !drop.has(line.n);
    });
    await replaceSynced(eventsFile, kept.length ? `${kept.join('\n')}\n` : '');
    let dropped = 0;
    for (const id of drop) {
      const entry = index.get(id)!;
      dropped += entry.bounce + entry.complaint + entry.delivery;
      counts.bounce -= entry.bounce;
      counts.complaint -= entry.complaint;
      counts.delivery -= entry.delivery;
      index.delete(id);
    }
    return { dropped };
  }

  return {
    dir,
    has: (id) => index.has(id),
    append: (notifications) =>
      serial(async () => {
        const fresh: Line[] = [];
        const seen = new Set<string>();
        let duplicates = 0;
        for (const n of notifications) {
          if (index.has(n.notificationId) || seen.has(n.notificationId)) {
            duplicates += n.events.length;
            continue;
          }
          seen.add(n.notificationId);
          fresh.push({
            n: n.notificationId,
            r: n.events[0]?.receivedAt ?? new Date().toISOString(),
            e: n.events,
          });
        }
        if (fresh.length) await appendSynced(eventsFile, fresh.map((l) => `${JSON.stringify(l)}\n`).join(''));
        for (const line of fresh) remember(line);
        const events = fresh.flatMap((l) => l.e);
        // Past the bound by a margin: compact now rather than let the file grow until the next cycle.
        if (total() > retention.maxEvents * 1.1) await compactNow(new Date());
        return { stored: events.length, duplicates, events };
      }),
    keepAside: unreadable.add,
    refuse: refused.add,
    counts: () => ({ ...counts, unreadable: unreadable.size() }),
    refusals: () => {
      const latest = refused.latest();
      return {
        count: refused.size(),
        latest: latest && { at: latest.receivedAt, reason: latest.reason },
      };
    },
    events: () =>
      serial(async () => {
        const out: FeedbackEvent[] = [];
        for (const raw of await readLines(eventsFile)) {
          const line = parseLine(raw);
          if (line && index.has(line.n)) out.push(...line.e);
        }
        return out.reverse();
      }),
    unreadable: unreadable.list,
    refused: refused.list,
    compact: (now) => serial(() => compactNow(now)),
  };
}

const shared = new Map<string, Promise<FeedbackStore>>();

/** The one store of a data folder in this process: the background poll and the screen share it. */
export function feedbackStoreIn(dir: string): Promise<FeedbackStore> {
  let store = shared.get(dir);
  if (!store) {
    store = openFeedbackStore(dir);
    store.catch(() => shared.delete(dir));
    shared.set(dir, store);
  }
  return store;
}
