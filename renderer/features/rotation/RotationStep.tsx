import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StepHeading } from '../../components/StepHeading';
import { useAssistant } from '../../app/store';
import { CannotRotate } from './CannotRotate';
import { InProgress } from './InProgress';
import { KeyOverview } from './KeyOverview';
import { ReminderSettings } from './ReminderSettings';
import { useKeyRotation } from './useKeyRotation';

/**
 * The key screen: how old the key is and when it is due, the reminders, and a rotation in each of
 * its states. The new SMTP password is copied or shown through the SMTP channels (the main process
 * derives it from the key in the keychain); this screen never holds a secret unless "Show" is clicked.
 */
export function RotationStep() {
  const { goBack } = useAssistant();
  const { status, error, busy, progress, undoneTo, run, refresh, undo, saved } = useKeyRotation();

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
      {!active && <ReminderSettings status={status} onSaved={saved} />}
      <div className="actions">{back}</div>
    </section>
  );
}
