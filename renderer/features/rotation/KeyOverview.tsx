import { useAssistant } from '../../app/store';
import { AdminAccess } from '../../components/AdminAccess';
import { ChangeOutcome } from './ChangeOutcome';
import { ago, fmtDay, fmtMoment, type KeyStatus } from './key-status';

/** No change under way: the key, how soon it is due, and the button that starts a change. */
export function KeyOverview({
  status,
  busy,
  undoneTo,
  onStart,
}: {
  status: KeyStatus;
  busy: boolean;
  undoneTo: string | null;
  onStart: () => void;
}) {
  const admin = useAssistant((a) => a.admin);
  const region = useAssistant((a) => a.app?.region);
  const s = status.schedule;
  const done = status.rotation?.phase === 'done' ? status.rotation : null;
  // Right after a change (or its undo) a new one is not the next thing to do.
  const justChanged = !!done || !!undoneTo;
  const tone = !s
    ? ''
    : s.status === 'overdue' || s.status === 'due'
      ? 'warn'
      : s.status === 'soon'
        ? 'warn'
        : 'good';
  return (
    <>
      <ChangeOutcome done={done} undoneTo={undoneTo} />
      <dl className="facts panel">
        <dt>Key</dt>
        <dd>{status.keyIdMasked ?? 'unknown'}</dd>
        <dt>Created</dt>
        <dd>
          {status.keyCreatedAt
            ? `${fmtDay(status.keyCreatedAt)} (${ago(s?.ageDays ?? 0)})`
            : 'unknown — the sending user may not read its own keys'}
        </dd>
        <dt>Change it by</dt>
        <dd>{s ? fmtDay(s.dueAt) : 'unknown'}</dd>
      </dl>
      {s && (
        <section className={`panel ${tone}`} aria-labelledby="due-title">
          <h2 id="due-title">
            {s.status === 'overdue'
              ? `Your key is ${-s.daysLeft} day${s.daysLeft === -1 ? '' : 's'} overdue for a change`
              : s.status === 'due'
                ? 'Your key is due for a change today'
                : s.status === 'soon'
                  ? `Your key is due for a change in ${s.daysLeft} day${s.daysLeft === 1 ? '' : 's'}`
                  : `Your key is fine for another ${s.daysLeft} days`}
          </h2>
          {(s.status === 'overdue' || s.status === 'due') && (
            <p>Press ‘Change my key now’ below — it takes a minute and your email keeps working.</p>
          )}
          <p className="muted">Next reminder: {fmtMoment(s.nextReminderAt)}.</p>
        </section>
      )}
      <section className="panel" aria-labelledby="how-title">
        <h2 id="how-title">What happens when you change it</h2>
        <ol className="plan">
          <li>The assistant creates a new key, keeps it in your keychain and checks that it works.</li>
          <li>You get the new SMTP password to paste into the apps that send your email.</li>
          <li>
            The old key keeps working until nothing has used it for a while, or until you say so. Then it is
            deleted.
          </li>
        </ol>
        {status.rotatesWith === 'admin' && region && (
          <AdminAccess
            region={region}
            why="This key may not replace itself: that was your choice when the assistant made it, so that someone who stole it could not make a key of their own. Changing it needs an administrator’s keys for a moment."
          />
        )}
        <div className="actions">
          <button
            className={justChanged ? undefined : 'primary'}
            disabled={busy || (status.rotatesWith === 'admin' && !admin)}
            onClick={onStart}
          >
            {busy ? 'Working…' : 'Change my key now'}
          </button>
        </div>
      </section>
    </>
  );
}
