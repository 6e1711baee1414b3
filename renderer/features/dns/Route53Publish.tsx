import { useCallback, useEffect, useState } from 'react';
import type { AdminSummary, AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { useAssistant } from '../../app/store';
import { AdminAccess } from '../../components/AdminAccess';
import { BreakAtDots } from './DnsRecordTable';
import { ErrorPanel } from '../../components/ErrorPanel';

type Preview = OutputOf<'route53.preview'>;
type Published = OutputOf<'route53.publish'>;

/**
 * When the domain's DNS is a Route 53 hosted zone of this account, offers to write the SES records:
 * shows what is missing or wrong, asks, writes only those, and says what was done. Needs the admin
 * session (the sending user may not touch DNS). `onPublished` lets the DNS screen check again.
 * The admin form appears only once the person chooses this way; from then on the panel holds the
 * next thing to do, and `onLead` tells the screen so that only one button is primary.
 */
export function Route53Publish({
  domain,
  onPublished,
  onLead,
}: {
  domain: string;
  onPublished?: () => void;
  onLead?: (leads: boolean) => void;
}) {
  const region = useAssistant((s) => s.app?.region ?? '');
  const [admin, setAdmin] = useState<AdminSummary | null | undefined>(undefined);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Published | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [chosen, setChosen] = useState(false);
  /** The preview changed between the one confirmed and the write: nothing was written. */
  const [stale, setStale] = useState(false);
  const leads = chosen && !done && (!preview || preview.changes.length > 0);
  useEffect(() => onLead?.(leads), [leads, onLead]);

  useEffect(() => {
    if (!admin) return;
    void invoke('route53.preview', { domain }).then((result) => {
      setError(result.ok ? null : result.error);
      setPreview(result.ok ? result.value : null);
    });
  }, [admin, domain]);

  const adminChanged = useCallback((summary: AdminSummary | null) => {
    setAdmin(summary);
    setPreview(null);
    setDone(null);
  }, []);

  async function publish(confirmed: Preview) {
    setBusy(true);
    setError(null);
    const result = await invoke('route53.publish', { domain, confirm: true, digest: confirmed.digest });
    setBusy(false);
    setAsking(false);
    if (!result.ok) return setError(result.error);
    setStale(result.value.stale);
    setPreview(result.value);
    if (result.value.stale) return;
    setDone(result.value);
    onPublished?.();
  }

  return (
    <section className="panel route53" aria-labelledby="route53-title">
      <h2 id="route53-title">Is your domain’s DNS in Amazon Route 53?</h2>
      {done && (
        <div className="panel good" role="status">
          <p>
            <strong>
              {done.written.length === 0
                ? 'Nothing needed adding: every record was already in Route 53.'
                : `Added ${done.written.length} record${done.written.length === 1 ? '' : 's'} to Route 53.`}
            </strong>
            {done.written.length > 0 && ' They usually go live within a minute: press Check now.'}
          </p>
        </div>
      )}
      <p>
        If it is, the assistant can add the records for you. This needs admin access for a moment, because the
        sending user is not allowed to change DNS.
      </p>
      {chosen ? (
        <AdminAccess
          region={region}
          why="Writing DNS records in Route 53 needs an administrator’s keys."
          onChange={adminChanged}
        />
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setChosen(true)}>
            Add them to Route 53 for me
          </button>
        </div>
      )}
      {admin && !preview && !error && <p className="muted">Looking for {domain} in Route 53…</p>}
      {preview && !preview.zone && (
        <p className="muted">
          {domain} is not in a Route 53 hosted zone of this account. Add the records where your domain’s DNS
          is managed, as shown above.
        </p>
      )}
      {preview?.notes
        .filter((n) => n.code !== 'NO_HOSTED_ZONE')
        .map((n) => (
          <p key={n.code} className="notice">
            {n.message}
          </p>
        ))}
      {preview?.zone && preview.changes.length === 0 && !done && (
        <p className="good">Every SES record is already in your Route 53 zone {preview.zone.name}.</p>
      )}
      {stale && (
        <p className="notice" role="status">
          Your DNS or SES changed after this list was made, so nothing was written. Below is the list as it is
          now: check it, then write again.
        </p>
      )}
      {preview?.zone && preview.changes.length > 0 && (
        <>
          <p>
            In your Route 53 zone <strong>{preview.zone.name}</strong>, {changesSummary(preview.changes)}:
          </p>
          <ul className="route53-changes">
            {preview.changes.map((c) => (
              <li key={`${c.name} ${c.type}`}>
                <strong>{c.action === 'create' ? 'Add' : 'Fix'}</strong> {c.type}{' '}
                <BreakAtDots text={c.name} /> → <BreakAtDots text={c.value} />
                {c.action === 'fix' && <small className="muted"> (now: {c.current.join(', ')})</small>}
              </li>
            ))}
          </ul>
          {preview.inPlace.length > 0 && (
            <p className="muted">{preview.inPlace.length} already right, left as they are.</p>
          )}
          {!asking ? (
            <button className={leads ? 'primary' : undefined} onClick={() => setAsking(true)}>
              Write these records to Route 53
            </button>
          ) : (
            <div className="panel warn" role="alert">
              <p>
                This changes your domain’s DNS: only the {preview.changes.length} record
                {preview.changes.length === 1 ? '' : 's'} listed above. Everything else in the zone stays as
                it is, and “What this app created” can remove them again.
              </p>
              <div className="actions">
                <button className="primary" onClick={() => void publish(preview)} disabled={busy}>
                  {busy ? 'Writing…' : 'Yes, write them'}
                </button>
                <button onClick={() => setAsking(false)} disabled={busy}>
                  Cancel
                </button>
              </div>
            </div>
          )}
        </>
      )}
      {error && <ErrorPanel error={error} />}
    </section>
  );
}

/** "6 records are missing", "1 record is wrong", "4 records are missing and 2 are wrong": as the diff says. */
export function changesSummary(changes: Preview['changes']): string {
  const missing = changes.filter((c) => c.action === 'create').length;
  const wrong = changes.length - missing;
  const count = (n: number) => `${n} record${n === 1 ? ' is' : 's are'}`;
  if (wrong === 0) return `${count(missing)} missing`;
  if (missing === 0) return `${count(wrong)} wrong`;
  return `${count(missing)} missing and ${wrong} ${wrong === 1 ? 'is' : 'are'} wrong`;
}
