/**
 * Reading the queue: receive a batch, store its events (synced to disk), and only then delete the
 * messages. Uses the sending connection's key, never the admin session (which is never used from a
 * background timer).
 *
 * Crash safety, point by point:
 * - stopped after receiving, before storing: nothing was deleted; SQS shows the messages again once
 *   their visibility timeout passes, and the next read stores them;
 * - stopped after storing, before deleting: the messages come back, their notification ids are
 *   already in the store, so they are deleted without being stored twice;
 * - a message that cannot be read is kept aside (synced), counted and deleted, so it can never stop
 *   the queue or crash the poll; so is one refused as forged or unverifiable (trust.ts), which is
 *   never stored as an event;
 * - a message whose signing certificate cannot be fetched now is left in the queue, to be checked
 *   again at a later read.
 */
import path from 'node:path';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { ServiceContext } from '../../core/context';
import { fail, type AssistantError } from '../../core/errors';
import { NOT_SET_UP, pollError, QUEUE_DENIED, QUEUE_GONE } from './errors';
import { fetchFromAws, type CertificateFetcher } from './signature';
import { queueOf } from './state';
import { feedbackStoreIn, type FeedbackStore } from './store';
import { judge } from './trust';
import type { FeedbackEvent, PollReport } from './types';

export interface DrainDeps {
  sqs: Pick<SQSClient, 'send'>;
  queueUrl: string;
  /** The topics the queue was subscribed to: a message from any other is refused. */
  topics: readonly string[];
  /** Where Amazon SNS's signing certificates come from (fetchFromAws in the app). */
  certificates: CertificateFetcher;
  store: FeedbackStore;
  clock: () => Date;
  /** Long polling: how long SQS may wait for a message (0–20 s). */
  waitSeconds: number;
  signal?: AbortSignal;
  /** Test hooks at the two points where a crash matters. */
  faults?: { afterReceive?: () => Promise<void> | void; afterStore?: () => Promise<void> | void };
}

/** A report of nothing read yet; every number in it is a count that adds up over rounds. */
const nothingRead = (at: string): PollReport => ({
  at,
  received: 0,
  stored: 0,
  duplicates: 0,
  unreadable: 0,
  refused: 0,
  deferred: 0,
  complaints: 0,
});
const COUNTED = Object.keys(nothingRead('')).filter((k) => k !== 'at') as (keyof Omit<PollReport, 'at'>)[];

/** One ReceiveMessage, stored, then deleted. */
export async function drainOnce(deps: DrainDeps): Promise<PollReport & { events: FeedbackEvent[] }> {
  const sdk = await import('@aws-sdk/client-sqs');
  const received = await deps.sqs.send(
    new sdk.ReceiveMessageCommand({
      QueueUrl: deps.queueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: deps.waitSeconds,
    }),
    { abortSignal: deps.signal },
  );
  const messages = received.Messages ?? [];
  const at = deps.clock().toISOString();
  const report = { ...nothingRead(at), received: messages.length };
  if (messages.length === 0) return { ...report, events: [] };

  const notifications: { notificationId: string; events: FeedbackEvent[] }[] = [];
  const unreadable: { sqsMessageId: string; reason: string; body: string }[] = [];
  const refused: { sqsMessageId: string; reason: string; detail: string; body: string }[] = [];
  const done: typeof messages = [];
  const trust = { topics: deps.topics, certificates: deps.certificates, now: deps.clock() };
  // One at a time: the first message of a region fetches its certificate, the others find it kept.
  for (const m of messages) {
    const body = m.Body ?? '';
    const sqsMessageId = m.MessageId ?? at;
    const judged = await judge(body, at, trust);
    if (judged.kind === 'later') {
      report.deferred += 1;
      continue;
    }
    done.push(m);
    if (judged.kind === 'notification')
      notifications.push({ notificationId: judged.notificationId, events: judged.events });
    else if (judged.kind === 'refused')
      refused.push({ sqsMessageId, reason: judged.reason, detail: judged.detail, body });
    else unreadable.push({ sqsMessageId, reason: judged.reason, body });
  }
  await deps.faults?.afterReceive?.();
  const stored = await deps.store.append(notifications.filter((n) => n.events.length > 0));
  for (const u of unreadable)
    if (await deps.store.keepAside({ ...u, receivedAt: at })) report.unreadable += 1;
  for (const r of refused) if (await deps.store.refuse({ ...r, receivedAt: at })) report.refused += 1;
  await deps.faults?.afterStore?.();

  const handles = done.filter((m) => m.ReceiptHandle);
  for (let i = 0; i < handles.length; i += 10) {
    // A message whose delete fails comes back later and is recognised then: nothing to do here.
    await deps.sqs.send(
      new sdk.DeleteMessageBatchCommand({
        QueueUrl: deps.queueUrl,
        Entries: handles
          .slice(i, i + 10)
          .map((m, j) => ({ Id: String(i + j), ReceiptHandle: m.ReceiptHandle })),
      }),
    );
  }
  return {
    ...report,
    stored: stored.stored,
    duplicates: stored.duplicates,
    complaints: stored.events.filter((e) => e.kind === 'complaint').length,
    events: stored.events,
  };
}

