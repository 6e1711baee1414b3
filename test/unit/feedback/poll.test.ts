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
});
