import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { emailAddress } from '../../../electron/ipc/schemas';
import { invoke } from '../../app/api';
import { BounceNotifications } from '../notifications/BounceNotifications';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field, problemOf } from '../../components/Field';
import { StepHeading } from '../../components/StepHeading';
import { useAssistant } from '../../app/store';

type Sender = OutputOf<'send.senders'>[number];
type Simulator = OutputOf<'send.simulatorAddresses'>[number];
type SendResult = OutputOf<'send.test'>;
type Via = 'api' | 'smtp';

const OTHER = '__other__';

/**
 * Send one message and see it go: from a verified sender, over the API or SMTP, to a verified
 * address or an address of the SES mailbox simulator. Then the MessageId and the time it took, or
 * the failure explained with its fix, and the bounce and complaint notifications for the sender.
 */
export function TestSendStep() {
  const { app, goTo } = useAssistant();
  const region = app?.region ?? 'us-east-1';
  const [senders, setSenders] = useState<Sender[] | null>(null);
  const [simulator, setSimulator] = useState<Simulator[]>([]);
  const [loadError, setLoadError] = useState<AssistantError | null>(null);

  const [via, setVia] = useState<Via>('api');
  const [port, setPort] = useState<587 | 465>(587);
  const [identity, setIdentity] = useState('');
  const [localPart, setLocalPart] = useState('test');
  const [otherFrom, setOtherFrom] = useState('');
  const [to, setTo] = useState('');
  const [otherTo, setOtherTo] = useState('');
  const [subject, setSubject] = useState('');

  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SendResult | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  // The addresses of the last send, so a fix offered for a failure names what was sent, not what is typed now.
  const [attempt, setAttempt] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [touched, setTouched] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // The outcome appears below a long form: bring it into view so the person sees what happened.
  useEffect(() => {
    if (result || error) outcomeRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [result, error]);

  useEffect(() => {
    void invoke('send.simulatorAddresses', {}).then((r) => {
      if (!r.ok) return;
      setSimulator(r.value);
      setTo((current) => current || r.value[0]?.address || '');
    });
    void invoke('send.senders', {}).then((r) => {
      if (!r.ok) {
        setLoadError(r.error);
        setSenders([]);
        return;
      }
      setSenders(r.value);
      const first = r.value.find((s) => s.verified);
      setIdentity(first ? first.identity : OTHER);
    });
  }, []);

  const verified = (senders ?? []).filter((s) => s.verified);
  const chosen = verified.find((s) => s.identity === identity);
  const from =
    identity === OTHER || !chosen
      ? otherFrom.trim()
      : chosen.kind === 'domain'
        ? `${localPart.trim()}@${chosen.identity}`
        : chosen.identity;
  const recipient = to === OTHER ? otherTo.trim() : to;
  const fromProblem = problemOf(emailAddress, from);
  const toProblem = problemOf(emailAddress, recipient);
  const ready = from && recipient && !fromProblem && !toProblem;
  const verifiedAddresses = verified.filter((s) => s.kind === 'address');
  // Notifications belong to a verified identity: a typed, unverified address has none to show.
  const notificationIdentity = chosen?.identity ?? '';

  async function send(event?: FormEvent) {
    event?.preventDefault();
    setTouched(true);
    if (!ready || busy) return;
    setBusy(true);
    setResult(null);
    setError(null);
    setAttempt({ from, to: recipient });
    const r = await invoke('send.test', {
      via,
      from,
      to: recipient,
      ...(subject.trim() ? { subject: subject.trim() } : {}),
      ...(via === 'smtp' ? { port } : {}),
    });
    setBusy(false);
    if (r.ok) setResult(r.value);
    else setError(r.error);
  }

  return (
    <section className="step">
      <StepHeading
        title="Send a test message"
        why="A test proves the whole path works: your sender is verified, your key may send, and mail leaves the way your apps will send it."
      />
      {loadError && <ErrorPanel error={loadError} />}
      <form className="panel" onSubmit={send} noValidate aria-busy={busy}>
        <fieldset className="choice">
          <legend>How should the message go?</legend>
          <label>
            <input type="radio" name="via" checked={via === 'api'} onChange={() => setVia('api')} />
            <span>
              <strong>Through the SES API</strong>
              <small>How programs using an AWS SDK send. Uses your access key directly.</small>
            </span>
          </label>
          <label>
            <input type="radio" name="via" checked={via === 'smtp'} onChange={() => setVia('smtp')} />
            <span>
              <strong>Over SMTP</strong>
              <small>
                How WordPress, contact forms and mail programs send: the SMTP server of {region} with your
                SMTP password.
              </small>
            </span>
          </label>
        </fieldset>
        {via === 'smtp' && (
          <Field id="smtp-port" label="Port" hint="587 is usual. If your network blocks it, try 465.">
            <select
              id="smtp-port"
              value={port}
              onChange={(e) => setPort(Number(e.target.value) === 465 ? 465 : 587)}
            >
              <option value={587}>587 (STARTTLS, recommended)</option>
              <option value={465}>465 (TLS from the start)</option>
            </select>
          </Field>
        )}

        <Field
          id="send-from"
          label="From"
          hint={
            senders === null
              ? 'Looking for your verified senders…'
              : verified.length
                ? `Only addresses and domains verified in ${region} can send.`
                : `No verified sender in ${region} yet. Verify one in the DNS step, or type an address you verified in the AWS console.`
          }
        >
          <select id="send-from" value={identity} onChange={(e) => setIdentity(e.target.value)}>
            {verified.map((s) => (
              <option key={s.identity} value={s.identity}>
                {s.kind === 'domain' ? `Any address at ${s.identity}` : s.identity}
              </option>
            ))}
            <option value={OTHER}>Another address…</option>
          </select>
        </Field>
        {chosen?.kind === 'domain' && (
          <Field
            id="send-from-local"
            label={`Address before @${chosen.identity} (for example hello)`}
            hint="Any address at this domain can send, since the domain is verified."
            problem={touched ? fromProblem : null}
          >
            <input id="send-from-local" value={localPart} onChange={(e) => setLocalPart(e.target.value)} />
          </Field>
        )}
        {(identity === OTHER || !chosen) && senders !== null && (
          <Field
            id="send-from-other"
            label="Sender address"
            hint="It must be verified (or its domain) in this region."
            problem={fromProblem}
          >
            <input
              id="send-from-other"
              value={otherFrom}
              onChange={(e) => setOtherFrom(e.target.value)}
              placeholder="you@example.com"
            />
          </Field>
        )}

        <fieldset className="choice recipients">
          <legend>Send it to</legend>
          {simulator.map((s) => (
            <label key={s.address}>
              <input type="radio" name="to" checked={to === s.address} onChange={() => setTo(s.address)} />
              <span>
                <strong>
                  Simulator: {s.label} <code>{s.address}</code>
                </strong>
                <small>{s.meaning}</small>
              </span>
            </label>
          ))}
          {verifiedAddresses.map((s) => (
            <label key={s.identity}>
              <input type="radio" name="to" checked={to === s.identity} onChange={() => setTo(s.identity)} />
              <span>
                <strong>{s.identity}</strong>
                <small>A verified address of yours: the message should arrive in its inbox.</small>
              </span>
            </label>
          ))}
          <label>
            <input type="radio" name="to" checked={to === OTHER} onChange={() => setTo(OTHER)} />
            <span>
              <strong>Another address</strong>
              <small>In the sandbox it must be verified first; the assistant offers to do it.</small>
            </span>
          </label>
        </fieldset>
        {to === OTHER && (
          <Field
            id="send-to-other"
            label="Recipient address"
            hint="Where the test should go."
            problem={toProblem}
          >
            <input
              id="send-to-other"
              value={otherTo}
              onChange={(e) => setOtherTo(e.target.value)}
              placeholder="someone@example.com"
            />
          </Field>
        )}
        <Field
          id="send-subject"
          label="Subject (optional)"
          hint="Leave empty for “Test message from the SES Setup Assistant”."
        >
          <input id="send-subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
        </Field>
        {touched && !ready && <p className="problem">Choose a sender and a recipient first.</p>}
        <div className="actions">
          <button className="primary" type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Send test message'}
          </button>
        </div>
        {busy && (
          <p role="status" className="muted">
            Handing the message to Amazon SES{' '}
            {via === 'smtp' ? `over SMTP on port ${port}` : 'through the API'}…
          </p>
        )}
      </form>

      <div ref={outcomeRef}>
        {result && (
          <SentPanel result={result} outcome={simulator.find((s) => s.outcome === result.simulatorOutcome)} />
        )}
        {error && (
          <ErrorPanel error={error}>
            {error.code === 'RECIPIENT_NOT_VERIFIED' && (
              <VerifyAddress key={attempt.to} address={attempt.to} onVerified={() => void send()} />
            )}
            {error.code === 'SENDER_NOT_VERIFIED' && attempt.from && (
              <VerifyAddress key={attempt.from} address={attempt.from} onVerified={() => void send()} />
            )}
            {error.code === 'SMTP_AUTH' && (
              <div className="actions">
                <button type="button" className="primary" onClick={() => void goTo('connect')}>
                  Use different keys
                </button>
              </div>
            )}
          </ErrorPanel>
        )}
      </div>

      {notificationIdentity && (
        <BounceNotifications key={notificationIdentity} identity={notificationIdentity} region={region} />
      )}

      <p className="muted">
        {result
          ? 'Next: your sending works. To send to anyone, ask AWS to take your account out of the sandbox.'
          : 'Next: send a test above. To send to anyone, not only verified addresses, ask AWS to take your account out of the sandbox.'}
      </p>
      <div className="actions">
        {/* While a failure is shown, its fix is the main thing to do: moving on is not. */}
        <button className={error ? undefined : 'primary'} type="button" onClick={() => void goTo('sandbox')}>
          Continue: leave the sandbox
        </button>
        <button type="button" onClick={() => void goTo('dashboard')}>
          Go to the dashboard
        </button>
      </div>
    </section>
  );
}

/**
 * What SES did with the message. A simulator outcome is named in the title (a bounce "as expected"),
 * and one SES reports back is not shown in green: it is the test working, not a delivery.
 */
function SentPanel({ result, outcome }: { result: SendResult; outcome?: Simulator }) {
  return (
    <section className={outcome?.notice ? 'panel' : 'panel good'} role="status" aria-labelledby="sent-title">
      <h2 id="sent-title">{outcome?.acceptedTitle ?? 'SES accepted the message'}</h2>
      <p>{result.meaning}</p>
      {outcome?.notice && <p>{outcome.notice}</p>}
      <dl className="facts">
        <dt>Message ID</dt>
        <dd>
          <code>{result.messageId}</code>
        </dd>
        <dt>Took</dt>
        <dd>{formatMs(result.tookMs)}</dd>
        <dt>Sent</dt>
        <dd>
          {result.via === 'api' ? 'through the SES API' : `over SMTP (port ${result.port})`}, from{' '}
          {result.from} to {result.to}, in {result.region}
        </dd>
      </dl>
      <p className="muted">
        The message ID is how AWS support and your logs name this message, if you ever need to trace it.
      </p>
    </section>
  );
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} seconds`;
}

/** The offer to verify an address the send needed: an unverified sender, or a recipient in the sandbox (SES mails it a link). */
function VerifyAddress({ address, onVerified }: { address: string; onVerified: () => void }) {
  const [state, setState] = useState<OutputOf<'send.verifyRecipient'> | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [busy, setBusy] = useState(false);
  if (state)
    return state.verified ? (
      <div>
        <p>
          <strong>{address} is verified now.</strong> You can send to it.
        </p>
        <button type="button" className="primary" onClick={onVerified}>
          Send the test again
        </button>
      </div>
    ) : (
      <p>
        <strong>AWS has sent a verification email to {address}.</strong> Open it and click the link within 24
        hours, then send the test again.
      </p>
    );
  return (
    <div>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void invoke('send.verifyRecipient', { address }).then((r) => {
            setBusy(false);
            if (r.ok) setState(r.value);
            else setError(r.error);
          });
        }}
      >
        {busy ? 'Asking AWS…' : `Verify ${address}`}
      </button>
      {error && (
        <p className="problem">
          {error.title}. {error.fix}
        </p>
      )}
    </div>
  );
}
