import { useEffect, useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { useAssistant } from '../../app/store';
import { AdminAccess } from '../../components/AdminAccess';
import { ErrorPanel } from '../../components/ErrorPanel';

type Rights = OutputOf<'setupRights.status'>;

/**
 * What the sending policy leaves wider than the screens need, and why, in one sentence: AWS gives
 * the suppression-list reads and GetMetricData no narrower resource (sending-user/policy.ts); the
 * alarm reads are scoped to the assistant's own alarms, so they are not in it.
 */
const BROAD_READS =
  'AWS has no narrower permission for two of these reads, so the key can see every address on your suppression list and any CloudWatch metric in your account; that is what lets the feedback screen and the dashboard work without admin keys.';

const day = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date(iso));

/**
 * Setup needs the setup rights no more once the account has production access and SES holds a
 * verified sender: a domain, or a single address (a person who sends from one address is done too),
 * and no domain is still waiting for verification.
 */
export function setupIsDone(view: Pick<OutputOf<'dashboard.get'>, 'account' | 'identities'>): boolean {
  return (
    view.account.ok &&
    !view.account.value.sandbox &&
    view.identities.ok &&
    view.identities.value.some((i) => i.state === 'verified') &&
    // A domain still on its way needs the setup rights (verification, its MAIL FROM).
    !view.identities.value.some((i) => i.kind === 'domain' && i.state !== 'verified')
  );
}

/**
 * "What the app key may do" on the dashboard: the key lives on the person's servers, so once setup
 * is done the rights it needed only for setup are taken away (with admin access for a moment), and
 * given back the same way when a setup step is needed again.
 */
export function SetupRightsCard({ region, setupDone }: { region: string; setupDone: boolean }) {
  const admin = useAssistant((s) => s.admin);
  const [rights, setRights] = useState<Rights | null>(null);
  const [changing, setChanging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AssistantError | null>(null);

  useEffect(() => {
    let live = true;
    void invoke('setupRights.status', {}).then((r) => live && r.ok && setRights(r.value));
    return () => {
      live = false;
    };
  }, []);

  if (!rights) return null;
  // A key of unknown standing is treated as holding them: taking them away is what is offered.
  const attached = rights.state !== 'removed';

  async function change() {
    setBusy(true);
    const result = attached
      ? await invoke('setupRights.remove', { confirm: true })
      : await invoke('setupRights.restore', {});
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setRights(result.value);
    setChanging(false);
    setError(null);
  }

  return (
    <section className={`card${changing ? ' wide' : ''}`} aria-labelledby="card-key-rights">
      <h2 id="card-key-rights">What the app key may do</h2>
      {rights.state === 'unknown' ? (
        <>
          <p>
            The assistant did not make this key’s user here, so it cannot tell which rights the key holds. It
            uses the key to {rights.keyMay}.
          </p>
          {rights.manageable && (
            <p className="muted">
              If you made it with the assistant’s CloudShell command or console steps, its setup rights can be
              taken away here once setup is done.
            </p>
          )}
        </>
      ) : attached ? (
        <>
          <p>
            It may {rights.keyMay}, and, for setup, verify domains and addresses, set the MAIL FROM domain and
            ask AWS to leave the sandbox.
          </p>
          <p className="muted">{BROAD_READS}</p>
          {setupDone ? (
            <p className="notice">
              Setup is done. Take the setup rights away, so that anyone who ever stole this key could not
              verify new senders or ask AWS for anything in your name.
            </p>
          ) : (
            <p className="muted">
              Keep them until your domain (or address) is verified and you have production access; then take
              them away here.
            </p>
          )}
        </>
      ) : (
        <>
          <p>
            It may {rights.keyMay}; nothing more.
            {rights.changedAt && ` Setup rights taken away on ${day(rights.changedAt)}.`}
          </p>
          <p className="muted">{BROAD_READS}</p>
          <p className="muted">To verify another domain or ask AWS again, give them back for a while.</p>
        </>
      )}
      {rights.manageable && !changing && (
        <button
          type="button"
          className={attached && setupDone ? 'primary' : undefined}
          onClick={() => setChanging(true)}
        >
          {attached ? 'Take the setup rights away' : 'Give the setup rights back'}
        </button>
      )}
      {changing && (
        <>
          <AdminAccess
            region={region}
            why={`Changing what the key may do is done in IAM, so it needs an administrator’s keys once. The assistant ${
              attached ? 'detaches' : 'attaches'
            } the policy ${rights.policyName} ${attached ? 'from' : 'to'} ${rights.userName ?? 'the sending user'} and nothing else.`}
          />
          <div className="actions">
            <button type="button" className="primary" disabled={!admin || busy} onClick={() => void change()}>
              {busy
                ? 'Changing…'
                : attached
                  ? `Take the setup rights away from ${rights.userName ?? 'the key'}`
                  : `Give the setup rights back to ${rights.userName ?? 'the key'}`}
            </button>
            <button type="button" disabled={busy} onClick={() => setChanging(false)}>
              Cancel
            </button>
          </div>
        </>
      )}
      {error && <ErrorPanel error={error} />}
    </section>
  );
}
