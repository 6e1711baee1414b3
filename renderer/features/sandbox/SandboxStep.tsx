import { useCallback, useEffect, useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { domainName } from '../../../electron/ipc/schemas';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field, problemOf } from '../../components/Field';
import { StepHeading } from '../../components/StepHeading';
import { useAssistant } from '../../app/store';
import {
  EMPTY_FORM,
  Questionnaire,
  isUnanswered,
  missingQuestions,
  toAnswers,
  type Form,
} from './Questionnaire';
import { ReviewStatus } from './ReviewStatus';

type Status = OutputOf<'sandbox.status'>;
type Draft = OutputOf<'sandbox.draft'>;
type Readiness = OutputOf<'sandbox.readiness'>;

/** The console page with "Request production access" (the form reviewers read). */
export const consoleUrl = (region: string) =>
  `https://${region}.console.aws.amazon.com/ses/home?region=${region}#/account`;

/**
 * Leave the sandbox: what it means, where this region stands, a questionnaire that drafts the
 * request as the person types with a readiness checklist beside it, two ways to send it (paste into
 * the console form, or let the assistant submit it), then the review tracked until AWS decides.
 */
export function SandboxStep() {
  const { app, goTo } = useAssistant();
  const region = app?.region ?? 'us-east-1';
  const [status, setStatus] = useState<Status | null>(null);
  const [statusError, setStatusError] = useState<AssistantError | null>(null);
  const [checking, setChecking] = useState(false);
  const [form, setForm] = useState<Form>(EMPTY_FORM);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [domain, setDomain] = useState('');
  const [ready, setReady] = useState<Readiness | null>(null);
  const [readyError, setReadyError] = useState<AssistantError | null>(null);

  const check = useCallback(async () => {
    setChecking(true);
    const r = await invoke('sandbox.status', { region });
    setChecking(false);
    if (r.ok) {
      setStatus(r.value);
      setStatusError(null);
    } else setStatusError(r.error);
  }, [region]);

  useEffect(() => {
    let live = true;
    void invoke('sandbox.status', { region }).then((r) => {
      if (!live) return;
      if (r.ok) setStatus(r.value);
      else setStatusError(r.error);
    });
    // The checks are made for the person's own domain: the first verified one SES knows in this region.
    void invoke('send.senders', {}).then((r) => {
      const first = r.ok ? r.value.find((s) => s.kind === 'domain' && s.verified) : undefined;
      if (live && first) setDomain((d) => d || first.identity);
    });
    return () => {
      live = false;
    };
  }, [region]);

  // The draft is redrawn as the person types (a short pause first, so each keystroke is not a call).
  // Before the first answer there is no draft, so the panel says where it will appear and that
  // sentence stays true until the person types (no boilerplate paragraph racing in).
  useEffect(() => {
    if (isUnanswered(form)) return;
    let current = true; // an answer to older input must not overwrite a newer one
    const t = setTimeout(() => {
      void invoke('sandbox.draft', { answers: toAnswers(form) }).then(
        (r) => current && r.ok && setDraft(r.value),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(t);
    };
  }, [form]);

  const domainOk = !!domain.trim() && !problemOf(domainName, domain.trim());
  useEffect(() => {
    if (!domainOk) return;
    let current = true;
    const t = setTimeout(() => {
      void invoke('sandbox.readiness', { domain: domain.trim(), region, website: form.website.trim() }).then(
        (r) => {
          if (!current) return;
          setReady(r.ok ? r.value : null);
          setReadyError(r.ok ? null : r.error);
        },
      );
    }, 400);
    return () => {
      current = false;
      clearTimeout(t);
    };
  }, [domain, domainOk, region, form.website]);

  const review = status?.review?.status;
  // Once AWS is deciding or has said yes, the form has done its job; a no or a failure asks again.
  const showForm = status !== null && status.sandbox && review !== 'PENDING' && review !== 'GRANTED';
  const missing = missingQuestions(form);
  // A draft left from earlier answers is not shown once the form is empty again.
  const shownDraft = isUnanswered(form) ? null : draft;

  return (
    <section className="step">
      <StepHeading
        title="Leave the sandbox"
        why="New Amazon SES accounts are held in a “sandbox” until AWS has checked how you will use email. A clear, specific request is usually granted within a day or two."
      />
      {statusError && <ErrorPanel error={statusError} />}
      {status === null && !statusError && <p className="muted">Asking AWS where {region} stands…</p>}
      {status && <ReviewStatus status={status} checking={checking} onCheck={() => void check()} />}

      {showForm && (
        <>
          <h2>Your request to AWS</h2>
          <p className="muted">
            Answer the questions; the assistant writes the request beside them as you type. Specific answers
            are what get requests approved.
          </p>
          <div className="sandbox-columns">
            <form className="panel" onSubmit={(e) => e.preventDefault()} noValidate aria-label="Questions">
              <Questionnaire form={form} onChange={setForm} />
            </form>
            <div>
              <DraftPanel draft={shownDraft} />
              <section className="panel" aria-labelledby="ready-title">
                <h2 id="ready-title">Readiness checklist</h2>
                <Field
                  id="sb-domain"
                  label="Your sending domain"
                  hint="The checks below are made for this domain."
                  problem={problemOf(domainName, domain.trim())}
                >
                  <input
                    id="sb-domain"
                    value={domain}
                    placeholder="example.com"
                    onChange={(e) => setDomain(e.target.value)}
                  />
                </Field>
                {readyError && (
                  <p className="problem">
                    {readyError.title}. {readyError.fix}
                  </p>
                )}
                {ready && domainOk && (
                  <ul className="checklist">
                    {ready.items.map((item) => (
                      <li
                        key={item.id}
                        className={item.ok ? 'ok' : item.ok === false ? 'missing' : 'unknown'}
                      >
                        <strong>
                          {item.ok ? '✓' : item.ok === false ? '✗' : '?'} {item.label}
                        </strong>{' '}
                        <small>{item.detail}</small>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
          </div>
          <Routes
            region={region}
            form={form}
            draft={shownDraft}
            missing={missing}
            onSent={setStatus}
            onNoted={() => void check()}
          />
        </>
      )}

      <p className="muted">
        Next:{' '}
        {status && !status.sandbox
          ? 'your apps can now send to anyone through SMTP or the API. Another region needs its own request.'
          : review === 'PENDING' || status?.request
            ? 'while AWS reviews, the assistant checks every 30 minutes and shows a notification when the decision arrives. You can close this window.'
            : 'once the request is sent, the assistant checks every 30 minutes and tells you when AWS decides.'}
      </p>
      <div className="actions">
        {/* While the form is open, sending the request is the main thing to do here. */}
        <button
          className={showForm ? undefined : 'primary'}
          type="button"
          onClick={() => void goTo('dashboard')}
        >
          Go to the dashboard
        </button>
        <button type="button" onClick={() => void goTo('test-send')}>
          Back to the test send
        </button>
      </div>
    </section>
  );
}

function DraftPanel({ draft }: { draft: Draft | null }) {
  return (
    <section className="panel draft" aria-labelledby="draft-title">
      <h2 id="draft-title">Your request, as drafted</h2>
      {!draft?.text.trim() ? (
        <p className="muted">Your request appears here as you answer the questions.</p>
      ) : (
        <>
          <pre className="draft-text" aria-live="polite">
            {draft.text}
          </pre>
          <p className="muted">
            {draft.length.toLocaleString('en-US')} of {draft.max.toLocaleString('en-US')} characters.
          </p>
        </>
      )}
    </section>
  );
}

function Routes({
  region,
  form,
  draft,
  missing,
  onSent,
  onNoted,
}: {
  region: string;
  form: Form;
  draft: Draft | null;
  missing: string[];
  onSent: (s: Status) => void;
  onNoted: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AssistantError | null>(null);
  const incomplete = !draft || draft.missing.length > 0 || missing.length > 0;

  async function copyAndOpen() {
    if (!draft) return;
    const c = await invoke('clipboard.copy', { text: draft.text });
    if (!c.ok) return setError(c.error);
    await invoke('links.open', { url: consoleUrl(region) });
    await invoke('sandbox.usedConsole', { region });
    setCopied(true);
    onNoted();
  }

  async function submit() {
    setBusy(true);
    setError(null);
    const r = await invoke('sandbox.submit', { region, answers: toAnswers(form), confirm: true });
    setBusy(false);
    if (r.ok) onSent(r.value);
    else setError(r.error);
  }

  return (
    <>
      <h2>Send it to AWS: two ways</h2>
      <div className="sandbox-columns">
        <section className="panel" aria-labelledby="route-console">
          <h3 id="route-console">Copy into the AWS form (recommended)</h3>
          <p>
            The assistant copies the text and opens your SES account page in {region}. There, click “Request
            production access”, and paste into the use-case box. This is the form AWS reviewers read.
          </p>
          <button
            type="button"
            className="primary"
            disabled={!draft || incomplete}
            onClick={() => void copyAndOpen()}
          >
            Copy the text and open the AWS console
          </button>
          {copied && (
            <p role="status">
              <strong>Copied.</strong> Paste it into the form in your browser. Come back here to follow the
              review.
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby="route-api">
          <h3 id="route-api">Send it for me (less reliable)</h3>
          <p>
            The assistant sends the request to AWS for {region} itself. AWS reviewers may not see text sent
            this way — use the AWS form if you can.
          </p>
          <label className="check confirm">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            <span>I have read the request and want the assistant to send it to AWS now.</span>
          </label>
          <button type="button" disabled={!confirmed || busy || incomplete} onClick={() => void submit()}>
            {busy ? 'Sending…' : 'Send the request for me'}
          </button>
        </section>
      </div>
      {incomplete && (
        <p className="muted">
          Both buttons wait for a complete request.
          {missing.length > 0 && <> Still needed: {missing.join(', ')}</>}
        </p>
      )}
      {error && <ErrorPanel error={error} />}
    </>
  );
}