/** Reads until the queue is empty (or maxRounds), adding the reports up. */
export async function drainAll(
  deps: DrainDeps,
  maxRounds = 100,
): Promise<PollReport & { events: FeedbackEvent[] }> {
  const total = nothingRead(deps.clock().toISOString());
  const events: FeedbackEvent[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const r = await drainOnce({ ...deps, waitSeconds: round === 0 ? deps.waitSeconds : 0 });
    for (const key of COUNTED) total[key] += r[key];
    events.push(...r.events);
    if (r.received === 0) break;
  }
  return { ...total, events };
}

/** The last read of each settings store (one per app), for the screen and the dashboard. */
export interface LastCheck {
  at: string;
  report: PollReport | null;
  error: AssistantError | null;
}
const lastChecks = new WeakMap<object, LastCheck>();
export const lastCheckOf = (ctx: Pick<ServiceContext, 'settings'>) => lastChecks.get(ctx.settings) ?? null;
/** After a new set-up, an earlier failure (the queue was gone) no longer holds. */
export const forgetLastCheck = (ctx: Pick<ServiceContext, 'settings'>) =>
  void lastChecks.delete(ctx.settings);

export const dataDirOf = (ctx: Pick<ServiceContext, 'settings'>) => path.dirname(ctx.settings.file);

/** Tells the person about new complaints: the one kind of event AWS counts hardest against them. */
function notifyComplaints(ctx: ServiceContext, complaints: number): void {
  if (complaints === 0) return;
  ctx.notifier.notify({
    title:
      complaints === 1
        ? 'Someone marked your email as spam'
        : `${complaints} people marked your email as spam`,
    body: 'Stop sending to them. Open “Bounces and complaints” to see who and what to do.',
    openStep: 'feedback',
  });
}

/** Reads the current region's queue with the sending connection's key, until it is empty. */
export async function checkNow(
  ctx: ServiceContext,
  options: { waitSeconds?: number; signal?: AbortSignal; maxRounds?: number } = {},
): Promise<PollReport> {
  const region = ctx.settings.get().region;
  const queue = queueOf(ctx, region);
  if (!queue) fail(NOT_SET_UP);
  try {
    const clients = await ctx.clientsFor(undefined, region);
    const store = await feedbackStoreIn(dataDirOf(ctx));
    await store.compact(ctx.clock());
    const { events: _events, ...report } = await drainAll(
      {
        sqs: await clients.sqs(),
        queueUrl: queue.queueUrl,
        topics: queue.topicArns,
        certificates: ctx.peers.snsCertificates ?? fetchFromAws,
        store,
        clock: ctx.clock,
        waitSeconds: options.waitSeconds ?? 1,
        signal: options.signal,
      },
      options.maxRounds,
    );
    lastChecks.set(ctx.settings, { at: report.at, report, error: null });
    notifyComplaints(ctx, report.complaints);
    if (report.unreadable) ctx.log.info('feedback: messages kept aside', { count: report.unreadable });
    if (report.refused)
      ctx.log.info('feedback: forged or unverifiable messages refused', { count: report.refused });
    if (report.deferred)
      ctx.log.info('feedback: messages left for later (no signing certificate yet)', {
        count: report.deferred,
      });
    return report;
  } catch (err) {
    if (options.signal?.aborted) throw err;
    const error = pollError(err, region);
    lastChecks.set(ctx.settings, { at: ctx.clock().toISOString(), report: null, error });
    ctx.log.error('feedback: reading the queue failed', { code: error.code });
    throw err;
  }
}

