import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssistantError, OutputOf, Result } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import type { SendResult } from './send-form';

type AddressState = OutputOf<'ownAddress.prepare'>;

/** Where the test to the person's own address is. */
export type OwnTest =
  | { phase: 'idle' }
  | { phase: 'checking'; address: string }
  | { phase: 'waiting'; address: string; expired: boolean }
  | { phase: 'sending'; address: string }
  | { phase: 'sent'; address: string; result: SendResult }
  | { phase: 'failed'; address: string; error: AssistantError };

/**
 * Waits between status reads: soon at first (people click the link within a minute), then less
 * often, so a link left unclicked for an hour costs a few dozen reads, not hundreds.
 */
export const POLL_DELAYS_MS = [3_000, 5_000, 10_000, 20_000, 30_000];

/**
 * The test to one's own address as one action: make sure SES may deliver there (its verification
 * link when needed, then waiting for the click), then send. Cancel stops the waiting; nothing is
 * read or sent after it.
 */
export function useOwnAddressTest(send: (to: string) => Promise<Result<SendResult>>) {
  const [state, setState] = useState<OwnTest>({ phase: 'idle' });
  // Each start (and each cancel) is a new run: answers of an older run are dropped.
  const run = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => () => stopTimer(), []);

  const deliver = useCallback(
    async (me: number, address: string) => {
      setState({ phase: 'sending', address });
      const r = await send(address);
      if (run.current !== me) return;
      setState(
        r.ok ? { phase: 'sent', address, result: r.value } : { phase: 'failed', address, error: r.error },
      );
    },
    [send],
  );

  /** Resolves after the pause, true while this run is still the current one (never, once cancelled). */
  const pause = (me: number, ms: number) =>
    new Promise<boolean>((resolve) => {
      timer.current = setTimeout(() => resolve(run.current === me), ms);
    });

  const waitForClick = useCallback(
    async (me: number, address: string) => {
      for (let attempt = 0; ; attempt++) {
        const delay = POLL_DELAYS_MS[Math.min(attempt, POLL_DELAYS_MS.length - 1)] ?? 30_000;
        if (!(await pause(me, delay))) return;
        const r = await invoke('ownAddress.status', { address });
        if (run.current !== me) return;
        if (r.ok && r.value.ready) return deliver(me, address);
        // An expired link is never clicked any more: only a new one helps, and the person asks for it.
        if (r.ok && r.value.reason === 'link-expired')
          return setState({ phase: 'waiting', address, expired: true });
        // A failed read is tried again later: the link may still be clicked.
      }
    },
    [deliver],
  );

  const follow = useCallback(
    (me: number, address: string, r: Result<AddressState>) => {
      if (run.current !== me) return;
      if (!r.ok) return setState({ phase: 'failed', address, error: r.error });
      if (r.value.ready) return void deliver(me, address);
      const expired = r.value.reason === 'link-expired';
      setState({ phase: 'waiting', address, expired });
      if (!expired) void waitForClick(me, address);
    },
    [deliver, waitForClick],
  );

  /** The one action: check (and verify) the address, wait for the link if needed, then send. */
  const start = useCallback(
    async (address: string) => {
      stopTimer();
      const me = ++run.current;
      setState({ phase: 'checking', address });
      follow(me, address, await invoke('ownAddress.prepare', { address }));
    },
    [follow],
  );

  const cancel = useCallback(() => {
    stopTimer();
    run.current++;
    setState({ phase: 'idle' });
  }, []);

  return { state, start, cancel };
}
