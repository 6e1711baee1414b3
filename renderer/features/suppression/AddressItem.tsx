import { useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { REASON_WORDS, when } from './words';

type Address = OutputOf<'suppression.list'>['addresses'][number];
type Detail = NonNullable<OutputOf<'suppression.detail'>>;

/**
 * One suppressed address: why it is there, the details SES kept, and removing it, which asks first
 * and says what removing means for this reason.
 */
export function AddressItem({
  item,
  onRemove,
}: {
  item: Address;
  /** Removes the address; resolves to an error to show, or null once removed. */
  onRemove: (address: string) => Promise<AssistantError | null>;
}) {
  const [detail, setDetail] = useState<Detail | null | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AssistantError | null>(null);
  const id = `address-${item.address.replace(/[^a-zA-Z0-9]/g, '-')}`;

  async function toggleDetail() {
    setOpen(!open);
    if (detail !== undefined || open) return;
    const r = await invoke('suppression.detail', { address: item.address });
    if (r.ok) setDetail(r.value);
    else setError(r.error);
  }

  async function remove() {
    setBusy(true);
    const failure = await onRemove(item.address);
    setBusy(false);
    if (failure) setError(failure);
    else setConfirming(false);
  }

  return (
    <li className="suppressed-address" aria-labelledby={`${id}-name`}>
      <div className="suppressed-head">
        <strong id={`${id}-name`} className="suppressed-name">
          {item.address}
        </strong>
        <span className={`badge ${item.reason === 'BOUNCE' ? 'waiting' : 'bad'}`}>
          {REASON_WORDS[item.reason]}
        </span>
      </div>
      <p className="suppressed-why">
        {item.why} <span className="muted">Updated {when(item.lastUpdate)}.</span>
      </p>
      <div className="button-row">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-detail`}
          onClick={() => void toggleDetail()}
        >
          {open ? 'Hide details' : 'Details'}
        </button>
        {!confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            Remove from the list…
          </button>
        )}
      </div>
      {open && (
        <div id={`${id}-detail`} className="suppressed-detail">
          {detail === undefined && !error && <p role="status">Asking SES…</p>}
          {detail === null && <p>SES no longer has this address on the list.</p>}
          {detail && (
            <dl className="facts">
              <dt>Reason</dt>
              <dd>{REASON_WORDS[detail.reason]}</dd>
              <dt>Last updated</dt>
              <dd>{when(detail.lastUpdate)}</dd>
              <dt>Message</dt>
              <dd>{detail.messageId ? <code>{detail.messageId}</code> : 'SES did not say which message'}</dd>
              <dt>Feedback ID</dt>
              <dd>{detail.feedbackId ? <code>{detail.feedbackId}</code> : 'None given'}</dd>
            </dl>
          )}
        </div>
      )}
      {confirming && (
        <div className="confirm suppressed-confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            <strong>Remove {item.address} from the list?</strong>{' '}
            {item.reason === 'BOUNCE'
              ? 'SES will send to this address again. If it still does not exist, the next message bounces and counts against your bounce rate.'
              : 'SES will send to this person again, although they marked your mail as spam. Another complaint counts against your complaint rate.'}
          </p>
          <div className="button-row">
            <button type="button" onClick={() => void remove()} disabled={busy}>
              {busy ? 'Removing…' : 'Yes, remove it'}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              Keep it on the list
            </button>
          </div>
        </div>
      )}
      {error && <ErrorPanel error={error} />}
    </li>
  );
}
