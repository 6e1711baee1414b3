import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { domainName, emailAddress } from '../../../electron/ipc/schemas';
import type { DraftAnswers } from '../../../electron/ipc/inputs/drafts';
import { invoke } from '../../app/api';
import { useDraft } from '../../app/useDraft';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StepHeading } from '../../components/StepHeading';
import { useAssistant } from '../../app/store';

type Identity = OutputOf<'identities.status'>;

/** Waits between checks: 5 s, then doubling up to a minute, so a long DNS wait costs few calls. */
export function pollDelay(attempt: number): number {
  return Math.min(5_000 * 2 ** attempt, 60_000);
}

const WAITING: Identity['state'][] = ['pending', 'temporary-failure'];

type Typed = NonNullable<DraftAnswers<'sender'>>;
const NOTHING_TYPED: Typed = { kind: 'domain', value: '', mailFrom: '' };
const isEmpty = (t: Typed) => t.kind === 'domain' && !t.value && !t.mailFrom;

function IdentityRow({
  item,
  onRetry,
  onDns,
  busy,
}: {
  item: Identity;
  onRetry: (item: Identity) => void;
  onDns: (domain: string) => void;
  busy: boolean;
}) {
  const tone = item.state === 'verified' ? 'good' : item.state === 'failed' ? 'bad' : 'waiting';
  return (
    <li className={`identity ${tone}`} data-state={item.state}>
      <div className="identity-head">
        <strong>{item.identity}</strong>{' '}
        <span className="muted">({item.kind === 'domain' ? 'domain' : 'address'})</span>
        <span className={`badge ${tone}`}>{item.advice.label}</span>
      </div>
      <p>{item.advice.meaning}</p>
      <p>
        <strong>What to do: </strong>
        {item.advice.todo}
      </p>
      {item.mailFrom?.meaning && (
        <p className="muted" data-testid="mail-from-meaning">
          <strong>Bounce subdomain: </strong>
          {item.mailFrom.meaning}
        </p>
      )}
      {item.dkim && item.state !== 'verified' && (
        <p className="muted">
          DKIM records:{' '}
          {item.dkim.status === 'Success'
            ? 'found'
            : item.dkim.status === 'Failed'
              ? 'not found in time'
              : 'not seen yet'}
          .
        </p>
      )}
      <div className="actions">
        {item.kind === 'domain' && item.state !== 'verified' && (
          <button onClick={() => onDns(item.identity)}>Show the DNS records</button>
        )}
        {(item.state === 'failed' ||
          item.state === 'not-started' ||
          (item.kind === 'address' && item.state === 'pending')) && (
          <button onClick={() => onRetry(item)} disabled={busy}>
            {item.kind === 'address' && item.state === 'pending' ? 'Send the email again' : 'Verify again'}
          </button>
        )}
      </div>
    </li>
  );
}

