/**
 * Watches production-access reviews in the background: every 30 minutes (never more often), for
 * each region with a request the app recorded whose decision is not final, reads the status and,
 * when the review state changed, raises one desktop notification whose click opens the sandbox
 * screen. Timers are injected so tests drive it with a fake clock.
 */
import type { ServiceContext } from '../../core/context';
import { REVIEW_TIME_TEXT } from '../../core/facts/sandbox';
import { checkSandbox } from './handlers';
import type { ReviewState } from './sandbox';

/** AWS asks callers not to poll account details often; its first answer takes hours anyway. */
export const MIN_INTERVAL_MS = 30 * 60_000;

export interface SandboxWatchOptions {
  intervalMs?: number;
  /** The first check, soon after start: a decision may have arrived while the app was closed. */
  firstCheckMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface SandboxWatch {
  /** Checks every watched region now; resolves to the regions whose decision changed. */
  check(): Promise<string[]>;
  stop(): void;
}

/** Final decisions need no more polling; FAILED waits for a new request, which resets the record. */
const FINAL = new Set<string | null>(['GRANTED', 'DENIED', 'FAILED']);

const NOTICE: Record<ReviewState, (region: string) => { title: string; body: string }> = {
  PENDING: (r) => ({
    title: `AWS is reviewing your request for ${r}`,
    body: `${REVIEW_TIME_TEXT} Watch your email in case AWS Support asks a question.`,
  }),
  GRANTED: (r) => ({
    title: `You are out of the SES sandbox in ${r}`,
    body: 'AWS granted production access: you can now send to any address. Open the assistant to see your new limits.',
  }),
  DENIED: (r) => ({
    title: `AWS declined production access in ${r} for now`,
    body: 'Open the assistant to see what to change before you ask again.',
  }),
  FAILED: (r) => ({
    title: `Your production-access request for ${r} did not go through`,
    body: 'Open the assistant and send it again.',
  }),
};

export function startSandboxWatch(ctx: ServiceContext, options: SandboxWatchOptions = {}): SandboxWatch {
  const intervalMs = Math.max(MIN_INTERVAL_MS, options.intervalMs ?? MIN_INTERVAL_MS);
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  let handle: unknown = null;
  let stopped = false;

  async function check(): Promise<string[]> {
    const watched = Object.entries(ctx.settings.get().sandboxRequests)
      .filter(([, r]) => !FINAL.has(r.lastReview))
      .map(([region]) => region);
    const changed: string[] = [];
    for (const region of watched) {
      try {
        const { status, changed: moved } = await checkSandbox(ctx, region);
        if (!moved || !status.review) continue;
        changed.push(region);
        ctx.notifier.notify({ ...NOTICE[status.review.status](region), openStep: 'sandbox' });
      } catch (err) {
        // Offline, or the key changed: try again next time; the screen shows errors when opened.
        ctx.log.info('sandbox watch: status not read', { region, error: (err as Error).name });
      }
    }
    return changed;
  }

  function schedule(ms = intervalMs): void {
    if (stopped) return;
    handle = setTimer(() => void check().finally(() => schedule()), ms);
  }

  schedule(options.firstCheckMs ?? 60_000);
  return {
    check,
    stop() {
      stopped = true;
      if (handle !== null) clearTimer(handle);
    },
  };
}
