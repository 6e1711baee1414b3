import { useEffect, useState, type FormEvent } from 'react';
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

/**
 * Asks for admin credentials when a step needs more than the sending user may do, and shows who
 * they belong to once given, with "Forget admin access". The credentials stay in the main process's
 * memory only.
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
  const { fields, state } = useKeyFields(region, 'admin-', error);

  useEffect(() => {
    void invoke('admin.status', {}).then((r) => {
      const value = r.ok ? r.value : null;
      setAdmin(value);
      onChange?.(value);
    });
  }, [onChange]);

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
      setAdmin(result.value);
      onChange?.(result.value);
    }
  }

  async function forget() {
    await invoke('admin.forget', {});
    setAdmin(null);
    onChange?.(null);
  }

  if (admin === undefined) return null;
  if (admin) {
    return (
      <div className="panel good admin-summary">
        <p>
          <strong>Admin access is open</strong> ({who(admin.arn)}, account {admin.accountId}). It is kept in
          memory only and forgotten when you quit.
        </p>
        <button type="button" onClick={() => void forget()}>
          Forget admin access
        </button>
      </div>
    );
  }
  return (
    <form className="panel" onSubmit={submit} aria-busy={busy} aria-labelledby="admin-title">
      <h2 id="admin-title">Admin access, for a moment</h2>
      <p>{why}</p>
      <p className="muted">
        Best: temporary keys from <strong>AWS CloudShell</strong> or IAM Identity Center (they start with ASIA
        and expire on their own). The assistant keeps them in memory only — never on disk — and forgets them
        when you click “Forget admin access” or quit. Keys of the root user are refused.
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
