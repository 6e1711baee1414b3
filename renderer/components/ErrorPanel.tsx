import type { ReactNode } from 'react';
import type { AssistantError } from '../../electron/ipc/contract';

/** A failure as a person reads it: what happened, why, what to do. */
export function ErrorPanel({ error, children }: { error: AssistantError; children?: ReactNode }) {
  return (
    <section className="panel error" role="alert" aria-labelledby="error-title">
      <h2 id="error-title">{error.title}</h2>
      <p>{error.explanation}</p>
      <p>
        <strong>What to do: </strong>
        {error.fix}
      </p>
      {children}
    </section>
  );
}
