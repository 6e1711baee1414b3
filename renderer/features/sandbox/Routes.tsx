import { useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { toAnswers, type Form } from './Questionnaire';

type Status = OutputOf<'sandbox.status'>;
type Draft = OutputOf<'sandbox.draft'>;

/** The console page with "Request production access". */
export const consoleUrl = (region: string) =>
  `https://${region}.console.aws.amazon.com/ses/home?region=${region}#/account`;

/**
 * The two ways AWS documents to ask for production access: the console form, or the API
 * (PutAccountDetails, `aws sesv2 put-account-details`), which the assistant calls after the person
 * confirms. Each is described only by what AWS says of it. Both wait for a complete request.
 */
export function Routes({
  region,
  form,
  draft,
  missing,
  onSent,
  onNoted,
}: {
  region: string;
  form: Form;
  draft: Draft | null;
  missing: string[];
  onSent: (s: Status) => void;
  onNoted: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AssistantError | null>(null);
  const incomplete = !draft || draft.missing.length > 0 || missing.length > 0;

  async function copyAndOpen() {
    if (!draft) return;
    const c = await invoke('clipboard.copy', { text: draft.text });
    if (!c.ok) return setError(c.error);
    await invoke('links.open', { url: consoleUrl(region) });
    await invoke('sandbox.usedConsole', { region });
    setCopied(true);
    onNoted();
  }

  async function submit() {
    setBusy(true);
    setError(null);
    const r = await invoke('sandbox.submit', { region, answers: toAnswers(form), confirm: true });
    setBusy(false);
    if (r.ok) onSent(r.value);
    else setError(r.error);
  }

  return (
    <>
      <h2>Send it to AWS: two ways</h2>
      <div className="sandbox-columns">
        <section className="panel" aria-labelledby="route-console">
          <h3 id="route-console">Copy into the AWS form</h3>
          <p>
            The assistant copies the text and opens your SES account page in {region}. There, click “Request
            production access”, and paste it into the use-case description box.
          </p>
          <button
            type="button"
            className="primary"
            disabled={!draft || incomplete}
            onClick={() => void copyAndOpen()}
          >
            Copy the text and open the AWS console
          </button>
          {copied && (
            <p role="status">
              <strong>Copied.</strong> Paste it into the form in your browser. Come back here to follow the
              review.
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby="route-api">
          <h3 id="route-api">Send it for me</h3>
          <p>
            The assistant sends the request to AWS for {region} itself, through the SES API: the same request
            as AWS’s documented command <code>aws sesv2 put-account-details</code>. In that request AWS marks
            the use-case description (the text above) as optional and deprecated.
          </p>
          <label className="check confirm">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            <span>I have read the request and want the assistant to send it to AWS now.</span>
          </label>
          <button type="button" disabled={!confirmed || busy || incomplete} onClick={() => void submit()}>
            {busy ? 'Sending…' : 'Send the request for me'}
          </button>
        </section>
      </div>
      {incomplete && (
        <p className="muted">
          Both buttons wait for a complete request.
          {missing.length > 0 && <> Still needed: {missing.join(', ')}</>}
        </p>
      )}
      {error && <ErrorPanel error={error} />}
    </>
  );
}
