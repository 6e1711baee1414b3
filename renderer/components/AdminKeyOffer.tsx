import { useState } from 'react';
import type { AdminSummary, AssistantError } from '../../electron/ipc/contract';
import { useAssistant } from '../app/store';
import { ErrorPanel } from './ErrorPanel';
import { who } from './admin-words';

const CONSOLE_STEPS =
  'in the AWS console: IAM → Users → your user → “Security credentials” → “Access keys” → Actions → Delete';

/**
 * A permanent admin key (AKIA…) made just for this assistant is a standing risk once setup is done:
 * this offers to delete it. The person confirms; the key then deletes itself (admin.deleteKey), and
 * admin access is forgotten. Keys from an AWS profile are the person's files, which the assistant
 * does not edit: for those it says how to do it by hand. Temporary keys need nothing.
 */
/** What can be offered for these admin keys: deleting them here, saying how by hand, or nothing. */
export function keyOffer(admin: AdminSummary): 'delete' | 'by-hand' | null {
  if (!admin.keyIdMasked?.startsWith('AKIA') || /:root$/.test(admin.arn)) return null;
  return admin.kind === 'aws-profile' ? 'by-hand' : 'delete';
}

export function AdminKeyOffer({ admin, afterSetup = false }: { admin: AdminSummary; afterSetup?: boolean }) {
  const deleteAdminKey = useAssistant((s) => s.deleteAdminKey);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AssistantError | null>(null);
  const offer = keyOffer(admin);
  const key = admin.keyIdMasked ?? 'this key';

  if (!offer) return null;
  if (offer === 'by-hand') {
    return (
      <p className="admin-key-offer muted">
        These admin keys come from your AWS profile, which the assistant does not edit. If you made key {key}{' '}
        just for this, delete it {CONSOLE_STEPS}, then remove its lines from ~/.aws/credentials.
      </p>
    );
  }

  async function remove() {
    setBusy(true);
    const result = await deleteAdminKey();
    setBusy(false);
    if (!result.ok) setError(result.error);
  }

  return (
    <div className="admin-key-offer">
      <p>
        {afterSetup ? 'Setup is done. ' : ''}You gave the assistant a <strong>permanent</strong> admin key (
        {key}
        ), which stays valid until someone deletes it. If you made it just for this, delete it now: nothing in
        the assistant needs it once setup is done, and a key nobody uses is a risk if it ever leaks. Next
        time, temporary keys are simpler.
      </p>
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)}>
          Delete this admin key…
        </button>
      ) : (
        <div role="group" aria-label="Confirm deleting the admin key" aria-busy={busy}>
          <p>
            <strong>
              Delete key {key} of {who(admin.arn)} in account {admin.accountId}?
            </strong>{' '}
            Anything else that uses this key stops working, and it cannot be undone. Admin access is forgotten
            too.
          </p>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
              {busy ? 'Deleting…' : 'Yes, delete the key'}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {error && <ErrorPanel error={error} />}
    </div>
  );
}
