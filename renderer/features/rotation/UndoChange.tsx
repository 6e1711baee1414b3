import type { RotationProgress } from './key-status';

/** Going back to the old key, asked for once more before it is done. */
export function UndoChange({
  rotation: r,
  confirming,
  onConfirming,
  undo,
}: {
  rotation: RotationProgress;
  confirming: boolean;
  onConfirming: (confirming: boolean) => void;
  undo: (oldKeyIdMasked: string) => Promise<void>;
}) {
  return (
    <section className="undo">
      {confirming ? (
        <div className="panel warn" role="group" aria-labelledby="undo-title">
          <h2 id="undo-title">Undo the change and keep your old key?</h2>
          <p>
            The assistant switches back to the old key {r.oldKeyIdMasked} and deletes the new one
            {r.newKeyIdMasked ? ` (${r.newKeyIdMasked})` : ''}. If you already pasted the new SMTP password
            somewhere, put the old one back there.
          </p>
          <div className="actions">
            <button className="danger" onClick={() => void undo(r.oldKeyIdMasked)}>
              Yes, undo and keep my old key
            </button>
            <button onClick={() => onConfirming(false)}>Keep going</button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => onConfirming(true)}>
          Undo and keep my old key
        </button>
      )}
    </section>
  );
}
