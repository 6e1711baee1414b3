import { useState, type FormEvent } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useKeyFields } from '../../components/KeyFields';
import { useAssistant } from '../../app/store';

/**
 * "Paste an access key". `carriedKeyId` is the key ID typed in the admin form before the person chose
 * this way instead: it is filled in, and its secret is asked for again (secrets are not carried over).
 */
export function KeysForm({ region, carriedKeyId = '' }: { region: string; carriedKeyId?: string }) {
  const { connect, busy, actionError, chooseSessionOnly } = useAssistant();
  const { fields, state } = useKeyFields(region, '', actionError, carriedKeyId);
  const [touched, setTouched] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!state.ready || busy) return;
    const input = state.ready;
    // The secret stays in the page only while it is being typed: once sent, the fields are emptied.
    state.clearSecrets();
    await connect(input);
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-busy={busy}>
      {carriedKeyId && (
        <p className="muted">
          The access key ID you typed is filled in. Paste its secret access key below as well.
        </p>
      )}
      {fields}
      <p className="muted">
        Region: <strong>{region}</strong>. You can choose another region in a later step.
      </p>
      {touched && !state.complete && !actionError && (
        <p className="problem">Fill in the fields above first.</p>
      )}
      <div className="actions">
        <button className="primary" type="submit" disabled={busy}>
          {busy ? 'Checking with AWS…' : 'Test connection'}
        </button>
      </div>
      {busy && (
        <p role="status" className="muted">
          Asking AWS who this key belongs to and what it may send…
        </p>
      )}
      {actionError && actionError.code !== 'INVALID_INPUT' && (
        <ErrorPanel error={actionError}>
          {actionError.code.startsWith('KEYCHAIN_') && (
            <button type="button" onClick={() => void chooseSessionOnly()}>
              Keep keys for this session only
            </button>
          )}
        </ErrorPanel>
      )}
    </form>
  );
}
