import { useState, type FormEvent } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { feedbackIdentity } from '../../../electron/ipc/inputs/feedback';
import { invoke } from '../../app/api';
import { AdminAccess } from '../../components/AdminAccess';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field, problemOf } from '../../components/Field';

type Status = OutputOf<'feedback.status'>;

/**
 * The set-up form: which senders, whether to record deliveries, with admin access for a moment.
 * Shown when nothing is set up, and again when the queue is gone or the key was refused.
 */
export function FeedbackSetup({
  status,
  again,
  onDone,
}: {
  status: Status;
  again: boolean;
  onDone: (status: Status) => void;
}) {
  const known = status.knownIdentities;
  const [chosen, setChosen] = useState<string[]>(status.setup?.identities ?? known.slice(0, 1));
  const [typed, setTyped] = useState('');
  const [deliveries, setDeliveries] = useState(status.setup?.deliveries ?? false);
  const [adminOpen, setAdminOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AssistantError | null>(null);

  const extra = typed.trim();
  const problem = extra ? problemOf(feedbackIdentity, extra) : null;
  const identities = [...new Set([...chosen, ...(extra && !problem ? [extra] : [])])];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!identities.length || problem) return;
    setBusy(true);
    const r = await invoke('feedback.setup', { identities, deliveries });
    setBusy(false);
    if (r.ok) {
      setError(null);
      onDone(r.value);
    } else setError(r.error);
  }

  const toggle = (identity: string) =>
    setChosen((c) => (c.includes(identity) ? c.filter((i) => i !== identity) : [...c, identity]));

  return (
    <section className="panel" aria-labelledby="feedback-setup-title">
      <h2 id="feedback-setup-title">{again ? 'Set up again' : 'Set up bounces and complaints'}</h2>
      <p>
        The assistant creates a private, encrypted queue in your AWS account (Amazon SQS) and has SES put
        every bounce and complaint of your senders in it. This app reads the queue itself, while it is open
        and every 15 minutes from the tray: you need no web server of your own.
      </p>
      <AdminAccess
        region={status.region}
        why="Creating the queue and letting the sending user read it needs admin rights for a moment; the sending user is deliberately not allowed to."
        onChange={(a) => setAdminOpen(!!a)}
      />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        {known.length > 0 && (
          <fieldset className="feedback-group">
            <legend>Senders to watch in {status.region}</legend>
            {known.map((identity) => (
              <label key={identity} className="feedback-check">
                <input
                  type="checkbox"
                  checked={chosen.includes(identity)}
                  onChange={() => toggle(identity)}
                />{' '}
                {identity}
              </label>
            ))}
          </fieldset>
        )}
        <Field
          id="feedback-identity"
          label={
            known.length ? 'Another verified domain or address (optional)' : 'Verified domain or address'
          }
          hint="One that SES shows as verified in this region."
          problem={problem}
        >
          <input
            id="feedback-identity"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder="example.com"
          />
        </Field>
        <label className="feedback-check">
          <input type="checkbox" checked={deliveries} onChange={(e) => setDeliveries(e.target.checked)} />{' '}
          Also record every delivered message (many events for a busy sender)
        </label>
        <div className="actions">
          <button
            type="submit"
            className="primary"
            disabled={busy || !adminOpen || identities.length === 0 || !!problem}
          >
            {busy ? 'Setting up…' : again ? 'Set up again' : 'Set up bounces and complaints'}
          </button>
        </div>
      </form>
      {error && <ErrorPanel error={error} />}
    </section>
  );
}
