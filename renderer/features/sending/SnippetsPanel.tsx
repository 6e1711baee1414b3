import { useEffect, useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { CopyButton } from '../../components/CopyButton';
import { ErrorPanel } from '../../components/ErrorPanel';

type Snippets = OutputOf<'snippets.list'>;

/**
 * Code for the person's own server, which runs as shown once saved beside its .env file. The .env
 * with the SMTP password is copied by the main process ("Copy .env with your password"): the
 * password never reaches this page. The API code needs an access key the assistant does not hand
 * out; the .env says where one comes from.
 */
export function SnippetsPanel({ passwordAvailable }: { passwordAvailable: boolean }) {
  const [snippets, setSnippets] = useState<Snippets | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [chosen, setChosen] = useState('node-smtp');

  useEffect(() => {
    void invoke('snippets.list', {}).then((r) => {
      if (r.ok) setSnippets(r.value);
      else setError(r.error);
    });
  }, []);

  if (error) return <ErrorPanel error={error} />;
  if (!snippets) return <p className="muted">Preparing code for your apps…</p>;
  const env = snippets.find((s) => s.id === 'env');
  const code = snippets.filter((s) => s.id !== 'env');
  const snippet = code.find((s) => s.id === chosen) ?? code[0];
  if (!env || !snippet) return null;

  return (
    <section className="panel snippets" aria-labelledby="snippets-title">
      <h2 id="snippets-title">Code for your own apps</h2>
      <p>
        Save the code and a file named <code>.env</code> in the same folder, install what the first line of
        the code says, and run it. SMTP code is recommended: its password can only send mail, and only in this
        region.
      </p>
      <ol className="snippet-steps">
        <li>
          <strong>The .env file.</strong>{' '}
          {passwordAvailable
            ? 'Copy it with your user name and SMTP password filled in. Keep it private: anyone with it can send mail as you.'
            : 'Fill in the SMTP user name and password yourself (this connection cannot make them).'}
          <div className="actions">
            {passwordAvailable && <EnvCopy />}
            <CopyButton text={env.code} label="Copy the empty .env" />
          </div>
          <details>
            <summary>Show the .env file (without the password)</summary>
            <pre className="code" tabIndex={0} aria-label={env.title}>
              {env.code}
            </pre>
          </details>
        </li>
        <li>
          <strong>The code.</strong>
          <div className="field">
            <label htmlFor="snippet-choice">Language</label>
            <select id="snippet-choice" value={snippet.id} onChange={(e) => setChosen(e.target.value)}>
              {code.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
          {snippet.title.includes('(API)') && (
            <p className="muted" data-testid="api-note">
              The API code needs an access key and its secret, which the assistant does not hand out: the .env
              file says where to get one. On an AWS server, an IAM role does instead.
            </p>
          )}
          <pre className="code" tabIndex={0} aria-label={snippet.title}>
            {snippet.code}
          </pre>
          <CopyButton text={snippet.code} label="Copy the code" />
        </li>
      </ol>
    </section>
  );
}

/** The .env with the secret filled in, copied in the main process; only "Copied" comes back. */
function EnvCopy() {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        className="copy"
        onClick={() =>
          void invoke('snippets.copyEnv', {}).then((r) => {
            setState(r.ok ? 'copied' : 'failed');
            setTimeout(() => setState('idle'), 1500);
          })
        }
      >
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Could not copy'
            : 'Copy .env with your password'}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Copied to the clipboard' : ''}
      </span>
    </>
  );
}
