import { Fragment, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { CopyButton } from '../../components/CopyButton';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StepHeading } from '../../components/StepHeading';
import { useAssistant } from '../../app/store';
import { FeedbackCard } from './FeedbackCard';
import { SetupRightsCard, setupIsDone } from '../sending-user/SetupRightsCard';

type View = OutputOf<'dashboard.get'>;
type Section<T> = { ok: true; value: T } | { ok: false; error: AssistantError };

const number = new Intl.NumberFormat('en-US');
const plural = (n: number, word: string) => `${number.format(n)} ${word}${n === 1 ? '' : 's'}`;
/** "22 February 2027" from "2027-02-22": read as a date, at noon UTC so no time zone moves the day. */
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T12:00:00Z`),
  );
const percent = (rate: number) => `${(rate * 100).toFixed(rate < 0.01 ? 2 : 1)} %`;
const HEALTH_WORDS = {
  good: 'Good',
  watch: 'Keep an eye on it',
  'at-risk': 'Too high',
  'no-data': 'No mail sent yet',
};
const STATE_WORDS = {
  verified: '✓ Verified',
  pending: '… Waiting for DNS',
  failed: '✗ Failed',
  'temporary-failure': '! Temporary problem',
  'not-started': '○ Not started',
};

/** The home screen once set up: status, quota, health, key age, SMTP settings, code and cost. */
export function DashboardStep() {
  const goTo = useAssistant((s) => s.goTo);
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = useCallback((result: Awaited<ReturnType<typeof invoke<'dashboard.get'>>>) => {
    if (result.ok) {
      setView(result.value);
      setError(null);
    } else setError(result.error);
  }, []);

  async function refresh() {
    setBusy(true);
    apply(await invoke('dashboard.get', {}));
    setBusy(false);
  }

  useEffect(() => {
    let open = true;
    void invoke('dashboard.get', {}).then((result) => open && apply(result));
    return () => {
      open = false;
    };
  }, [apply]);

  // Never "everything is set up" while the sandbox still limits who can receive the mail.
  const sandbox = view?.account.ok ? view.account.value.sandbox : null;
  const why =
    sandbox === true
      ? 'Almost there: you can send tests, but only to verified addresses until AWS approves your sandbox request.'
      : sandbox === false
        ? 'Everything is set up: you can send to anyone. This page shows how your sending is doing and what, if anything, needs your attention.'
        : 'This page shows how your sending is doing and what, if anything, needs your attention.';

  return (
    <section className="step dashboard">
      <StepHeading title="Your email sending at a glance" why={why} />
      <nav aria-label="Set-up steps" className="actions">
        {/* One click back to any part of the set-up; nothing there is undone by going back. */}
        <button type="button" onClick={() => void goTo('dns')}>
          DNS records
        </button>
        <button type="button" onClick={() => void goTo('identity')}>
          Senders
        </button>
        <button type="button" onClick={() => void goTo('region')}>
          Region
        </button>
        <button type="button" onClick={() => void goTo('connected')}>
          Connection
        </button>
        <button type="button" onClick={() => void refresh()} disabled={busy}>
          {busy ? 'Refreshing…' : 'Refresh'}
        </button>
      </nav>
      {error && <ErrorPanel error={error} />}
      {!view && !error && <p className="muted">Asking AWS…</p>}
      {view && (
        <div className="cards">
          <Card title="Sending status" section={view.account}>
            {(account) => (
              <>
                <p className={account.sandbox ? 'status warn' : 'status good'}>
                  {account.sandbox ? 'In the sandbox' : 'Production access'} in {view.region}
                </p>
                <p>{account.meaning.explanation}</p>
                <Meter
                  label="Sent in the last 24 hours"
                  value={account.quota.sentLast24Hours}
                  max={account.quota.max24HourSend}
                />
                <p className="muted">Up to {plural(account.quota.maxSendRate, 'recipient')} a second.</p>
                {view.quotaAdvice && <p className="notice">{view.quotaAdvice}</p>}
                {account.sandbox && (
                  // The one main action while in the sandbox: it is what still limits the mail.
                  <button type="button" className="primary" onClick={() => void goTo('sandbox')}>
                    Leave the sandbox
                  </button>
                )}
              </>
            )}
          </Card>
          <Card title="Verified senders" section={view.identities}>
            {(identities) =>
              identities.length === 0 ? (
                <p>No verified domain or address in {view.region} yet.</p>
              ) : (
                <ul className="plain">
                  {identities.map((i) => (
                    <li key={i.identity}>
                      <strong>{i.identity}</strong> — {STATE_WORDS[i.state]}
                      {i.kind === 'domain' &&
                        i.dkim &&
                        (i.dkim.status === 'Success'
                          ? ' · signed (DKIM)'
                          : ` · signing (DKIM) ${i.dkim.status.toLowerCase()}`)}
                    </li>
                  ))}
                </ul>
              )
            }
          </Card>
          <Card title="Sending health" section={view.reputation}>
            {(r) => (
              <>
                <RateLine name="Bounces" noun="bounces" reading={r.bounce} />
                <RateLine name="Complaints" noun="complaints" reading={r.complaint} />
                {r.estimateNote && <p className="muted">{r.estimateNote}</p>}
                <p className="muted">
                  Last 14 days: {plural(r.attempts, 'email')} attempted, {number.format(r.bounces)} bounced,{' '}
                  {number.format(r.complaints)} marked as spam.
                </p>
              </>
            )}
          </Card>
          <Card title="Access key" section={view.key}>
            {(key) => (
              <>
                <p>
                  {key.keyIdMasked ?? 'Key'}
                  {key.schedule
                    ? ` is ${key.schedule.ageDays} days old. Next change due ${longDate(key.schedule.dueDate)}${
                        key.schedule.daysLeft < 0 ? ' (overdue)' : ` (in ${key.schedule.daysLeft} days)`
                      }.`
                    : ': its age is not known.'}
                </p>
                <button type="button" onClick={() => void goTo('rotation')}>
                  Key and reminders
                </button>
              </>
            )}
          </Card>
          <SetupRightsCard region={view.region} setupDone={setupIsDone(view)} />
          <FeedbackCard section={view.feedback} onOpen={() => void goTo('feedback')} />
          <section className="card" aria-labelledby="smtp-card">
            <h2 id="smtp-card">SMTP settings</h2>
            <dl className="facts stacked">
              <dt>Server</dt>
              <dd>
                <Host name={view.smtp.host} /> <CopyButton text={view.smtp.host} label="Copy server" />
              </dd>
              <dt>Port</dt>
              <dd>
                {view.smtp.ports.starttls} (STARTTLS) or {view.smtp.ports.tls} (TLS)
              </dd>
              <dt>User name</dt>
              <dd>{view.smtp.userNameMasked ?? '—'}</dd>
            </dl>
            <button type="button" onClick={() => void goTo('smtp')}>
              Password and login test
            </button>
          </section>
          <section className="card" aria-labelledby="cost-card">
            <h2 id="cost-card">Cost estimate</h2>
            {view.cost.headline !== null && view.cost.monthlyUsd !== null ? (
              <>
                <p>
                  <strong>{view.cost.headline}</strong>, pay as you go.
                </p>
                <p>
                  At today’s pace ({plural(view.cost.recipientsPerMonth, 'recipient')} a month): about $
                  {view.cost.monthlyUsd.toFixed(2)} a month.
                </p>
              </>
            ) : (
              <p>
                <strong>
                  {view.cost.planName ? `SES ${view.cost.planName} plan` : 'Pricing plan not known'}
                </strong>
              </p>
            )}
            <p className="muted">
              {view.cost.note} Prices as of {longDate(view.cost.asOf)}.{' '}
              <button
                type="button"
                className="link"
                onClick={() => void invoke('links.open', { url: view.cost.source })}
              >
                Check current prices
              </button>
            </p>
          </section>
        </div>
      )}
      {view && <Snippets snippets={view.snippets} />}
      <div className="actions">
        <button
          type="button"
          className={sandbox === true ? undefined : 'primary'}
          onClick={() => void goTo('test-send')}
        >
          Send a test email
        </button>
        <button type="button" onClick={() => void goTo('ledger')}>
          What this app created
        </button>
      </div>
    </section>
  );
}

type Reading = Extract<View['reputation'], { ok: true }>['value']['bounce'];

/**
 * One rate, said to be AWS's own (the CloudWatch metric, with when it was measured) or an estimate,
 * with the lines AWS gives for it.
 */
function RateLine({ name, noun, reading }: { name: string; noun: string; reading: Reading }) {
  const origin =
    reading.source === 'aws' && reading.measuredAt
      ? `AWS’s own rate (${reading.metric} in CloudWatch, ${longDate(reading.measuredAt)})`
      : 'estimate';
  return (
    <>
      <p>
        {name}: <strong>{percent(reading.rate)}</strong> — {HEALTH_WORDS[reading.health]}{' '}
        <span className="muted">({origin})</span>
      </p>
      <p className="muted">
        AWS advises keeping {noun} below {reading.lines.adviseBelow}; it reviews an account at{' '}
        {reading.lines.reviewAt} and may pause its sending at {reading.lines.pauseAt}.
      </p>
    </>
  );
}

function Card<T>({
  title,
  section,
  children,
}: {
  title: string;
  section: Section<T>;
  children: (v: T) => ReactNode;
}) {
  const id = `card-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {section.ok ? (
        children(section.value)
      ) : (
        <p className="problem">
          {section.error.title}. {section.error.fix}
        </p>
      )}
    </section>
  );
}

