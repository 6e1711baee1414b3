/**
 * Bounces and complaints, the one place for them: whether the assistant reads them from the queue,
 * also by email (the same topics, see ../notifications), the events stored on this computer
 * (filter, search, CSV), the suppression list and the alarms on the rates. Reached from the
 * dashboard and from Test send.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { useAssistant } from '../../app/store';
import { CopyButton } from '../../components/CopyButton';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StepHeading } from '../../components/StepHeading';
import { BounceNotifications } from '../notifications/BounceNotifications';
import { AlarmsPanel, SuppressionPanel } from '../suppression/SuppressionPanel';
import { EventList } from './EventList';
import { FeedbackSetup } from './FeedbackSetup';
import { count, when } from './words';
import './feedback.css';

type Status = OutputOf<'feedback.status'>;
/** Failures that only a new set-up mends. */
const NEEDS_SETUP = new Set(['FEEDBACK_QUEUE_GONE', 'FEEDBACK_ACCESS_DENIED']);

/** Messages the assistant did not believe, in plain words, with the newest one's reason. */
function refusedWords({ count: n, latest }: Status['refused']): string {
  const one = n === 1;
  return [
    `${count(n, 'message')} in the queue ${one ? 'was' : 'were'} refused and not counted as bounces or complaints: the assistant could not confirm that Amazon sent ${one ? 'it' : 'them'} for your senders, and a made-up bounce would have you stop writing to a real person.`,
    latest ? `${one ? 'Why' : 'Why the latest was refused'}: ${latest.reason}` : '',
    `${one ? 'It is' : 'They are'} kept aside in the app’s data folder.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** What one check found, in a sentence or two. */
function checkWords(report: OutputOf<'feedback.check'>): string {
  const found = [
    report.stored ? `${count(report.stored, 'new event')} stored` : '',
    report.unreadable ? `${count(report.unreadable, 'unreadable message')} kept aside` : '',
    report.refused ? `${count(report.refused, 'message')} refused as not from Amazon` : '',
  ].filter(Boolean);
  const waiting = report.deferred
    ? ` ${count(report.deferred, 'message')} could not be checked yet (Amazon’s signing certificate did not arrive) and ${report.deferred === 1 ? 'stays' : 'stay'} in the queue for the next check.`
    : '';
  return `${found.length ? `${found.join(', ')}.` : 'Nothing new in the queue.'}${waiting}`;
}

export function FeedbackStep() {
  const goTo = useAssistant((s) => s.goTo);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<AssistantError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  const apply = useCallback((r: Awaited<ReturnType<typeof invoke<'feedback.status'>>>) => {
    if (r.ok) {
      setStatus(r.value);
      setError(null);
    } else setError(r.error);
  }, []);
  const load = async () => apply(await invoke('feedback.status', {}));

  useEffect(() => {
    let open = true;
    void invoke('feedback.status', {}).then((r) => open && apply(r));
    return () => {
      open = false;
    };
  }, [apply]);

  async function checkNow() {
    setChecking(true);
    const r = await invoke('feedback.check', {});
    setChecking(false);
    if (r.ok) {
      setCheckError(null);
      setNote(checkWords(r.value));
      setRefreshKey((k) => k + 1);
    } else {
      setCheckError(r.error);
      setNote(null);
    }
    await load();
  }

  const lastError = checkError ?? status?.lastCheck?.error ?? null;
  const needsSetup = !status?.setup || (lastError !== null && NEEDS_SETUP.has(lastError.code));

  return (
    <section className="step feedback">
      <StepHeading
        title="Bounces and complaints"
        why="Which addresses bounced or marked your email as spam, what each means and what to do. AWS reviews and may pause accounts with too many of either (the alarms on your rates are below), so act on these."
      />
      <nav aria-label="Feedback" className="actions">
        <button type="button" onClick={() => void goTo('dashboard')}>
          Back to the dashboard
        </button>
      </nav>
      {error && <ErrorPanel error={error} />}
      {!status && !error && <p className="muted">Reading…</p>}
      {status && (
        <>
          {status.setup ? (
            <section
              className={`panel ${lastError ? 'warn' : 'good'}`}
              aria-labelledby="feedback-state-title"
            >
              <h2 id="feedback-state-title">
                {needsSetup
                  ? `Your queue in ${status.region} needs you`
                  : `Reading from your queue in ${status.region}`}
              </h2>
              <p>
                Bounces and complaints of {status.setup.identities.join(', ')}
                {status.setup.deliveries ? ' (and deliveries)' : ''} arrive in a private queue in your AWS
                account. The assistant reads it while it is open and every 15 minutes from the tray.
              </p>
              {status.setup.joined.length > 0 && (
                <p>
                  Kept as they were: the topics already set in SES (
                  {status.setup.joined.map((j) => `${j.topicName} for ${j.identity}`).join(', ')}). The queue
                  listens to them too, so whatever else receives them keeps working.
                </p>
              )}
              <p role="status">
                {status.lastCheck
                  ? `Last ${status.lastCheck.report ? 'checked' : 'tried'} ${when(status.lastCheck.at)}.`
                  : 'Not checked since the assistant started.'}{' '}
                {note}
              </p>
              {lastError && <ErrorPanel error={lastError} />}
              {!needsSetup && (
                <button type="button" className="primary" onClick={() => void checkNow()} disabled={checking}>
                  {checking ? 'Checking…' : 'Check now'}
                </button>
              )}
              {status.manualStatement && (
                <>
                  <p>
                    The assistant did not create the sending user’s policy, so it cannot change it. Add this
                    statement to the policy of the user whose key the assistant uses, so it may read the
                    queue:
                  </p>
                  <pre className="code" tabIndex={0} aria-label="Policy statement to add">
                    {status.manualStatement}
                  </pre>
                  <CopyButton text={status.manualStatement} label="Copy the statement" />
                </>
              )}
            </section>
          ) : (
            <p className="notice">
              Not set up yet: bounces and complaints only count in your rates (dashboard), and SES emails them
              to the Return-Path address of each message (the sender’s, unless your program gives another), if
              anyone reads it.
            </p>
          )}
          {needsSetup && (
            <FeedbackSetup
              status={status}
              again={!!status.setup}
              onDone={(next) => {
                setStatus(next);
                setCheckError(null);
                setNote(
                  'Set up. New bounces and complaints appear here within a minute of AWS reporting them.',
                );
              }}
            />
          )}
          {status.setup &&
            !needsSetup &&
            status.setup.identities.map((identity) => (
              <BounceNotifications key={identity} identity={identity} region={status.region} />
            ))}
          <p className="muted">
            Stored on this computer only: {count(status.counts.bounce, 'bounce')},{' '}
            {count(status.counts.complaint, 'complaint')}
            {status.counts.delivery ? `, ${count(status.counts.delivery, 'delivery', 'deliveries')}` : ''}.
            Events are kept for {status.retention.days} days, and at most{' '}
            {new Intl.NumberFormat('en-GB').format(status.retention.maxEvents)} of them: older ones are
            dropped first.
            {status.counts.unreadable > 0 &&
              ` ${count(status.counts.unreadable, 'message')} could not be read and ${status.counts.unreadable === 1 ? 'was' : 'were'} kept aside in the app’s data folder.`}
          </p>
          {status.refused.count > 0 && (
            <p className="notice" role="note">
              {refusedWords(status.refused)}
            </p>
          )}
          <EventList refreshKey={refreshKey} />
        </>
      )}
      <SuppressionPanel />
      <AlarmsPanel />
    </section>
  );
}