export interface PollTimer {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface FeedbackPollOptions {
  /** True while the window is open: read continuously with long polling; otherwise every intervalMs. */
  windowOpen: () => boolean;
  timer?: PollTimer;
  /** From the tray (window closed or hidden): 15 minutes. */
  intervalMs?: number;
  /** While the window is open, after a failure that may pass (network): 1 minute. */
  retryMs?: number;
  /** Long polling wait per receive (SQS allows up to 20 s). */
  waitSeconds?: number;
}

const realTimer: PollTimer = {
  setTimeout: (run, ms) => {
    const t = setTimeout(run, ms);
    (t as { unref?: () => void }).unref?.();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The background reader: continuous long polling while the window is open, every 15 minutes from
 * the tray. Never overlaps itself; a queue that is gone or refused is retried only at the slow pace,
 * until the person sets it up again.
 */
export interface FeedbackPoll {
  /**
   * The window came on screen: a read waiting at the tray's slow pace runs now (and long polling
   * follows), so the screen is not up to 15 minutes behind. A read already running is left alone,
   * and so is a wait after a lasting failure (the queue gone or refused), which only a new set-up
   * ends: showing the window again must not turn it into a retry every time.
   */
  wake(): void;
  stop(): void;
}

export function startFeedbackPoll(ctx: ServiceContext, options: FeedbackPollOptions): FeedbackPoll {
  const timer = options.timer ?? realTimer;
  const intervalMs = options.intervalMs ?? 15 * 60_000;
  const retryMs = options.retryMs ?? 60_000;
  let stopped = false;
  let handle: unknown = null;
  const abort = new AbortController();

  const schedule = (ms: number) => {
    if (!stopped) handle = timer.setTimeout(() => void cycle(), ms);
  };
  // A window that cannot say whether it is on screen counts as hidden: the poll must never stop on it.
  const windowOpen = () => {
    try {
      return options.windowOpen();
    } catch {
      return false;
    }
  };
  const lastingFailure = () => {
    const code = lastCheckOf(ctx)?.error?.code;
    return code === QUEUE_GONE.code || code === QUEUE_DENIED.code;
  };

  async function cycle(): Promise<void> {
    handle = null;
    if (stopped) return;
    const open = windowOpen();
    if (!queueOf(ctx) || !ctx.settings.get().activeProfileId) return schedule(intervalMs);
    try {
      await checkNow(ctx, {
        waitSeconds: open ? (options.waitSeconds ?? 20) : 0,
        signal: abort.signal,
        maxRounds: open ? 1 : 100,
      });
      schedule(windowOpen() ? 0 : intervalMs);
    } catch {
      // checkNow has recorded the failure for the screen; here only the pace of the next try changes.
      if (stopped) return;
      schedule(lastingFailure() || !windowOpen() ? intervalMs : retryMs);
    }
  }

  schedule(0);
  return {
    wake() {
      if (stopped || handle === null || lastingFailure()) return;
      timer.clearTimeout(handle);
      handle = null;
      void cycle();
    },
    stop() {
      stopped = true;
      abort.abort();
      if (handle !== null) timer.clearTimeout(handle);
      handle = null;
    },
  };
}
