import type { AssistantError, MissingRightsError } from '../../electron/ipc/contract';
import { ErrorPanel } from './ErrorPanel';

/** The ways to go on without admin keys, where the screen has them (the Connect step). */
export interface OtherWays {
  /** Connect with an access key the person already has, instead of creating a sending user. */
  useKey(): void;
  /** Create the sending user in the AWS console, with the assistant's steps. */
  console(): void;
}

const missingOf = (error: AssistantError) =>
  error.code === 'ADMIN_MISSING_RIGHTS' ? ((error as MissingRightsError).missing ?? []) : [];

/**
 * A refusal of admin keys as a person reads it: the sentence and the fix first, then the other ways
 * to go on (where there are some), and the missing permissions folded away for whoever wants them.
 */
export function AdminRefusal({ error, otherWays }: { error: AssistantError; otherWays?: OtherWays }) {
  const missing = missingOf(error);
  const count = new Set(missing.flatMap((l) => l.missing)).size;
  return (
    <ErrorPanel error={error}>
      {otherWays && error.code === 'ADMIN_MISSING_RIGHTS' && (
        <>
          <p>
            Or go on without admin keys: connect with an access key you already have (one that may send
            email), or create the sending user yourself in the AWS console, step by step.
          </p>
          <div className="actions">
            <button type="button" onClick={otherWays.useKey}>
              Use an existing access key instead
            </button>
            <button type="button" onClick={otherWays.console}>
              Set it up in the AWS console
            </button>
          </div>
        </>
      )}
      {count > 0 && (
        <details className="missing-rights">
          <summary>Which rights are missing ({count})</summary>
          <ul>
            {missing.map((limit) => (
              <li key={limit.feature}>
                To {limit.doing}: {limit.missing.join(', ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </ErrorPanel>
  );
}
