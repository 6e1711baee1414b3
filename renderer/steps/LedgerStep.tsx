import { useCallback, useEffect, useState } from 'react';
import type { AdminSummary, AssistantError, LedgerItem } from '../../electron/ipc/contract';
import { invoke } from '../api';
import { AdminAccess } from '../components/AdminAccess';
import { ErrorPanel } from '../components/ErrorPanel';
import { StepHeading } from '../components/StepHeading';
import { useAssistant } from '../store/assistant';

const KIND_WORDS: Record<string, string> = {
  'iam-user': 'IAM user',
  'iam-policy': 'IAM policy',
  'iam-policy-attachment': 'Policy attachment',
  'iam-access-key': 'Access key',
  'ses-identity': 'Verified sender',
  'route53-record': 'DNS record',
  'sns-topic': 'Notification topic',
  'sns-subscription': 'Notification subscription',
};

const keyOf = (item: LedgerItem) => `${item.kind}:${item.id}:${item.region ?? ''}`;

const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** "What this app created": everything the assistant made in AWS, removable one by one or all at once. */
export function LedgerStep() {
  const { app, goBack, load } = useAssistant();
  const [items, setItems] = useState<LedgerItem[] | null>(null);
  const [admin, setAdmin] = useState<AdminSummary | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
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
    if (!result.ok) return setError(result.error);
    setError(null);
    setItems(result.value.ledger);
    setNotes(result.value.notes);
    await load();
  }

  return (
    <section className="step">
      <StepHeading
        title="What this app created in AWS"
        why="Everything the assistant made in your AWS account is listed here, so nothing is left behind that you do not know about."
      />
      {items === null ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="panel">The assistant has not created anything in your AWS account.</p>
      ) : (
        <>
          <AdminAccess
            region={app?.region ?? 'us-east-1'}
            why="Removing things from your AWS account needs an administrator’s keys; the sending user is not allowed to."
            onChange={onAdminChange}
          />
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
                    {item.label ?? item.id}
                    {item.region && <span className="muted"> ({item.region})</span>}
                  </td>
                  <td>{date.format(new Date(item.createdAt))}</td>
                  <td>
                    <button
                      type="button"
                      disabled={!admin || busy !== null}
                      onClick={() => void remove(item)}
                      aria-label={`Remove ${item.label ?? item.id}`}
                    >
                      {busy === keyOf(item) ? 'Removing…' : 'Remove'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            {!confirmAll ? (
              <button type="button" disabled={!admin || busy !== null} onClick={() => setConfirmAll(true)}>
                Remove everything
              </button>
            ) : (
              <div className="panel warn" role="alert">
                <p>
                  This deletes all {items.length} items above from your AWS account. Email sent through the
                  sending user will stop working. This cannot be undone.
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
      <div className="actions">
        <button type="button" onClick={() => void goBack()}>
          Back
        </button>
      </div>
    </section>
  );
}
