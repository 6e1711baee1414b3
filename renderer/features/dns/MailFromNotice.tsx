import { useState } from 'react';
import type { AssistantError, PlanNote } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';

/**
 * Shown when SES does not use the plan's MAIL FROM domain (a domain verified in the console, or a
 * MAIL FROM that could not be set at verification): says what that means and sets it with one
 * click, with the app key (its setup rights; a refusal says how to give them back). It is optional
 * (DKIM alone lines mail up for DMARC), so its button is never the step's main action.
 */
export function MailFromNotice({
  note,
  domain,
  mailFrom,
  onSet,
}: {
  note: PlanNote;
  domain: string;
  mailFrom: string;
  onSet: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AssistantError | null>(null);

  async function tellSes() {
    setBusy(true);
    setError(null);
    const result = await invoke('identities.setMailFrom', { domain, mailFromSubdomain: mailFrom });
    setBusy(false);
    if (result.ok) onSet();
    else setError(result.error);
  }

  return (
    <div className="notice" role="status">
      <p>{note.message}</p>
      <div className="actions">
        <button onClick={() => void tellSes()} disabled={busy}>
          {busy ? 'Telling SES…' : `Use ${mailFrom} in SES`}
        </button>
      </div>
      {error && <ErrorPanel error={error} />}
    </div>
  );
}
