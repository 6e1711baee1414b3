import { useState } from 'react';
import { invoke } from '../../app/api';
import { SmtpCopy, SmtpPasswordField } from '../../components/SmtpSecret';
import { fmtMoment, type KeyStatus, type RotationProgress, type Run } from './key-status';

/**
 * The hand-over: the new key is in use and its SMTP settings are here to paste into the apps, while
 * the old key is watched until nothing uses it (or the person says every app has the new one).
 */
export function Handover({
  status,
  rotation: r,
  busy,
  run,
  refresh,
}: {
  status: KeyStatus;
  rotation: RotationProgress;
  busy: boolean;
  run: Run;
  refresh: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <section className="panel good" aria-labelledby="new-key-title">
        <h2 id="new-key-title">Your new key is ready — update your apps</h2>
        <p>
          The assistant already uses the new key {r.newKeyIdMasked}. Your old key {r.oldKeyIdMasked} still
          works for now, so nothing stops sending while you update.
        </p>
        <dl className="facts smtp-settings">
          <dt>SMTP user name</dt>
          <dd>
            <code>{r.newKeyIdMasked}</code> <SmtpCopy what="userName" label="Copy user name" />
          </dd>
          <dt>SMTP password ({r.region})</dt>
          <dd>
            <SmtpPasswordField testId="new-smtp-password" />
          </dd>
        </dl>
        <h3>Update these now</h3>
        <ul>
          <li>
            Every app that sends your email by SMTP (a web shop, WordPress, a newsletter tool): paste the new
            user name and password.
          </li>
          {status.awsProfileName && (
            <li>
              The AWS profile “{status.awsProfileName}” on this computer (~/.aws/credentials) still holds the
              old key: replace it.
            </li>
          )}
          <li>Servers or scripts that use the old access key {r.oldKeyIdMasked} with the AWS SDK.</li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="watch-title">
        <h2 id="watch-title">Watching the old key</h2>
        <p>
          {r.oldKeyUsedSinceHandover
            ? `Something still used the old key on ${fmtMoment(r.oldKeyLastUsedAt!)}. An app has not been updated yet.`
            : 'AWS has seen no use of the old key since the hand-over.'}{' '}
          The assistant deletes the old key once nothing has used it for {r.retireAfterHours} hours
          {r.retireAt ? ` (not before ${fmtMoment(r.retireAt)})` : ''}.
        </p>
        {r.oldKeyCheckedAt && (
          <p className="muted">
            Last checked {fmtMoment(r.oldKeyCheckedAt)}. AWS can take a few hours to report a use.
          </p>
        )}
        <div className="actions">
          <button disabled={busy} onClick={() => void refresh()}>
            Check again
          </button>
          {confirming ? (
            <>
              <button
                className="primary"
                disabled={busy}
                onClick={() => void run(() => invoke('rotation.confirmOldKeyUnused', { confirm: true }))}
              >
                Yes, switch off the old key now
              </button>
              <button onClick={() => setConfirming(false)}>Not yet</button>
            </>
          ) : (
            <button className="primary" disabled={busy} onClick={() => setConfirming(true)}>
              All my apps use the new key
            </button>
          )}
        </div>
        {confirming && (
          <p role="alert" className="muted">
            Anything still using the old key will stop sending the moment it is switched off.
          </p>
        )}
      </section>
    </>
  );
}
