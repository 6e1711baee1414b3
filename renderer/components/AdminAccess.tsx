import { useEffect, useState, type FormEvent } from 'react';
import type { AdminSummary, AssistantError } from '../../electron/ipc/contract';
import { invoke } from '../api';
import { ErrorPanel } from './ErrorPanel';
import { useKeyFields } from './KeyFields';

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
          <strong>Admin access is open</strong> for {admin.arn} (
          {admin.kind === 'temporary'
            ? 'temporary keys'
            : admin.kind === 'aws-profile'
              ? 'AWS profile'
              : 'long-term keys'}
          ). It is kept in memory only and forgotten when you quit.
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
