import { useCallback, useEffect, useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { domainName, type SandboxAnswers } from '../../../electron/ipc/schemas';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { problemOf } from '../../components/Field';
import { StepHeading } from '../../components/StepHeading';
import { useAssistant } from '../../app/store';
import { useDraft } from '../../app/useDraft';
import {
  EMPTY_FORM,
  Questionnaire,
  fromAnswers,
  isUnanswered,
  missingQuestions,
  toAnswers,
  type Form,
} from './Questionnaire';
import { DraftPanel } from './DraftPanel';
import { ReadinessChecklist } from './ReadinessChecklist';
import { ReviewStatus } from './ReviewStatus';
import { Routes } from './Routes';

type Status = OutputOf<'sandbox.status'>;
type Draft = OutputOf<'sandbox.draft'>;
type Readiness = OutputOf<'sandbox.readiness'>;

/**
 * Leave the sandbox: what it means, where this region stands, a questionnaire that drafts the
 * request as the person types with a readiness checklist beside it, two ways to send it (paste into
 * the console form, or let the assistant submit it), then the review tracked until AWS decides.
 */
export function SandboxStep() {
  const { app, goTo } = useAssistant();
  // The app renders a step only once its state is loaded, so the region is always known here.
  const region = app?.region ?? '';
  const [status, setStatus] = useState<Status | null>(null);
  const [statusError, setStatusError] = useState<AssistantError | null>(null);
  const [checking, setChecking] = useState(false);
  const [form, setForm] = useState<Form>(EMPTY_FORM);
  // Kept across restarts until sent or started over; answers typed while the saved ones were on
  // their way are newer, and stay.
  const restore = useCallback(
    (saved: SandboxAnswers) => setForm((current) => (isUnanswered(current) ? fromAnswers(saved) : current)),
    [],
  );
  useDraft('sandbox', isUnanswered(form) ? null : toAnswers(form), restore);
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
        why="New Amazon SES accounts are held in a “sandbox” until AWS has checked how you will use email. This screen helps you write a clear, specific request for production access, the kind AWS reviewers can grant."
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
              {!isUnanswered(form) && (
                <p className="muted">
                  Your answers are kept on this computer until the request is sent.{' '}
                  <button type="button" className="link" onClick={() => setForm(EMPTY_FORM)}>
                    Start over
                  </button>
                </p>
              )}
            </form>
            <div>
              <DraftPanel draft={shownDraft} />
              <ReadinessChecklist
                domain={domain}
                onDomain={setDomain}
                domainOk={domainOk}
                ready={ready}
                readyError={readyError}
              />
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
