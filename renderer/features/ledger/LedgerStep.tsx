import { useCallback, useEffect, useState } from 'react';
import type { AdminSummary, AssistantError, LedgerItem } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { AdminAccess } from '../../components/AdminAccess';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StepHeading } from '../../components/StepHeading';
import { useAssistant } from '../../app/store';

const KIND_WORDS: Record<string, string> = {
  'iam-user': 'IAM user',
  'iam-policy': 'IAM policy',
  'iam-policy-attachment': 'Policy attachment',
  'iam-access-key': 'Access key',
  'ses-identity': 'Verified sender',
  'route53-record': 'DNS record',
  'cloudflare-record': 'DNS record at Cloudflare',
  'sns-topic': 'Notification topic',
  'sns-subscription': 'Notification subscription',
  'sns-delivery-topic': 'Delivery notification topic',
  'sqs-queue': 'Queue of bounce and complaint events',
  'cloudwatch-alarm': 'CloudWatch alarm',
};

/** Records at Cloudflare are removed with the zone's Cloudflare token, not with AWS admin keys. */
const needsAdmin = (item: LedgerItem) => item.kind !== 'cloudflare-record';

const keyOf = (item: LedgerItem) => `${item.kind}:${item.id}:${item.region ?? ''}`;

const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** The name without the kind the first column already says ("IAM policy X" → "X"). */
function nameOf(item: LedgerItem): string {
  const name = item.label ?? item.id;
  const kind = KIND_WORDS[item.kind];
  return kind && name.toLowerCase().startsWith(`${kind.toLowerCase()} `) ? name.slice(kind.length + 1) : name;
}

/** Removing one of these stops the mail sent through it, so the person is asked first. */
const STOPS_SENDING: Record<string, string> = {
  'iam-access-key':
    'Removing this access key stops all email sent through it, including apps that use its SMTP password. This cannot be undone.',
  'iam-user':
    'Removing this user (the AWS user the assistant uses) deletes its keys too, so all email sent through it stops. This cannot be undone.',
};

/** "What this app created": everything the assistant made in AWS, removable one by one or all at once. */
export function LedgerStep() {
  const { app, goBack, goTo, load } = useAssistant();
  const [items, setItems] = useState<LedgerItem[] | null>(null);
  const [admin, setAdmin] = useState<AdminSummary | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  /** The row waiting for "Yes, remove it" (an access key or the user), by its key. */
  const [confirmOne, setConfirmOne] = useState<LedgerItem | null>(null);
  /** True once something was removed here: an empty list then means "removed", not "never made". */
  const [removedSome, setRemovedSome] = useState(false);
  const onAdminChange = useCallback((a: AdminSummary | null) => setAdmin(a), []);

  useEffect(() => {
    void invoke('ledger.list', {}).then((r) => r.ok && setItems(r.value));
  }, []);

  async function remove(item: LedgerItem | 'all') {
    setBusy(item === 'all' ? 'all' : keyOf(item));
    const result =
      item === 'all'
        ? await invoke('ledger.removeAll', { confirm: true })
        : await invoke('ledger.remove', { kind: item.kind, id: item.id, region: item.region });
    setBusy(null);
    setConfirmAll(false);
    setConfirmOne(null);
    if (!result.ok) return setError(result.error);
    setError(null);
    setRemovedSome(true);
    setItems(result.value.ledger);
    setNotes(result.value.notes);
    await load();
  }

  function askOrRemove(item: LedgerItem) {
    if (STOPS_SENDING[item.kind]) setConfirmOne(item);
    else void remove(item);
  }

  const disconnected = removedSome && !app?.activeProfileId;
  const wroteAtCloudflare = items?.some((i) => !needsAdmin(i)) ?? false;

  return (
    <section className="step">
      <StepHeading
        title="What this app created in AWS"
        why={`Everything the assistant made in your AWS account${wroteAtCloudflare ? ', and the DNS records it wrote at Cloudflare,' : ''} is listed here, so nothing is left behind that you do not know about.`}
      />
      {items === null ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="panel">
          {removedSome
            ? 'Everything the assistant created has been removed.'
            : 'The assistant has not created anything in your AWS account.'}
        </p>
      ) : (
        <>
          {items.some(needsAdmin) && (
            <AdminAccess
              region={app?.region ?? ''}
              why="Removing things from your AWS account needs an administrator’s keys; the sending user is not allowed to."
              onChange={onAdminChange}
            />
          )}
          {items.some((i) => !needsAdmin(i)) && (
            <p className="muted">
              DNS records at Cloudflare are removed with the Cloudflare token kept for their domain: a record
              the assistant added is deleted, one it changed gets back what it held before.
            </p>
          )}
          <table className="ledger">
            <caption className="muted">Created by the SES Setup Assistant</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={keyOf(item)}>
                  <td>{KIND_WORDS[item.kind] ?? item.kind}</td>
                  <td className="wrap">
                    {nameOf(item)}
                    {item.region && !nameOf(item).includes(item.region) && (
                      <span className="muted"> ({item.region})</span>
                    )}
                  </td>
                  <td className="date">{date.format(new Date(item.createdAt))}</td>
                  <td>
                    <button
                      type="button"
                      disabled={(needsAdmin(item) && !admin) || busy !== null}
                      onClick={() => askOrRemove(item)}
                      aria-label={`Remove ${nameOf(item)}`}
                    >
                      {busy === keyOf(item) ? 'Removing…' : 'Remove'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {confirmOne && (
            <div className="panel warn" role="alert">
              <p>
                <strong>{nameOf(confirmOne)}</strong>: {STOPS_SENDING[confirmOne.kind]}
              </p>
              <div className="actions">
                <button
                  className="danger"
                  type="button"
                  onClick={() => void remove(confirmOne)}
                  disabled={busy !== null}
                >
                  {busy === keyOf(confirmOne) ? 'Removing…' : 'Yes, remove it'}
                </button>
                <button type="button" onClick={() => setConfirmOne(null)}>
                  Keep it
                </button>
              </div>
            </div>
          )}
          <div className="actions">
            {!confirmAll ? (
              <button
                type="button"
                disabled={(items.some(needsAdmin) && !admin) || busy !== null}
                onClick={() => setConfirmAll(true)}
              >
                Remove everything
              </button>
            ) : (
              <div className="panel warn" role="alert">
                <p>
                  This deletes all {items.length} items above
                  {items.some(needsAdmin) ? ' from your AWS account' : ''}
                  {items.some((i) => !needsAdmin(i))
                    ? ' and takes back the DNS records written at Cloudflare'
                    : ''}
                  .{items.some(needsAdmin) && ' Email sent through the sending user will stop working.'} This
                  cannot be undone.
                </p>
                <div className="actions">
                  <button
                    className="danger"
                    type="button"
                    onClick={() => void remove('all')}
                    disabled={busy !== null}
                  >
                    {busy === 'all' ? 'Removing…' : 'Yes, remove everything'}
                  </button>
                  <button type="button" onClick={() => setConfirmAll(false)}>
                    Keep them
                  </button>
                </div>
              </div>
            )}
          </div>
        </>
      )}
      {notes.map((note) => (
        <p key={note} className="notice" role="status">
          {note}
        </p>
      ))}
      {error && <ErrorPanel error={error} />}
      {disconnected && (
        <p className="panel warn">You are no longer connected: connect AWS again to keep sending.</p>
      )}
      <div className="actions">
        {disconnected && (
          <button className="primary" type="button" onClick={() => void goTo('connect')}>
            Connect AWS again
          </button>
        )}
        <button type="button" onClick={() => void goBack()}>
          Back
        </button>
      </div>
    </section>
  );
}
