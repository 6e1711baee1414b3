import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { AdminAccess } from '../../components/AdminAccess';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StepHeading } from '../../components/StepHeading';
import { SmtpCopy, SmtpPasswordField } from '../../components/SmtpSecret';
import { useAssistant } from '../../app/store';

type KeyStatus = OutputOf<'rotation.status'>;
type RotationProgress = NonNullable<KeyStatus['rotation']>;
/** Runs one rotation call with the screen busy; true when it succeeded. */
type Run = (work: () => ReturnType<typeof invoke<'rotation.status'>>) => Promise<boolean>;

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const moment = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});
const fmtDay = (iso: string) => day.format(new Date(iso));
const fmtMoment = (iso: string) => moment.format(new Date(iso));
const ago = (days: number) => (days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`);

/** The working steps, as the person reads them while the rotation runs. */
const WORK: { phase: RotationProgress['phase']; label: string }[] = [
  { phase: 'checking', label: 'Check the keys of your sending user' },
  { phase: 'creating', label: 'Create a new key and keep it in your keychain' },
  { phase: 'waiting', label: 'Wait until AWS accepts the new key' },
  { phase: 'switching', label: 'Switch the assistant to the new key' },
  { phase: 'handover', label: 'You update your apps; the old key is watched' },
  { phase: 'deactivating', label: 'Switch the old key off' },
  { phase: 'verifying', label: 'Check that everything still works' },
  { phase: 'deleting', label: 'Delete the old key' },
];

/**
 * The key screen: how old the key is and when it is due, the reminders, and a rotation in each of
 * its states. The new SMTP password is copied or shown through the SMTP channels (the main process
 * derives it from the key in the keychain); this screen never holds a secret unless "Show" is clicked.
 */
export function RotationStep() {
  const { goBack } = useAssistant();
  const [status, setStatus] = useState<KeyStatus | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  // The old key the person went back to, so the screen can confirm the undo worked.
  const [undoneTo, setUndoneTo] = useState<string | null>(null);

  const apply = useCallback((r: { ok: true; value: KeyStatus } | { ok: false; error: AssistantError }) => {
    if (r.ok) {
      setStatus(r.value);
      setError(null);
    } else setError(r.error);
  }, []);

  const refresh = useCallback(async () => {
    const r = await invoke('rotation.status', {});
    apply(r);
  }, [apply]);

  useEffect(() => {
    void invoke('rotation.status', {}).then(apply);
    return window.assistant.on('progress', (p) => {
      if (p.task === 'rotation') setProgress(p.message);
    });
  }, [apply]);

  const run: Run = useCallback(
    async (work) => {
      setBusy(true);
      setProgress(null);
      setUndoneTo(null);
      const r = await work();
      setBusy(false);
      if (!r.ok) {
        // The rotation saved why it stopped: show it with Try again / Undo, from fresh status.
        await refresh();
        setError(r.error);
        return false;
      }
      apply(r);
      return true;
    },
    [apply, refresh],
  );

  async function undo(oldKeyIdMasked: string) {
    if (await run(() => invoke('rotation.rollback', { confirm: true }))) setUndoneTo(oldKeyIdMasked);
  }

  if (!status) {
    return (
      <section className="step">
        <StepHeading title="Your access key" why="Checking your key’s age…" />
        {error && <ErrorPanel error={error} />}
      </section>
    );
  }

  const r = status.rotation;
  const active = r && r.phase !== 'done';
  // The work goes on in the background: leaving the page does not stop it.
  const back = (
    <button type="button" onClick={() => void goBack()}>
      {busy && active ? 'Leave this page (the change keeps going)' : 'Back'}
    </button>
  );
  return (
    <section className="step rotation">
      <StepHeading
        title={active ? 'Changing your access key' : 'Your access key'}
        why="Changing the key regularly (every 90 days is the usual advice) limits the harm if it ever leaks. The assistant does it in an order that never leaves your email without a working key."
      />
      {status.cannotRotate ? (
        <CannotRotate
          status={status}
          busy={busy}
          onImport={() => void run(() => invoke('rotation.importProfile', { profileId: status.profileId! }))}
        />
      ) : active ? (
        <InProgress
          status={status}
          rotation={r}
          busy={busy}
          progress={progress}
          run={run}
          refresh={refresh}
          undo={undo}
        />
      ) : (
        <KeyOverview
          status={status}
          busy={busy}
          undoneTo={undoneTo}
          onStart={() => void run(() => invoke('rotation.start', { profileId: status.profileId! }))}
        />
      )}
      {error && !(active && r.error) && <ErrorPanel error={error} />}
      {!active && <ReminderSettings status={status} onSaved={setStatus} />}
      <div className="actions">{back}</div>
    </section>
  );
}

function CannotRotate({
  status,
  busy,
  onImport,
}: {
  status: KeyStatus;
  busy: boolean;
  onImport: () => void;
}) {
  const why = status.cannotRotate!;
  return (
    <section className="panel warn" aria-labelledby="cannot-title">
      <h2 id="cannot-title">
        {why.reason === 'aws-profile'
          ? 'This key comes from an AWS profile'
          : 'This key cannot be changed here'}
      </h2>
      <p>{why.explanation}</p>
      {why.reason === 'aws-profile' && (
        <>
          <p className="muted">
            Importing copies the key into your system keychain. Your AWS profile file is not changed; after
            the change you will replace the key in it yourself, and the assistant will remind you.
          </p>
          <div className="actions">
            <button className="primary" disabled={busy} onClick={onImport}>
              {busy ? 'Importing…' : 'Import the key into the keychain'}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function KeyOverview({
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
      {undoneTo && (
        <section className="panel good" role="status" aria-labelledby="undone-title">
          <h2 id="undone-title">Undone: you are back on your old key {undoneTo}</h2>
          <p>Put the old SMTP password back anywhere you changed it.</p>
        </section>
      )}
      {done && (
        <section className="panel good" aria-labelledby="done-title">
          <h2 id="done-title">Your key was changed</h2>
          <p>
            The old key {done.oldKeyIdMasked} was deleted on {fmtDay(done.finishedAt!)}. The assistant and
            your apps now use {done.newKeyIdMasked}.
          </p>
        </section>
      )}
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
        <div className="actions">
          <button className={justChanged ? undefined : 'primary'} disabled={busy} onClick={onStart}>
            {busy ? 'Working…' : 'Change my key now'}
          </button>
        </div>
      </section>
    </>
  );
}

function InProgress({
  status,
  rotation: r,
  busy,
  progress,
  run,
  refresh,
  undo,
}: {
  status: KeyStatus;
  rotation: RotationProgress;
  busy: boolean;
  progress: string | null;
  run: Run;
  refresh: () => Promise<void>;
  undo: (oldKeyIdMasked: string) => Promise<void>;
}) {
  const [confirmUndo, setConfirmUndo] = useState(false);
  const current = WORK.findIndex((w) => w.phase === r.phase);
  return (
    <>
      <ol className="rotation-steps" aria-label="Steps of the key change">
        {WORK.map((w, i) => (
          <li
            key={w.phase}
            className={i < current ? 'done' : i === current ? 'current' : undefined}
            aria-current={i === current ? 'step' : undefined}
          >
            {w.label}
          </li>
        ))}
      </ol>
      {busy && (
        <p role="status" className="muted">
          {progress ?? 'Working with AWS…'}
        </p>
      )}
      {busy ? null : r.error ? (
        <Interrupted status={status} rotation={r} busy={busy} run={run} />
      ) : r.phase === 'handover' ? (
        <Handover status={status} rotation={r} busy={busy} run={run} refresh={refresh} />
      ) : (
        <section className="panel" aria-labelledby="paused-title">
          <h2 id="paused-title">The key change was paused</h2>
          <p>The app was closed while it ran. Nothing is broken: your current key still works.</p>
          <div className="actions">
            <button className="primary" onClick={() => void run(() => invoke('rotation.resume', {}))}>
              Continue
            </button>
          </div>
        </section>
      )}
      {r.canRollBack && !busy && (
        <section className="undo">
          {confirmUndo ? (
            <div className="panel warn" role="group" aria-labelledby="undo-title">
              <h2 id="undo-title">Undo the change and keep your old key?</h2>
              <p>
                The assistant switches back to the old key {r.oldKeyIdMasked} and deletes the new one
                {r.newKeyIdMasked ? ` (${r.newKeyIdMasked})` : ''}. If you already pasted the new SMTP
                password somewhere, put the old one back there.
              </p>
              <div className="actions">
                <button className="danger" onClick={() => void undo(r.oldKeyIdMasked)}>
                  Yes, undo and keep my old key
                </button>
                <button onClick={() => setConfirmUndo(false)}>Keep going</button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirmUndo(true)}>
              Undo and keep my old key
            </button>
          )}
        </section>
      )}
    </>
  );
}

function Interrupted({
  status,
  rotation: r,
  busy,
  run,
}: {
  status: KeyStatus;
  rotation: RotationProgress;
  busy: boolean;
  run: Run;
}) {
  const error = r.error!;
  const needsAdmin = error.code === 'ROTATION_NEEDS_ADMIN' || error.code === 'ADMIN_NEEDED';
  const [adminOpen, setAdminOpen] = useState(status.adminAvailable);
  // Admin keys given in the form below are given to continue: the change goes on by itself then.
  const wasOpen = useRef<boolean | null>(null);
  const onAdmin = useCallback(
    (a: unknown) => {
      const open = a !== null;
      if (open && wasOpen.current === false) void run(() => invoke('rotation.resume', { useAdmin: true }));
      wasOpen.current = open;
      setAdminOpen(open);
    },
    [run],
  );
  return (
    <ErrorPanel error={error}>
      <p className="muted">
        The key change stopped while it was at “{WORK.find((w) => w.phase === r.phase)?.label.toLowerCase()}”.
        Your
        {r.phase === 'handover' || WORK.findIndex((w) => w.phase === r.phase) > 3 ? ' new' : ' current'} key
        is in your keychain and works.
      </p>
      {needsAdmin && (
        <AdminAccess
          region={r.region}
          why="With admin keys the assistant can make the new key for you, just this once."
          onChange={onAdmin}
        />
      )}
      <div className="actions">
        {needsAdmin ? (
          adminOpen && (
            <button
              className="primary"
              disabled={busy}
              onClick={() => void run(() => invoke('rotation.resume', { useAdmin: true }))}
            >
              Continue with these admin keys
            </button>
          )
        ) : error.code === 'ROTATION_SECOND_KEY' ? (
          <button
            className="danger"
            disabled={busy}
            onClick={() => void run(() => invoke('rotation.resume', { removeActiveExtraKey: true }))}
          >
            Remove the other key and continue
          </button>
        ) : (
          <button
            className="primary"
            disabled={busy}
            onClick={() => void run(() => invoke('rotation.resume', {}))}
          >
            {busy ? 'Trying again…' : 'Try again'}
          </button>
        )}
      </div>
    </ErrorPanel>
  );
}

function Handover({
  status,
  rotation: r,
  busy,
  run,
  refresh,
}: {
  status: KeyStatus;
  rotation: RotationProgress;
  busy: boolean;
  run: Run;
  refresh: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <section className="panel good" aria-labelledby="new-key-title">
        <h2 id="new-key-title">Your new key is ready — update your apps</h2>
        <p>
          The assistant already uses the new key {r.newKeyIdMasked}. Your old key {r.oldKeyIdMasked} still
          works for now, so nothing stops sending while you update.
        </p>
        <dl className="facts smtp-settings">
          <dt>SMTP user name</dt>
          <dd>
            <code>{r.newKeyIdMasked}</code> <SmtpCopy what="userName" label="Copy user name" />
          </dd>
          <dt>SMTP password ({r.region})</dt>
          <dd>
            <SmtpPasswordField testId="new-smtp-password" />
          </dd>
        </dl>
        <h3>Update these now</h3>
        <ul>
          <li>
            Every app that sends your email by SMTP (a web shop, WordPress, a newsletter tool): paste the new
            user name and password.
          </li>
          {status.awsProfileName && (
            <li>
              The AWS profile “{status.awsProfileName}” on this computer (~/.aws/credentials) still holds the
              old key: replace it.
            </li>
          )}
          <li>Servers or scripts that use the old access key {r.oldKeyIdMasked} with the AWS SDK.</li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="watch-title">
        <h2 id="watch-title">Watching the old key</h2>
        <p>
          {r.oldKeyUsedSinceHandover
            ? `Something still used the old key on ${fmtMoment(r.oldKeyLastUsedAt!)}. An app has not been updated yet.`
            : 'AWS has seen no use of the old key since the hand-over.'}{' '}
          The assistant deletes the old key once nothing has used it for {r.retireAfterHours} hours
          {r.retireAt ? ` (not before ${fmtMoment(r.retireAt)})` : ''}.
        </p>
        {r.oldKeyCheckedAt && (
          <p className="muted">
            Last checked {fmtMoment(r.oldKeyCheckedAt)}. AWS can take a few hours to report a use.
          </p>
        )}
        <div className="actions">
          <button disabled={busy} onClick={() => void refresh()}>
            Check again
          </button>
          {confirming ? (
            <>
              <button
                className="primary"
                disabled={busy}
                onClick={() => void run(() => invoke('rotation.confirmOldKeyUnused', { confirm: true }))}
              >
                Yes, switch off the old key now
              </button>
              <button onClick={() => setConfirming(false)}>Not yet</button>
            </>
          ) : (
            <button className="primary" disabled={busy} onClick={() => setConfirming(true)}>
              All my apps use the new key
            </button>
          )}
        </div>
        {confirming && (
          <p role="alert" className="muted">
            Anything still using the old key will stop sending the moment it is switched off.
          </p>
        )}
      </section>
    </>
  );
}

function ReminderSettings({ status, onSaved }: { status: KeyStatus; onSaved: (s: KeyStatus) => void }) {
  const [period, setPeriod] = useState(String(status.reminders.periodDays));
  const [error, setError] = useState<AssistantError | null>(null);
  const [saved, setSaved] = useState(false);
  // When the screen opened: enough to tell whether a snooze is still running.
  const [openedAt] = useState(() => Date.now());

  async function save(input: Parameters<typeof invoke<'reminders.set'>>[1]) {
    const r = await invoke('reminders.set', input);
    if (r.ok) {
      onSaved(r.value);
      setError(null);
      setSaved(true);
      setTimeout(() => setSaved(false), 1500);
    } else setError(r.error);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save({ periodDays: Number(period) });
  }

  const snoozed =
    status.reminders.snoozeUntil !== null && Date.parse(status.reminders.snoozeUntil) > openedAt;
  const due = status.schedule && status.schedule.status !== 'fresh';
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="reminders-title">
      <h2 id="reminders-title">Reminders</h2>
      <p className="muted">
        You get a reminder 14, 7 and 1 days before the change date, and every day after it.
      </p>
      <div className={`field${error?.fields?.periodDays ? ' invalid' : ''}`}>
        <label htmlFor="period">Change the key every (days)</label>
        <input
          id="period"
          type="number"
          inputMode="numeric"
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
        />
        {error?.fields?.periodDays && <small className="problem">{error.fields.periodDays}</small>}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={status.reminders.stayInTray}
          onChange={(e) => void save({ stayInTray: e.target.checked })}
        />
        Keep running in the tray when I close the window (so reminders still come)
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={status.reminders.launchAtLogin}
          onChange={(e) => void save({ launchAtLogin: e.target.checked })}
        />
        Start the assistant when I log in (it stays in the background unless a reminder is due)
      </label>
      <div className="actions">
        <button type="submit">Save</button>
        {due && !snoozed && (
          <button
            type="button"
            onClick={() => void save({ snoozeUntil: new Date(Date.now() + 86_400_000).toISOString() })}
          >
            Remind me tomorrow
          </button>
        )}
        {snoozed && (
          <button type="button" onClick={() => void save({ snoozeUntil: null })}>
            Remind me again now (snoozed until {fmtMoment(status.reminders.snoozeUntil!)})
          </button>
        )}
        <span role="status" className="muted">
          {saved ? 'Saved' : ''}
        </span>
      </div>
      {error && error.code !== 'INVALID_INPUT' && <ErrorPanel error={error} />}
    </form>
  );
}
