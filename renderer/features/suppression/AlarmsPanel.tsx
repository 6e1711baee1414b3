import { useEffect, useState, type FormEvent } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { emailAddress } from '../../../electron/ipc/schemas';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field, problemOf } from '../../components/Field';
import { AdminNeeded } from './AdminNeeded';
import { useAdminRetry } from './useAdminRetry';
import { ALARM_WORDS, when } from './words';
import './suppression.css';

type View = OutputOf<'suppression.alarms'>;

const KIND_WORDS = { bounce: 'Bounces', complaint: 'Complaints' } as const;

/**
 * "Alarms on your bounce and complaint rates": CloudWatch alarms on the account's bounce and complaint rates that
 * email the person, set up with admin access, and their state now.
 */
export function AlarmsPanel() {
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const admin = useAdminRetry();
  const { ask } = admin;
  const problem = problemOf(emailAddress, address.trim());

  useEffect(() => {
    let live = true;
    const read = async () => {
      const r = await invoke('suppression.alarms', {});
      if (!live) return;
      if (r.ok) setView(r.value);
      else if (!ask(r.error, read, { onlyOffer: true })) setError(r.error);
    };
    void read();
    return () => {
      live = false;
    };
  }, [ask]);

  async function create(event?: FormEvent) {
    event?.preventDefault();
    if (!address.trim() || problem) return;
    setBusy(true);
    const r = await invoke('suppression.createAlarms', { notifyAddress: address.trim() });
    setBusy(false);
    if (r.ok) {
      setView(r.value);
      setError(null);
    } else if (!ask(r.error, () => create())) setError(r.error);
  }

  const firing = view?.alarms.some((a) => a.state === 'ALARM');
  return (
    <section className={`panel alarms ${firing ? 'warn' : ''}`} aria-labelledby="alarms-title">
      <h2 id="alarms-title">Alarms on your bounce and complaint rates</h2>
      <p className="muted">
        AWS watches how much of your mail bounces and how often people mark it as spam, and advises staying
        below a line. Further up it puts the account under review; further still it can pause your sending. An
        alarm emails you before the review, while there is still time to clean your lists.
      </p>
      {view && (
        <table className="alarm-lines">
          <caption className="visually-hidden">Where you are warned, and where AWS acts</caption>
          <thead>
            <tr>
              <th scope="col">Rate</th>
              <th scope="col">AWS advises below</th>
              <th scope="col">You are warned at</th>
              <th scope="col">AWS reviews at</th>
              <th scope="col">AWS may pause at</th>
            </tr>
          </thead>
          <tbody>
            {view.lines.map((l) => (
              <tr key={l.kind}>
                <th scope="row">{KIND_WORDS[l.kind]}</th>
                <td>{l.adviseBelow}</td>
                <td>{l.warnAt}</td>
                <td>{l.reviewAt}</td>
                <td>{l.pauseAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {view && view.alarms.length > 0 && (
        <>
          <ul className="alarm-list">
            {view.alarms.map((a) => (
              <li key={a.name}>
                <strong>{KIND_WORDS[a.kind]}</strong> (warns at {a.thresholdWords}):{' '}
                <span className={`badge ${ALARM_WORDS[a.state].tone}`}>{ALARM_WORDS[a.state].word}</span>
                {a.since && <span className="muted"> since {when(a.since)}</span>}
                {a.state === 'ALARM' && (
                  <p>
                    Stop mailing the addresses that bounced or complained (the list above shows them), and
                    look at where the latest addresses came from before sending more.
                  </p>
                )}
              </li>
            ))}
          </ul>
          <p className="muted">
            {view.notifyAddress
              ? `The alarms email ${view.notifyAddress}. AWS first sends that address an email titled “AWS Notification - Subscription Confirmation”: click its link, or no alarm email will arrive.`
              : 'The alarms email the address given when they were set up.'}{' '}
            The assistant also shows a notice while it runs in the tray.
          </p>
        </>
      )}

      {view && view.alarms.length === 0 && (
        <form onSubmit={create} noValidate aria-busy={busy}>
          <p>
            <strong>No alarms are set up{view.region ? ` in ${view.region}` : ''}.</strong> Setting them up
            creates two CloudWatch alarms and a topic (Amazon SNS) that emails you, in your AWS account
            (listed under “What this app created”, where you can remove them). CloudWatch alarms may cost a
            little; see the AWS pricing page.
          </p>
          <Field
            id="alarm-address"
            label="Email the alarms to"
            hint="An address someone reads. AWS will first send it an email to confirm."
            problem={problem}
          >
            <input id="alarm-address" value={address} onChange={(e) => setAddress(e.target.value)} />
          </Field>
          <div className="button-row">
            <button type="submit" disabled={busy || !address.trim() || !!problem}>
              {busy ? 'Setting up…' : 'Set up the alarms'}
            </button>
          </div>
        </form>
      )}

      <AdminNeeded
        admin={admin}
        region={view?.region ?? ''}
        offerLabel="Give admin access to see the alarms"
      />
      {error && <ErrorPanel error={error} />}
      {view && (
        <p className="muted small-print">
          Where AWS reviews and pauses accounts: from its documentation, checked {view.asOf}.
        </p>
      )}
    </section>
  );
}
