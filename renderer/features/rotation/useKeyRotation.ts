import { useCallback, useEffect, useReducer } from 'react';
import type { AssistantError, Result } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import type { KeyStatus, Run } from './key-status';

/** Everything the key screen knows: the status from the main process and the call under way. */
export interface KeyScreen {
  status: KeyStatus | null;
  error: AssistantError | null;
  busy: boolean;
  /** The last progress message of the rotation under way. */
  progress: string | null;
  /** The old key the person went back to, so the screen can confirm the undo worked. */
  undoneTo: string | null;
}

type Action =
  | { type: 'answered'; result: Result<KeyStatus> }
  | { type: 'saved'; status: KeyStatus }
  | { type: 'started' }
  | { type: 'progress'; message: string }
  | { type: 'stopped' }
  | { type: 'failed'; error: AssistantError }
  | { type: 'undone'; oldKeyIdMasked: string };

const START: KeyScreen = { status: null, error: null, busy: false, progress: null, undoneTo: null };

function reduce(s: KeyScreen, a: Action): KeyScreen {
  switch (a.type) {
    case 'answered':
      return a.result.ok ? { ...s, status: a.result.value, error: null } : { ...s, error: a.result.error };
    case 'saved':
      return { ...s, status: a.status };
    case 'started':
      return { ...s, busy: true, progress: null, undoneTo: null };
    case 'progress':
      return { ...s, progress: a.message };
    case 'stopped':
      return { ...s, busy: false };
    case 'failed':
      return { ...s, error: a.error };
    case 'undone':
      return { ...s, undoneTo: a.oldKeyIdMasked };
  }
}

/**
 * The key status and the rotation calls that change it. `run` keeps the screen busy while a call
 * goes on; when it fails, the status is read again (the rotation saved why it stopped) and the
 * error shown with it.
 */
export function useKeyRotation() {
  const [state, dispatch] = useReducer(reduce, START);

  const refresh = useCallback(async () => {
    const result = await invoke('rotation.status', {});
    dispatch({ type: 'answered', result });
  }, []);

  useEffect(() => {
    void invoke('rotation.status', {}).then((result) => dispatch({ type: 'answered', result }));
    return window.assistant.on('progress', (p) => {
      if (p.task === 'rotation') dispatch({ type: 'progress', message: p.message });
    });
  }, []);

  const run: Run = useCallback(
    async (work) => {
      dispatch({ type: 'started' });
      const r = await work();
      dispatch({ type: 'stopped' });
      if (!r.ok) {
        // The rotation saved why it stopped: show it with Try again / Undo, from fresh status.
        await refresh();
        dispatch({ type: 'failed', error: r.error });
        return false;
      }
      dispatch({ type: 'answered', result: r });
      return true;
    },
    [refresh],
  );

  async function undo(oldKeyIdMasked: string) {
    if (await run(() => invoke('rotation.rollback', { confirm: true })))
      dispatch({ type: 'undone', oldKeyIdMasked });
  }

  const saved = useCallback((status: KeyStatus) => dispatch({ type: 'saved', status }), []);

  return { ...state, run, refresh, undo, saved };
}