/** A server name that may wrap only after a dot, never inside "us-east-1" or at its hyphens. */
function Host({ name }: { name: string }) {
  const parts = name.split(/(?<=\.)/);
  return (
    <code className="host">
      {parts.map((part, i) => (
        <Fragment key={i}>
          <span>{part}</span>
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </code>
  );
}

function Meter({ label, value, max }: { label: string; value: number; max: number }) {
  return (
    <div className="meter">
      <span>
        {label}: {number.format(value)} of {number.format(max)}
      </span>
      <progress value={Math.min(value, max)} max={max} aria-label={label} />
    </div>
  );
}

function Snippets({ snippets }: { snippets: View['snippets'] }) {
  const [chosen, setChosen] = useState(snippets[0]?.id ?? '');
  const snippet = snippets.find((s) => s.id === chosen) ?? snippets[0];
  if (!snippet) return null;
  return (
    <section className="panel" aria-labelledby="snippets-title">
      <h2 id="snippets-title">Code for your own apps</h2>
      <p className="muted">Secrets are read from environment variables: never paste them into code.</p>
      <label htmlFor="snippet-choice">Language</label>
      <select id="snippet-choice" value={snippet.id} onChange={(e) => setChosen(e.target.value)}>
        {snippets.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
      <pre className="code" tabIndex={0} aria-label={snippet.title}>
        {snippet.code}
      </pre>
      <CopyButton text={snippet.code} label="Copy the code" />
    </section>
  );
}