/** The Sender screen: verify a domain (recommended) or one address; existing identities with their state. */
export function IdentityStep() {
  const { app, goTo } = useAssistant();
  // The app renders a step only once its state is loaded, so the region is always known here.
  const region = app?.region ?? '';
  // What the person chose and typed, kept across restarts until it is verified.
  const [typed, setTyped] = useState<Typed>(NOTHING_TYPED);
  const { kind, value, mailFrom } = typed;
  const type = (change: Partial<Typed>) => setTyped((t) => ({ ...t, ...change }));
  // The bounce subdomain is folded away: open when a restored draft has one, so it is not hidden.
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const restore = useCallback((saved: Typed) => {
    // Typed while the saved answers were on their way: newer, so it stays.
    setTyped((current) => (isEmpty(current) ? saved : current));
    if (saved.mailFrom) setAdvancedOpen(true);
  }, []);
  useDraft('sender', isEmpty(typed) ? null : typed, restore);
  const [items, setItems] = useState<Identity[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AssistantError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const open = useRef(true);

  const parsed = kind === 'domain' ? domainName.safeParse(value) : emailAddress.safeParse(value);
  const problem = value && !parsed.success ? parsed.error.issues[0]?.message : null;

  const merge = useCallback((updated: Identity) => {
    setItems((cur) => [updated, ...(cur ?? []).filter((i) => i.identity !== updated.identity)]);
  }, []);

  useEffect(() => {
    open.current = true;
    void invoke('identities.list', {}).then((r) => {
      if (!open.current) return;
      // A domain verified while the list was on its way is newer than the list: it stays.
      if (r.ok)
        setItems((cur) => [
          ...(cur ?? []),
          ...r.value.filter((listed) => !(cur ?? []).some((i) => i.identity === listed.identity)),
        ]);
      else setError(r.error);
    });
    return () => {
      open.current = false;
    };
  }, []);

  // Polls the identities still waiting, backing off, and only while this screen is open.
  const waiting = (items ?? []).filter((i) => WAITING.includes(i.state)).map((i) => i.identity);
  const waitingKey = waiting.join(',');
  useEffect(() => {
    if (!waitingKey) return;
    const timer = setTimeout(async () => {
      for (const identity of waitingKey.split(',').slice(0, 10)) {
        const r = await invoke('identities.status', { identity });
        if (!open.current) return;
        if (r.ok) setItems((cur) => (cur ?? []).map((i) => (i.identity === identity ? r.value : i)));
      }
      setAttempt((a) => a + 1);
    }, pollDelay(attempt));
    return () => clearTimeout(timer);
  }, [waitingKey, attempt]);

  async function verify(target: { kind: 'domain' | 'address'; value: string; mailFrom?: string }) {
    setBusy(true);
    setError(null);
    const result =
      target.kind === 'domain'
        ? await invoke('identities.verifyDomain', {
            domain: target.value,
            ...(target.mailFrom ? { mailFromSubdomain: target.mailFrom } : {}),
          })
        : await invoke('identities.verifyEmail', { address: target.value });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    merge(result.value);
    setAttempt(0);
    type({ value: '' });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!parsed.success) return;
    void verify({
      kind,
      value: parsed.data,
      mailFrom: kind === 'domain' ? mailFrom.trim() || undefined : undefined,
    });
  }

  const hasDomain = (items ?? []).some((i) => i.kind === 'domain');
  const domainVerified = (items ?? []).some((i) => i.kind === 'domain' && i.state === 'verified');
  // A test send needs a verified sender; say so on the button's side instead of letting it fail later.
  const canTestSend = (items ?? []).some((i) => i.state === 'verified');

  return (
    <section className="step">
      <StepHeading
        title="Choose who your mail comes from"
        why={`SES only sends from a domain or address it has verified, in the region you chose (${region}). Verifying proves it is yours.`}
      />
      <form className="panel" onSubmit={submit} noValidate>
        <fieldset className="choice">
          <legend>What do you want to send from?</legend>
          <label>
            <input
              type="radio"
              name="kind"
              checked={kind === 'domain'}
              onChange={() => type({ kind: 'domain' })}
            />
            <span>
              <strong>My domain (recommended)</strong>
              <small>Any address at it, such as hello@ or invoices@. You add a few DNS records once.</small>
            </span>
          </label>
          <label>
            <input
              type="radio"
              name="kind"
              checked={kind === 'address'}
              onChange={() => type({ kind: 'address' })}
            />
            <span>
              <strong>One email address</strong>
              <small>
                Quick to start: SES emails it a link to click. Mail is less likely to reach the inbox without
                your domain’s records.
              </small>
            </span>
          </label>
        </fieldset>
        <div className={`field${problem ? ' invalid' : ''}`}>
          <label htmlFor="identity-value">{kind === 'domain' ? 'Your domain' : 'Email address'}</label>
          <input
            id="identity-value"
            value={value}
            onChange={(e) => type({ value: e.target.value })}
            placeholder={kind === 'domain' ? 'example.com' : 'you@example.com'}
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
          />
          {problem && (
            <small className="problem" role="alert">
              {problem}
            </small>
          )}
        </div>
        {kind === 'domain' && (
          <details open={advancedOpen} onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}>
            <summary>Advanced: bounce subdomain (MAIL FROM)</summary>
            <div className="field">
              <label htmlFor="identity-mail-from">MAIL FROM subdomain</label>
              <input
                id="identity-mail-from"
                value={mailFrom}
                onChange={(e) => type({ mailFrom: e.target.value })}
                placeholder="bounce"
                spellCheck={false}
              />
              <small>
                Bounces come back to this subdomain. Leave it empty to use “bounce”. Until its DNS records are
                in place, SES sends your mail with its own bounce address instead, so nothing is held back.
              </small>
            </div>
          </details>
        )}
        <div className="actions">
          <button className="primary" type="submit" disabled={busy || !parsed.success}>
            {busy ? 'Asking SES…' : kind === 'domain' ? 'Verify this domain' : 'Send the verification email'}
          </button>
        </div>
      </form>
      {error && <ErrorPanel error={error} />}
      <section aria-labelledby="identities-title">
        <h2 id="identities-title">Your senders in {region}</h2>
        {items === null && !error && <p className="muted">Asking SES…</p>}
        {items?.length === 0 && <p className="muted">None yet. Verify a domain or an address above.</p>}
        {items && items.length > 0 && (
          <ul className="identities">
            {items.map((item) => (
              <IdentityRow
                key={item.identity}
                item={item}
                busy={busy}
                onRetry={(i) => void verify({ kind: i.kind, value: i.identity })}
                onDns={() => void goTo('dns')}
              />
            ))}
          </ul>
        )}
        {waiting.length > 0 && (
          <p className="muted" role="status">
            This screen checks again by itself while it is open.
          </p>
        )}
      </section>
      <p className="muted">
        Next:{' '}
        {domainVerified
          ? 'check the remaining records (bounces and DMARC).'
          : hasDomain
            ? 'add the DNS records SES needs to your domain.'
            : 'once a sender is verified, send a test email.'}
      </p>
      <div className="actions">
        {hasDomain ? (
          <button className={items?.length ? 'primary' : undefined} onClick={() => void goTo('dns')}>
            Continue to DNS records
          </button>
        ) : (
          <button
            className={canTestSend ? 'primary' : undefined}
            onClick={() => void goTo('test-send')}
            disabled={!canTestSend}
            aria-describedby={canTestSend ? undefined : 'identity-continue-why'}
          >
            Continue to a test send
          </button>
        )}
        <button onClick={() => void goTo('region')}>Change region</button>
      </div>
      {!hasDomain && !canTestSend && (
        <p id="identity-continue-why" className="muted">
          Verify a sender first: a test email can only come from a verified domain or address.
        </p>
      )}
    </section>
  );
}
