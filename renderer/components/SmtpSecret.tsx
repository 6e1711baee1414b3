/**
 * The SMTP user name and password controls, shared by the SMTP screen and the key hand-over. The
 * password stays in the main process: copying happens there, and "Show" is one explicit request.
 */
import { useEffect, useRef, useState } from 'react';
import type { AssistantError } from '../../electron/ipc/contract';
import { invoke } from '../app/api';
import { ErrorPanel } from './ErrorPanel';

const HIDE_AFTER_MS = 60_000;

/** Copies the user name or the password in the main process; only "Copied" comes back. */
export function SmtpCopy({ what, label }: { what: 'userName' | 'password'; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  // The label goes back to idle after a moment; a control gone by then (another screen) is left alone.
  const reset = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(reset.current), []);
  return (
    <>
      <button
        type="button"
        className="copy"
        onClick={() =>
          void invoke('smtp.copy', { what }).then((r) => {
            setState(r.ok ? 'copied' : 'failed');
            clearTimeout(reset.current);
            reset.current = setTimeout(() => setState('idle'), 1500);
          })
        }
      >
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy' : label}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Copied to the clipboard' : ''}
      </span>
    </>
  );
}

/** Hidden by default; "Show" asks the main process for it after this explicit click. */
export function SmtpPasswordField({ testId }: { testId: string }) {
  const [password, setPassword] = useState<string | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function show() {
    const r = await invoke('smtp.revealPassword', { confirm: true });
    if (!r.ok) return setError(r.error);
    setError(null);
    setPassword(r.value.password);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setPassword(null), HIDE_AFTER_MS);
  }

  function hide() {
    clearTimeout(timer.current);
    setPassword(null);
  }

  // The password on a line of its own and the two buttons together on the next, the same size,
  // whether it is shown or hidden: a long shown password then never pushes one button below the other.
  return (
    <>
      {password ? (
        <code className="smtp-password block" data-testid={testId}>
          {password}
        </code>
      ) : (
        <code className="block" aria-label="Password hidden">
          ••••••••••••
        </code>
      )}
      <span className="button-row">
        <SmtpCopy what="password" label="Copy password" />
        {password ? (
          <button type="button" className="copy" onClick={hide}>
            Hide
          </button>
        ) : (
          <button type="button" className="copy" onClick={() => void show()}>
            Show
          </button>
        )}
      </span>
      {error && <ErrorPanel error={error} />}
    </>
  );
}
