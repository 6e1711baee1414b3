import { useCallback, useEffect, useState, type ComponentProps, type FormEvent } from 'react';
import type { AdminSummary } from '../../../electron/ipc/contract';
import { emailAddress } from '../../../electron/ipc/schemas';
import { AdminAccess } from '../../components/AdminAccess';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field, problemOf } from '../../components/Field';
import { useAssistant } from '../../app/store';
import { invoke } from '../../app/api';

/**
 * "Create a sending user for me": admin access for a moment, then one click. `otherWays` are the
 * Connect step's other options, offered when the keys given are not an administrator's.
 */
export function CreateUserForm({
  region,
  otherWays,
}: {
  region: string;
  otherWays?: ComponentProps<typeof AdminAccess>['otherWays'];
}) {
  const { createSendingUser, busy, actionError, progress } = useAssistant();
  const [admin, setAdmin] = useState<AdminSummary | null>(null);
  const [fromAddress, setFromAddress] = useState('');
  // Off by default: a key that may make keys lets whoever steals it make one of their own.
  const [selfRotation, setSelfRotation] = useState(false);
  const fromProblem = problemOf(emailAddress, fromAddress.trim());
  const onAdminChange = useCallback((a: AdminSummary | null) => setAdmin(a), []);
  // What the policy that stays allows, in the policy builder's own words.
  const [keyMay, setKeyMay] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void invoke('sendingUser.policy', {}).then((r) => live && r.ok && setKeyMay(r.value.keyMay));
    return () => {
      live = false;
    };
  }, []);

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
        otherWays={otherWays}
      />
      {admin && (
        <form className="panel" onSubmit={submit} aria-busy={busy} aria-labelledby="create-user-title">
          <h2 id="create-user-title">Create the sending user</h2>
          <p>
            The assistant will create an IAM user named <code>ses-setup-assistant-sender</code> with no
            console access and make its access key, kept in your system keychain. The user gets two policies:
            one that stays{keyMay ? `, with which the key may ${keyMay}` : ''}, and one for setup (verify your
            domain and its MAIL FROM, ask AWS to leave the sandbox) that you can take away from the Dashboard
            once setup is done. Nothing else in your AWS account.
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
            Let the key replace itself, so a key change needs no admin keys. Convenient, but anyone who stole
            the key could then make a new key of their own.
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
