import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { emailAddress } from '../../../electron/ipc/schemas';
import { invoke } from '../../app/api';
import { AdminAccess } from '../../components/AdminAccess';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field, problemOf } from '../../components/Field';

type Status = OutputOf<'notifications.status'>;

/**
 * Bounces and complaints of one sender, also by email: whether SES sends them to a topic, whether
 * the email subscription to it is confirmed (the step people miss), and setting it up with admin
 * access. Part of the Bounces and complaints screen, which reads the same topic into its queue.
 */
export function BounceNotifications({ identity, region }: { identity: string; region: string }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [adminOpen, setAdminOpen] = useState(false);

  const refresh = useCallback(async () => {
    const r = await invoke('notifications.status', { identity });
    if (r.ok) {
      setStatus(r.value);
      setError(null);
    } else setError(r.error);
  }, [identity]);

  useEffect(() => {
    let live = true;
    void invoke('notifications.status', { identity }).then((r) => {
      if (!live) return;
      if (r.ok) setStatus(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [identity]);

  const problem = problemOf(emailAddress, address.trim());

  async function setUp(event: FormEvent) {
    event.preventDefault();
    if (!address.trim() || problem) return;
    setBusy(true);
    const r = await invoke('notifications.setup', { identity, notifyAddress: address.trim() });
    setBusy(false);
    if (r.ok) {
      setStatus(r.value);
      setError(null);
    } else setError(r.error);
  }

  const tone = status?.state === 'confirmed' ? 'good' : status?.state === 'pending' ? 'warn' : '';
  return (
    <section className={`panel ${tone}`} aria-labelledby="bounces-by-email-title">
      <h2 id="bounces-by-email-title">Also by email, for {identity}</h2>
      <p className="muted">
        Optional: SES can also email you each bounce and complaint of {identity}, so someone hears of them
        even while this app is closed.
      </p>
      {status && (
        <>
          <p role="status">
            <strong>
              {status.state === 'confirmed'
                ? 'They are emailed to a confirmed address.'
                : status.state === 'pending'
                  ? 'Waiting for you to confirm the subscription.'
                  : 'Not emailed to anyone yet.'}
            </strong>{' '}
            {status.advice}
          </p>
          {status.subscriptions.length > 0 && (
            <ul>
              {status.subscriptions.map((s) => (
                <li key={s.endpoint}>
                  {s.endpoint}:{' '}
                  {s.state === 'confirmed'
                    ? 'confirmed'
                    : s.state === 'pending'
                      ? 'not confirmed yet — open the email from AWS and click “Confirm subscription”'
                      : 'missing'}
                </li>
              ))}
            </ul>
          )}
          {status.state === 'pending' && (
            <button type="button" onClick={() => void refresh()}>
              I clicked the link — check again
            </button>
          )}
        </>
      )}
      {status?.state === 'not-set-up' && (
        <>
          <AdminAccess
            region={region}
            why="Creating the topic (Amazon SNS) that emails them and attaching it to your sender needs admin rights; the sending user is deliberately not allowed to."
            onChange={(a) => setAdminOpen(!!a)}
          />
          <form onSubmit={setUp} noValidate aria-busy={busy}>
            <Field
              id="notify-address"
              label="Email bounces and complaints to"
              hint="An address someone reads. AWS will first send it an email to confirm."
              problem={problem}
            >
              <input
                id="notify-address"
                value={address}
                onChange={(e) => setAddress(e.target.value)}
                placeholder="postmaster@example.com"
              />
            </Field>
            <div className="actions">
              {/* Optional: never the screen's main action. */}
              <button type="submit" disabled={busy || !adminOpen || !address || !!problem}>
                {busy ? 'Setting up…' : 'Email them to this address'}
              </button>
            </div>
          </form>
        </>
      )}
      {error && <ErrorPanel error={error} />}
    </section>
  );
}
