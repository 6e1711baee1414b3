import type { OutputOf } from '../../../electron/ipc/contract';

type Draft = OutputOf<'sandbox.draft'>;

/** The request as the assistant drafts it from the answers, with its length against the limit. */
export function DraftPanel({ draft }: { draft: Draft | null }) {
  return (
    <section className="panel draft" aria-labelledby="draft-title">
      <h2 id="draft-title">Your request, as drafted</h2>
      {!draft?.text.trim() ? (
        <p className="muted">Your request appears here as you answer the questions.</p>
      ) : (
        <>
          <pre className="draft-text" aria-live="polite">
            {draft.text}
          </pre>
          <p className="muted">
            {draft.length.toLocaleString('en-US')} of {draft.max.toLocaleString('en-US')} characters.
          </p>
        </>
      )}
    </section>
  );
}
