import { useCallback, useState, type FormEvent } from 'react';
import type { AdminSummary } from '../../../electron/ipc/contract';
import { emailAddress } from '../../../electron/ipc/schemas';
import { AdminAccess } from '../../components/AdminAccess';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field, problemOf } from '../../components/Field';
import { useAssistant } from '../../app/store';

/** "Create a sending user for me": admin access for a moment, then one click. */
export function CreateUserForm({ region }: { region: string }) {
  const { createSendingUser, busy, actionError, progress } = useAssistant();
  const [admin, setAdmin] = useState<AdminSummary | null>(null);
  const [fromAddress, setFromAddress] = useState('');
  const [selfRotation, setSelfRotation] = useState(true);
  const fromProblem = problemOf(emailAddress, fromAddress.trim());
  const onAdminChange = useCallback((a: AdminSummary | null) => setAdmin(a), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (fromProblem || busy) return;
    await createSendingUser({ region, fromAddress: fromAddress.trim() || undefined, selfRotation });
  }

  return (
    <>
      <AdminAccess
        region={region}
        why="To create the sending user, the assistant needs an administrator’s keys once. It then works only with the new user, which can send email and do the few setup steps listed below."
        onChange={onAdminChange}
      />
      {admin && (
        <form className="panel" onSubmit={submit} aria-busy={busy} aria-labelledby="create-user-title">
          <h2 id="create-user-title">Create the sending user</h2>
          <p>
            The assistant will create an IAM user named <code>ses-setup-assistant-sender</code> with no
            console access, give it a policy that allows sending email, reading your sending limits, verifying
            your domain and its MAIL FROM, asking AWS to leave the sandbox and (if you allow it below)
            changing its own key, and nothing else in your AWS account; make its access key and keep that key
            in your system keychain.
          </p>
          <Field
            id="from-address"
            label="Only allow sending from this address (optional)"
            hint="Leave empty to allow any address of your verified domains."
            problem={fromProblem}
          >
            <input
              id="from-address"
              type="email"
              value={fromAddress}
              onChange={(e) => setFromAddress(e.target.value)}
              placeholder="noreply@example.com"
            />
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={selfRotation}
              onChange={(e) => setSelfRotation(e.target.checked)}
            />
            Let the assistant replace this key every 90 days (recommended)
          </label>
          <div className="actions">
            <button className="primary" type="submit" disabled={busy || Boolean(fromProblem)}>
              {busy ? 'Creating the sending user…' : 'Create the sending user'}
            </button>
          </div>
          {busy && (
            <p role="status" className="muted">
              {progress ??
                'Creating the user, its policy and its key, then waiting until AWS accepts the new key.'}{' '}
              This can take up to a minute.
            </p>
          )}
          {actionError && actionError.code !== 'INVALID_INPUT' && <ErrorPanel error={actionError} />}
        </form>
      )}
    </>
  );
}
