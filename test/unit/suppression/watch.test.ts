import { describe, expect, it, vi } from 'vitest';
import type { ServiceContext } from '../../../electron/core/context';
import { fail } from '../../../electron/core/errors';
import { startAlarmWatch } from '../../../electron/features/suppression/watch';
import type { AlarmCheck } from '../../../electron/features/suppression/types';

/** A timer the test fires by hand. */
function manualTimer() {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => pending.push({ fn, ms }),
    clearTimer: vi.fn(),
    fire: () => pending.shift()!.fn(),
  };
}

function context() {
  const notify = vi.fn();
  const info = vi.fn();
  return { ctx: { notifier: { notify }, log: { info } } as unknown as ServiceContext, notify, info };
}

const firing = (title: string): AlarmCheck =>
  ({ alarming: [], newlyAlarming: [], notification: { title, body: 'b', openStep: 'feedback' } }) as never;

describe('the tray’s look at the reputation alarms', () => {
  it('looks every 15 minutes and notifies only what the check says is new', async () => {
    const timer = manualTimer();
    const { ctx, notify } = context();
    const answers = [firing('Bounce rate warning'), { alarming: [], newlyAlarming: [], notification: null }];
    const check = vi.fn(async () => answers.shift() as AlarmCheck);
    const watch = startAlarmWatch(ctx, { ...timer, check });
    expect(timer.pending.map((p) => p.ms)).toEqual([15 * 60_000]);
    expect(check).not.toHaveBeenCalled();
    timer.fire();
    await vi.waitFor(() => expect(timer.pending).toHaveLength(1));
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify.mock.calls[0]![0]).toMatchObject({ title: 'Bounce rate warning', openStep: 'feedback' });
    timer.fire();
    await vi.waitFor(() => expect(check).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(timer.pending).toHaveLength(1));
    expect(notify).toHaveBeenCalledTimes(1);
    watch.stop();
    expect(timer.clearTimer).toHaveBeenCalled();
  });

  it('keeps looking after a failed look, and says nothing of it but a log line without detail', async () => {
    const timer = manualTimer();
    const { ctx, notify, info } = context();
    const check = vi.fn(async (): Promise<AlarmCheck> =>
      fail({ code: 'NETWORK_UNREACHABLE', title: 't', explanation: 'e', fix: 'f', retryable: true }),
    );
    startAlarmWatch(ctx, { ...timer, check });
    timer.fire();
    await vi.waitFor(() => expect(timer.pending).toHaveLength(1));
    expect(notify).not.toHaveBeenCalled();
    expect(info).toHaveBeenCalledWith('reputation alarms: not read', { error: 'AssistantFailure' });
  });

  it('schedules nothing more once stopped, even if a look was under way', async () => {
    const timer = manualTimer();
    const { ctx, notify } = context();
    let release!: (c: AlarmCheck) => void;
    const check = vi.fn(() => new Promise<AlarmCheck>((r) => (release = r)));
    const watch = startAlarmWatch(ctx, { ...timer, check });
    timer.fire();
    watch.stop();
    release(firing('late'));
    await vi.waitFor(() => expect(check).toHaveBeenCalledTimes(1));
    // One turn of the event loop: the look's own continuation has run by then.
    await new Promise((resolve) => setImmediate(resolve));
    expect(timer.pending).toHaveLength(0);
    expect(notify).not.toHaveBeenCalled();
  });
});
