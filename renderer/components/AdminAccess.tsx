import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AdminSummary, AssistantError } from '../../electron/ipc/contract';
import { useAssistant } from '../app/store';
import { who } from './admin-words';
import { AdminRefusal } from './AdminRefusal';
import { useKeyFields } from './KeyFields';

/**
 * Asks for admin credentials when a step needs more than the sending user may do. Once they are
 * given, this shows only a line (and what these keys will not do, which matters for this step): the
 * session itself — whose, its time left, "Forget" — is in the header on every screen
 * (AdminIndicator). Both read the session from the store, so they never disagree. The credentials
 * stay in the main process's memory only; it forgets them by itself (15 minutes unused, an hour at
 * most, screen lock), and the header notices when the window comes back or the time is up.
 *
 * Keys that AWS says are not an administrator's stay in the boxes (the secret only in this form's
 * state, while it is on screen), so the person can correct them; where the screen has other ways to
 * go on without admin keys (`otherWays`), the refusal offers them, with the key ID typed.
 */
export function AdminAccess({
  region,
  why,
  onChange,
  otherWays,
}: {
  region: string;
  why: string;
  onChange?: (admin: AdminSummary | null) => void;
  otherWays?: { useKey(accessKeyId: string): void; console(): void };
}) {
  const admin = useAssistant((s) => s.admin);
  const lapsed = useAssistant((s) => s.adminLapsed);
  const refreshAdmin = useAssistant((s) => s.refreshAdmin);
  const openAdmin = useAssistant((s) => s.openAdmin);
  const [error, setError] = useState<AssistantError | null>(null);
  const [busy, setBusy] = useState(false);
  // Unique per form: two screens' panels may each show one (ids must not repeat on a page).
  const idPrefix = `admin${useId().replace(/:/g, '')}-`;
  const { fields, state } = useKeyFields(region, idPrefix, error);

  // Ask when a screen that needs it opens, and show nothing until the answer: what the store held
  // before may be stale (the session may have ended while no screen needed it).
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    let live = true;
    void refreshAdmin().then(() => live && setChecked(true));
    return () => {
      live = false;
    };
  }, [refreshAdmin]);

  useEffect(() => {
    if (checked && admin !== undefined) onChange?.(admin);
  }, [checked, admin, onChange]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!state.ready) return;
    const input = state.ready;
    setBusy(true);
    const result = await openAdmin(input);
    setBusy(false);
    setError(result.ok ? null : result.error);
    // Working keys that are not an administrator's stay, to be corrected or used another way.
    if (result.ok || result.error.code !== 'ADMIN_MISSING_RIGHTS') state.clearSecrets();
  }

  /** New keys typed or pasted: an error about the previous ones no longer applies. */
  const keysChanged = () => {
    if (error) setError(null);
  };

  if (!checked || admin === undefined) return null;
  if (admin) {
    const limits = admin.limits ?? [];
    return (
      <div className="admin-open-note">
        <p>
          <strong>Admin access is open</strong> ({who(admin.arn)}). Its time left and “Forget” are at the top
          of the window.
        </p>
        {limits.length > 0 && (
          <div className="panel warn admin-limits">
            <p>
              These keys may not do everything the assistant asks admin access for. They will not work to:
            </p>
            <ul>
              {limits.map((limit) => (
                <li key={limit.feature}>
                  {limit.doing} (missing {limit.missing.join(', ')})
                </li>
              ))}
            </ul>
            <p className="muted">
              Those steps will ask again; give the keys of an administrator (AdministratorAccess) there.
            </p>
          </div>
        )}
      </div>
    );
  }
  return (
    <form
      className="panel"
      onSubmit={submit}
      onChange={keysChanged}
      onPaste={keysChanged}
      aria-busy={busy}
      aria-labelledby={`${idPrefix}title`}
      data-admin-form
    >
      <h2 id={`${idPrefix}title`}>Admin access, for a moment</h2>
      <p>{why}</p>
      {lapsed && (
        <p role="status" className="admin-lapsed">
          The admin access you gave was forgotten: it is kept for 15 minutes without use, an hour at most, and
          is dropped when the screen locks or the computer sleeps. Give the keys again to go on.
        </p>
      )}
      <p>
        <strong>Best: temporary keys.</strong> They start with ASIA and stop working by themselves after a few
        hours, so there is nothing to clean up afterwards. A permanent key (it starts with AKIA) stays valid
        until someone deletes it: if you make one just for this, the assistant offers to delete it once setup
        is done.
      </p>
      <p className="muted">
        The assistant keeps admin keys in memory only — never on disk — and forgets them after 15 minutes
        without use, after an hour at most, when you click “Forget admin access” or quit. Keys of the root
        user are refused, and so are keys that may not do what the assistant needs.
      </p>
      <details>
        <summary>How do I get temporary admin keys?</summary>
        <p>Any one of these three ways:</p>
        <ol className="steps">
          <li>
            <strong>AWS CloudShell</strong> (easiest): sign in to the AWS console as an administrator (not as
            the root user), click the <code>&gt;_</code> icon at the top, type{' '}
            <code>aws configure export-credentials --format env-no-export</code> and press Enter. Copy the
            three values it prints into the fields below.
          </li>
          <li>
            <strong>IAM Identity Center</strong>: on your AWS access portal, choose “Access keys” beside an
            administrator permission set, and copy the three values.
          </li>
          <li>
            <strong>Your own computer</strong>, if the AWS command line is set up with an administrator’s key
            and a sign-in code device (MFA):{' '}
            <code>aws sts get-session-token --serial-number YOUR-MFA-DEVICE --token-code 123456</code>.
            Without the MFA code AWS does not let these keys change users, so the assistant could not use
            them.
          </li>
        </ol>
        <p className="muted">
          Only have the root user? Choose “I’ll do it myself in the AWS console” instead: it has a command for
          CloudShell that creates the sending user without giving the assistant any admin key.
        </p>
      </details>
      {fields}
      <div className="actions">
        <button className="primary" type="submit" disabled={busy || !state.ready}>
          {busy ? 'Checking with AWS…' : 'Use these admin keys'}
        </button>
      </div>
      {error && error.code !== 'INVALID_INPUT' && (
        <AdminRefusal
          error={error}
          otherWays={
            otherWays && {
              useKey: () => otherWays.useKey(state.keyId),
              console: otherWays.console,
            }
          }
        />
      )}
    </form>
  );
}
