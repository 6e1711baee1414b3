import { useState } from 'react';
import { Handover } from './Handover';
import { Interrupted } from './Interrupted';
import { Paused } from './Paused';
import { UndoChange } from './UndoChange';
import { WORK, type KeyStatus, type RotationProgress, type Run } from './key-status';

/**
 * A change under way: the steps with the current one marked, then what it waits for (nothing while
 * it works; a fix when it stopped; the person updating their apps at the hand-over; a Continue when
 * the app was closed mid-way), and the way back to the old key while there still is one.
 */
export function InProgress({
  status,
  rotation: r,
  busy,
  progress,
  run,
  refresh,
  undo,
}: {
  status: KeyStatus;
  rotation: RotationProgress;
  busy: boolean;
  progress: string | null;
  run: Run;
  refresh: () => Promise<void>;
  undo: (oldKeyIdMasked: string) => Promise<void>;
}) {
  // Held here, not in the undo panel: it stays open across a failed undo (the panel hides while busy).
  const [confirmUndo, setConfirmUndo] = useState(false);
  const current = WORK.findIndex((w) => w.phase === r.phase);
  return (
    <>
      <ol className="rotation-steps" aria-label="Steps of the key change">
        {WORK.map((w, i) => (
          <li
            key={w.phase}
            className={i < current ? 'done' : i === current ? 'current' : undefined}
            aria-current={i === current ? 'step' : undefined}
          >
            {w.label}
          </li>
        ))}
      </ol>
      {busy && (
        <p role="status" className="muted">
          {progress ?? 'Working with AWS…'}
        </p>
      )}
      {busy ? null : r.error ? (
        <Interrupted status={status} rotation={r} busy={busy} run={run} />
      ) : r.phase === 'handover' ? (
        <Handover status={status} rotation={r} busy={busy} run={run} refresh={refresh} />
      ) : (
        <Paused run={run} />
      )}
      {r.canRollBack && !busy && (
        <UndoChange rotation={r} confirming={confirmUndo} onConfirming={setConfirmUndo} undo={undo} />
      )}
    </>
  );
}
