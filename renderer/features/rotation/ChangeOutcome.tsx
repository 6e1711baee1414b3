import { fmtDay, type RotationProgress } from './key-status';

/** How the last change ended: undone (back on the old key), or done (the old key deleted). */
export function ChangeOutcome({
  done,
  undoneTo,
}: {
  done: RotationProgress | null;
  undoneTo: string | null;
}) {
  return (
    <>
      {undoneTo && (
        <section className="panel good" role="status" aria-labelledby="undone-title">
          <h2 id="undone-title">Undone: you are back on your old key {undoneTo}</h2>
          <p>Put the old SMTP password back anywhere you changed it.</p>
        </section>
      )}
      {done && (
        <section className="panel good" aria-labelledby="done-title">
          <h2 id="done-title">Your key was changed</h2>
          <p>
            The old key {done.oldKeyIdMasked} was deleted on {fmtDay(done.finishedAt!)}. The assistant and
            your apps now use {done.newKeyIdMasked}.
          </p>
        </section>
      )}
    </>
  );
}
