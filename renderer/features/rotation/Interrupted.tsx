import { useCallback, useRef, useState } from 'react';
import { invoke } from '../../app/api';
import { AdminAccess } from '../../components/AdminAccess';
import { ErrorPanel } from '../../components/ErrorPanel';
import { WORK, type KeyStatus, type RotationProgress, type Run } from './key-status';

/** A change that stopped on an error: where it stopped, which key works, and the fix that goes on. */
export function Interrupted({
  status,
  rotation: r,
  busy,
  run,
}: {
  status: KeyStatus;
  rotation: RotationProgress;
  busy: boolean;
  run: Run;
}) {
  const error = r.error!;
  const needsAdmin = error.code === 'ROTATION_NEEDS_ADMIN' || error.code === 'ADMIN_NEEDED';
  const [adminOpen, setAdminOpen] = useState(status.adminAvailable);
  // Admin keys given in the form below are given to continue: the change goes on by itself then.
  const wasOpen = useRef<boolean | null>(null);
  const onAdmin = useCallback(
    (a: unknown) => {
      const open = a !== null;
      if (open && wasOpen.current === false) void run(() => invoke('rotation.resume', { useAdmin: true }));
      wasOpen.current = open;
      setAdminOpen(open);
    },
    [run],
  );
  return (
    <ErrorPanel error={error}>
      <p className="muted">
        The key change stopped while it was at “{WORK.find((w) => w.phase === r.phase)?.label.toLowerCase()}”.
        Your
        {r.phase === 'handover' || WORK.findIndex((w) => w.phase === r.phase) > 3 ? ' new' : ' current'} key
        is in your keychain and works.
      </p>
      {needsAdmin && (
        <AdminAccess
          region={r.region}
          why="With admin keys the assistant can make the new key for you, just this once."
          onChange={onAdmin}
        />
      )}
      <div className="actions">
        {needsAdmin ? (
          adminOpen && (
            <button
              className="primary"
              disabled={busy}
              onClick={() => void run(() => invoke('rotation.resume', { useAdmin: true }))}
            >
              Continue with these admin keys
            </button>
          )
        ) : error.code === 'ROTATION_SECOND_KEY' ? (
          <button
            className="danger"
            disabled={busy}
            onClick={() => void run(() => invoke('rotation.resume', { removeActiveExtraKey: true }))}
          >
            Remove the other key and continue
          </button>
        ) : (
          <button
            className="primary"
            disabled={busy}
            onClick={() => void run(() => invoke('rotation.resume', {}))}
          >
            {busy ? 'Trying again…' : 'Try again'}
          </button>
        )}
      </div>
    </ErrorPanel>
  );
}
