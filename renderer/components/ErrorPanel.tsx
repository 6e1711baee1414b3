import { useId, type ReactNode } from 'react';
import type { AssistantError } from '../../electron/ipc/contract';

/** A failure as a person reads it: what happened, why, what to do. */
export function ErrorPanel({ error, children }: { error: AssistantError; children?: ReactNode }) {
  // Several panels may share a screen: each needs its own id for aria-labelledby.
  const titleId = useId();
  return (
    <section className="panel error" role="alert" aria-labelledby={titleId}>
      <h2 id={titleId}>{error.title}</h2>
      <p>{error.explanation}</p>
      <p>
        <strong>What to do: </strong>
        {error.fix}
      </p>
      {children}
    </section>
  );
}
