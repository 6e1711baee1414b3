import { useState, type FormEvent } from 'react';
import type { AssistantError } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { fmtMoment, type KeyStatus } from './key-status';

/** How often the key should change, how the reminders reach the person, and a snooze. */
export function ReminderSettings({
  status,
  onSaved,
}: {
  status: KeyStatus;
  onSaved: (s: KeyStatus) => void;
}) {
  const [period, setPeriod] = useState(String(status.reminders.periodDays));
  // How the last save went: "Saved" for a moment, or why it was not.
  const [outcome, setOutcome] = useState<{ saved: boolean; error: AssistantError | null }>({
    saved: false,
    error: null,
  });
  const { saved, error } = outcome;
  // When the screen opened: enough to tell whether a snooze is still running.
  const [openedAt] = useState(() => Date.now());

  async function save(input: Parameters<typeof invoke<'reminders.set'>>[1]) {
    const r = await invoke('reminders.set', input);
    if (r.ok) {
      onSaved(r.value);
      setOutcome({ saved: true, error: null });
      setTimeout(() => setOutcome((o) => ({ ...o, saved: false })), 1500);
    } else setOutcome((o) => ({ ...o, error: r.error }));
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
