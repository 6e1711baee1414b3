import { useState, type FormEvent } from 'react';
import type { AssistantError } from '../../../electron/ipc/contract';
import { emailAddress } from '../../../electron/ipc/schemas';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field, problemOf } from '../../components/Field';
import type { Reason } from './words';

/** "Add an address yourself": someone who asked not to be mailed, or an address known to be dead. */
export function AddAddress({
  region,
  onAdded,
  ask,
}: {
  region: string;
  onAdded: () => void;
  ask: (error: AssistantError, retry: () => Promise<void>) => boolean;
}) {
  const [address, setAddress] = useState('');
  const [reason, setReason] = useState<Reason>('COMPLAINT');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AssistantError | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const problem = problemOf(emailAddress, address.trim());

  async function add(event?: FormEvent) {
    event?.preventDefault();
    if (!address.trim() || problem) return;
    setBusy(true);
    const r = await invoke('suppression.add', { address: address.trim(), reason });
    setBusy(false);
    if (r.ok) {
      setAdded(address.trim());
      setAddress('');
      setError(null);
      onAdded();
    } else if (!ask(r.error, () => add())) setError(r.error);
  }

  return (
    <details className="suppression-add">
      <summary>Add an address yourself</summary>
      <p className="muted">
        For someone who asked you to stop writing, or an address you know is dead: SES will not send to it
        {region ? ` from ${region}` : ''}, whatever your apps ask.
      </p>
      <form onSubmit={add} noValidate aria-busy={busy}>
        <Field id="suppression-add-address" label="Address" hint="The whole address." problem={problem}>
          <input id="suppression-add-address" value={address} onChange={(e) => setAddress(e.target.value)} />
        </Field>
        <div className="field">
          <label htmlFor="suppression-add-reason">Why</label>
          <select
            id="suppression-add-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value as Reason)}
            aria-describedby="suppression-add-reason-hint"
          >
            <option value="COMPLAINT">They do not want my mail (complaint)</option>
            <option value="BOUNCE">The address does not work (bounce)</option>
          </select>
          <small id="suppression-add-reason-hint">Only changes how the list shows why it is there.</small>
        </div>
        <div className="button-row">
          <button type="submit" disabled={busy || !address.trim() || !!problem}>
            {busy ? 'Adding…' : 'Add to the list'}
          </button>
        </div>
      </form>
      {added && <p role="status">{added} is on the list now.</p>}
      {error && <ErrorPanel error={error} />}
    </details>
  );
}
