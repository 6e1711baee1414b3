import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { AdminSummary, AssistantError } from '../../electron/ipc/contract';
import { invoke } from '../app/api';
import { ErrorPanel } from './ErrorPanel';
import { useKeyFields } from './KeyFields';

/** "arn:aws:iam::1:user/admin" → user “admin”; "arn:aws:sts::1:assumed-role/Admin/jo" → role “Admin” (jo). */
function who(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  const [kind, ...rest] = resource.split('/');
  if (kind === 'assumed-role') return `role “${rest[0]}”${rest[1] ? ` (${rest[1]})` : ''}`;
  if (kind === 'user') return `user “${rest.at(-1)}”`;
  return resource;
}

const clockTime = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function minutesLeft(iso: string, now: number): string {
  const n = Math.max(1, Math.ceil((Date.parse(iso) - now) / 60_000));
  return `${n} minute${n === 1 ? '' : 's'}`;
}

/** How often the countdown moves on. */
const TICK_MS = 15_000;

/**
 * Asks for admin credentials when a step needs more than the sending user may do, and shows who
 * they belong to once given, with what they may not do, when they will be forgotten, and "Forget
 * admin access". The credentials stay in the main process's memory only; it forgets them by itself
 * after 15 minutes without use or an hour at most, so this panel checks again when that time comes
 * and when the window comes back (the screen was locked, the computer slept).
 */
export function AdminAccess({
  region,
  why,
  onChange,
}: {
  region: string;
  why: string;
  onChange?: (admin: AdminSummary | null) => void;
}) {
  const [admin, setAdmin] = useState<AdminSummary | null | undefined>(undefined);
  const [error, setError] = useState<AssistantError | null>(null);
  const [busy, setBusy] = useState(false);
  /** The session this panel showed was forgotten by the main process (time, screen lock), not by a click. */
  const [lapsed, setLapsed] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const { fields, state } = useKeyFields(region, 'admin-', error);
  const shown = useRef<AdminSummary | null | undefined>(undefined);
  const checkedAt = useRef<string | null>(null);

  const show = useCallback(
    (value: AdminSummary | null, lapsedNow: boolean) => {
      shown.current = value;
      setAdmin(value);
      if (lapsedNow) setLapsed(true);
      onChange?.(value);
    },
    [onChange],
  );

  const refresh = useCallback(async () => {
    const r = await invoke('admin.status', {});
    const value = r.ok ? r.value : null;
    show(value, Boolean(shown.current) && !value);
  }, [show]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // The main process may have forgotten the keys while the window was away (screen lock, sleep, tray).
  useEffect(() => {
    const again = () => {
      if (document.visibilityState !== 'hidden') void refresh();
    };
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [refresh]);

  // The countdown; at the deadline, ask again (a step in between may have used, and so extended, it).
  const expiresAt = admin?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [expiresAt]);
  useEffect(() => {
    if (expiresAt && now >= Date.parse(expiresAt) && checkedAt.current !== expiresAt) {
      checkedAt.current = expiresAt;
      void refresh();
    }
  }, [expiresAt, now, refresh]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!state.ready) return;
    const input = state.ready;
    state.clearSecrets();
    setBusy(true);
    const result = await invoke('admin.open', input);
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setLapsed(false);
      setNow(Date.now());
      show(result.value, false);
    }
  }

  async function forget() {
    await invoke('admin.forget', {});
    show(null, false);
  }

  /** New keys typed or pasted: an error about the previous ones no longer applies. */
  const keysChanged = () => {
    if (error) setError(null);
  };

  if (admin === undefined) return null;
  if (admin) {
    const limits = admin.limits ?? [];
    return (
      <div className="panel good admin-summary">
        <p>
          <strong>Admin access is open</strong> ({who(admin.arn)}, account {admin.accountId}). It is kept in
          memory only
          {admin.kind === 'aws-profile'
            ? ' — read once from your AWS profile, so later changes to ~/.aws do not affect it —'
            : ''}{' '}
          and forgotten when you quit.
        </p>
        {admin.expiresAt && admin.latestExpiresAt && (
          <p className="muted admin-expiry">
            Forgotten in {minutesLeft(admin.expiresAt, now)} unless a step uses it (after{' '}
            {admin.idleMinutes ?? 15} minutes without use), and at {clockTime(admin.latestExpiresAt)} at the
            latest. Locking the screen also forgets it.
          </p>
        )}
        {limits.length > 0 && (
          <div className="admin-limits">
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
        {admin.rightsCheck === 'read-only' && (
          <p className="muted">
            AWS did not let the assistant check each permission of these keys (iam:SimulatePrincipalPolicy),
            but they can read IAM. A step they may not do will say which permission is missing.
          </p>
        )}
        <button type="button" onClick={() => void forget()}>
          Forget admin access
        </button>
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
      aria-labelledby="admin-title"
    >
      <h2 id="admin-title">Admin access, for a moment</h2>
      <p>{why}</p>
      {lapsed && (
        <p role="status" className="admin-lapsed">
          The admin access you gave was forgotten: it is kept for 15 minutes without use, an hour at most, and
          is dropped when the screen locks or the computer sleeps. Give the keys again to go on.
        </p>
      )}
      <p className="muted">
        Best: temporary keys from <strong>AWS CloudShell</strong> or IAM Identity Center (they start with ASIA
        and expire on their own). The assistant keeps them in memory only — never on disk — and forgets them
        after 15 minutes without use, after an hour at most, when you click “Forget admin access” or quit.
        Keys of the root user are refused, and so are keys that may not do what the assistant needs.
      </p>
      <details>
        <summary>How do I get admin keys?</summary>
        <ol className="steps">
          <li>Sign in to the AWS console as an administrator (not as the root user).</li>
          <li>
            Open <strong>CloudShell</strong>: the <code>&gt;_</code> icon at the top of the console.
          </li>
          <li>
            Type <code>aws configure export-credentials --format env-no-export</code> and press Enter.
          </li>
          <li>
            Copy the three values it prints into the fields below. They start with ASIA and stop working by
            themselves after a few hours.
          </li>
        </ol>
        <p className="muted">
          Or use the access key of an IAM user with the AWS managed policy{' '}
          <strong>AdministratorAccess</strong>, or the “Access keys” of an administrator permission set in IAM
          Identity Center.
        </p>
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
      {error && error.code !== 'INVALID_INPUT' && <ErrorPanel error={error} />}
    </form>
  );
}
