import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/core/context';
import { openSettings } from '../../../electron/core/settings';
import { startFeedbackPoll } from '../../../electron/features/feedback/poll';

describe('the background reader of bounces and complaints', () => {
  it('keeps its pace when the window cannot say whether it is on screen, and stops when told', async () => {
    const settings = await openSettings(await mkdtemp(path.join(os.tmpdir(), 'feedback-poll-')));
    const ctx = { settings } as unknown as ServiceContext;
    const pending: { run: () => void; ms: number }[] = [];
    const cleared: unknown[] = [];
    const poll = startFeedbackPoll(ctx, {
      windowOpen: () => {
        throw new Error('window already gone');
      },
      intervalMs: 900_000,
      timer: {
        setTimeout: (run, ms) => pending.push({ run, ms }),
        clearTimeout: (handle) => void cleared.push(handle),
      },
    });
    expect(pending.map((p) => p.ms)).toEqual([0]);
    // Nothing is set up here: the cycle looks, finds no queue, and comes back at the tray's pace.
    pending.shift()!.run();
    await expect.poll(() => pending.map((p) => p.ms)).toEqual([900_000]);
    poll.stop();
    expect(cleared).toHaveLength(1);
  });

  it('reads at once when woken while waiting at the tray’s pace, and not at all once stopped', async () => {
    const settings = await openSettings(await mkdtemp(path.join(os.tmpdir(), 'feedback-poll-')));
    const ctx = { settings } as unknown as ServiceContext;
    const pending: { run: () => void; ms: number; handle: number }[] = [];
    const cleared: unknown[] = [];
    let next = 0;
    const poll = startFeedbackPoll(ctx, {
      windowOpen: () => false,
      intervalMs: 900_000,
      timer: {
        setTimeout: (run, ms) => {
          pending.push({ run, ms, handle: ++next });
          return next;
        },
        clearTimeout: (handle) => {
          cleared.push(handle);
          pending.splice(
            pending.findIndex((p) => p.handle === handle),
            1,
          );
        },
      },
    });
    pending.shift()!.run();
    await expect.poll(() => pending.map((p) => p.ms)).toEqual([900_000]);
    const waiting = pending[0]!.handle;
    poll.wake();
    // The 15-minute wait is cancelled and the read runs now; it then waits at the tray's pace again.
    expect(cleared).toEqual([waiting]);
    await expect.poll(() => pending.map((p) => p.ms)).toEqual([900_000]);
    expect(pending[0]!.handle).not.toBe(waiting);
    // Stopped: waking starts nothing.
    poll.stop();
    expect(pending).toHaveLength(0);
    poll.wake();
    expect(pending).toHaveLength(0);
    expect(cleared).toHaveLength(2);
  });
});
