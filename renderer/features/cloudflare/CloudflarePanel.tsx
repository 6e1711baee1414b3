import { useEffect, useRef, useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { CloudflareChanges } from './CloudflareChanges';
import { ForgetOffer, KeptToken } from './KeptToken';
import { OtherZonesConfirm } from './OtherZonesConfirm';
import { TokenForm } from './TokenForm';
import './cloudflare.css';

type Status = OutputOf<'cloudflare.status'>;
type Preview = OutputOf<'cloudflare.preview'>;
type Written = OutputOf<'cloudflare.write'>;

/**
 * "Let the assistant add the records at Cloudflare": open Cloudflare's token page pre-filled, paste
 * the token, look at what will change, confirm. Four actions at most, against some twenty-five by
 * hand. A token that can change other domains too is kept only once the person confirms them by
 * name; once every record is in place, the panel offers to forget the token. `onLead` tells the DNS screen whether this panel holds the next thing to do (so that only
 * one primary button shows); `onWritten` lets it check the records live at once.
 */
export function CloudflarePanel({
  domain,
  mailFrom,
  onLead,
  onWritten,
}: {
  domain: string;
  mailFrom: string;
  onLead?: (leads: boolean) => void;
  onWritten?: () => void;
}) {
  const [status, setStatus] = useState<Status | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [written, setWritten] = useState<Written | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [busy, setBusy] = useState<'token' | 'preview' | 'write' | null>(null);
  const [opened, setOpened] = useState(false);
  const [spf, setSpf] = useState<'keep' | 'merge'>('keep');
  const [unproxy, setUnproxy] = useState(false);
  /** The preview changed between the one confirmed and the write: nothing was written. */
  const [stale, setStale] = useState(false);
  /**
   * A token refused because it reaches other domains, held (never shown) while the person decides
   * whether to keep it anyway; dropped when another token is pasted.
   */
  const refusedToken = useRef<string | null>(null);

  // The DNS screen keys this panel by domain: another domain is a fresh panel.
  useEffect(() => {
    void invoke('cloudflare.status', { domain })
      .then((r) => {
        if (!r.ok) return;
        setStatus(r.value);
        if (r.value.tokenSaved) void loadPreview('keep');
      })
      .catch(() => undefined);
    // Once per domain; the preview's own inputs are given when it is asked for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [domain]);

  const toWrite = preview?.changes.filter((c) => c.action !== 'in-place' && (!c.unproxy || unproxy)) ?? [];
  const leads = !written && (status?.tokenSaved ? toWrite.length > 0 : true);
  useEffect(() => onLead?.(leads), [leads, onLead]);

  async function loadPreview(choice: 'keep' | 'merge') {
    setBusy('preview');
    const result = await invoke('cloudflare.preview', { domain, spf: choice, mailFrom });
    setBusy(null);
    setError(result.ok ? null : result.error);
    setPreview(result.ok ? result.value : null);
  }

  async function openTokenPage() {
    const result = await invoke('cloudflare.openTokenPage', { domain });
    setOpened(result.ok && result.value.opened);
  }

  async function sendToken(token: string, allowOtherZones?: string[]) {
    setBusy('token');
    setError(null);
    const result = await invoke('cloudflare.connect', {
      domain,
      token,
      ...(allowOtherZones && { allowOtherZones }),
    });
    setBusy(null);
    refusedToken.current = !result.ok && result.error.names?.length ? token : null;
    if (!result.ok) return setError(result.error);
    setStatus(result.value);
    await loadPreview(spf);
  }

  function keepRefusedToken(names: string[]) {
    if (refusedToken.current) void sendToken(refusedToken.current, names);
  }

  async function forget() {
    const result = await invoke('cloudflare.forget', { domain });
    if (result.ok) setStatus(result.value);
    setPreview(null);
    setWritten(null);
  }

  async function write(confirmed: Preview) {
    setBusy('write');
    setError(null);
    const digest = confirmed.digest;
    const result = await invoke('cloudflare.write', {
      domain,
      confirm: true,
      spf,
      unproxy,
      mailFrom,
      digest,
    });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setStale(result.value.stale);
    setPreview(result.value);
    if (result.value.stale) return;
    setWritten(result.value);
    onWritten?.();
  }

  function chooseSpf(choice: 'keep' | 'merge') {
    setSpf(choice);
    void loadPreview(choice);
  }

  const proxied = preview?.changes.filter((c) => c.action === 'change' && c.unproxy) ?? [];
  /** Every record is in place: the token has done its work, and the panel offers to forget it. */
  const allInPlace =
    !!status?.tokenSaved &&
    !!preview?.changes.length &&
    preview.changes.every((c) => c.action === 'in-place');
  const wide = error?.code === 'CLOUDFLARE_TOKEN_OTHER_ZONES' && error.names?.length ? error.names : null;

  return (
    <section className="panel cloudflare" aria-labelledby="cloudflare-title">
      <h2 id="cloudflare-title">Let the assistant add the records at Cloudflare</h2>
      {!status?.tokenSaved ? (
        <>
          <p>
            The assistant can add these records in your Cloudflare account. It needs a token that may change
            DNS for {domain}, and nothing else.
          </p>
          <ol className="cloudflare-steps">
            <li>
              Open Cloudflare’s token page: it comes with the two permissions already chosen (Zone → Zone →
              Read and Zone → DNS → Edit).{' '}
              <button
                type="button"
                className={leads && !opened ? 'primary' : undefined}
                onClick={() => void openTokenPage()}
              >
                Open Cloudflare’s token page
              </button>
            </li>
            <li>
              Under “Zone Resources”, choose <strong>Specific zone</strong> and <strong>{domain}</strong>,
              then “Continue to summary” and “Create Token”.
            </li>
            <li>Copy the token Cloudflare shows and paste it below.</li>
          </ol>
          {opened && (
            <p className="muted" role="status">
              Cloudflare’s token page opened in your browser.
            </p>
          )}
          <TokenForm busy={busy === 'token'} primary={leads && opened} onToken={(t) => void sendToken(t)} />
        </>
      ) : (
        <KeptToken status={status} domain={domain} forgetLink={!allInPlace} onForget={() => void forget()} />
      )}
      {busy === 'preview' && <p className="muted">Reading your DNS records at Cloudflare…</p>}
      {written && (
        <div className="panel good" role="status">
          <p>
            <strong>
              {written.written.length === 0
                ? 'Nothing needed writing: every record was already right at Cloudflare.'
                : `Wrote ${written.written.length} record${written.written.length === 1 ? '' : 's'} at Cloudflare.`}
            </strong>{' '}
            The assistant is checking them live now. Each one is listed in “What this app created”, where it
            can be taken back.
          </p>
        </div>
      )}
      {allInPlace && <ForgetOffer onForget={() => void forget()} />}
      {preview && !written && (
        <>
          {stale && (
            <p className="notice" role="status">
              Your DNS or SES changed after these records were shown, so nothing was written. Below is what
              would be written now: check it, then write again.
            </p>
          )}
          <CloudflareChanges preview={preview} />
          {proxied.length > 0 && (
            <div className="panel warn">
              <p>
                {proxied.length === 1 ? 'One DKIM record is' : `${proxied.length} DKIM records are`} proxied
                (orange cloud): SES cannot see a proxied record. Switching it to “DNS only” (grey cloud) only
                stops Cloudflare’s proxy for that name, which serves nothing else here.
              </p>
              <label className="check">
                <input type="checkbox" checked={unproxy} onChange={(e) => setUnproxy(e.target.checked)} />{' '}
                Switch {proxied.length === 1 ? 'it' : 'them'} to DNS only
              </label>
            </div>
          )}
          {preview.spf?.canMerge && (
            <fieldset className="cloudflare-spf">
              <legend>Your domain’s own SPF record (optional, SES does not need it)</legend>
              <label className="check">
                <input
                  type="radio"
                  name="cf-spf"
                  checked={spf === 'keep'}
                  onChange={() => chooseSpf('keep')}
                />{' '}
                Keep it as it is
              </label>
              <label className="check">
                <input
                  type="radio"
                  name="cf-spf"
                  checked={spf === 'merge'}
                  onChange={() => chooseSpf('merge')}
                />{' '}
                {preview.spf.existing ? 'Add SES’s include to it: ' : 'Add one: '}
                <code className="value">{preview.spf.merged}</code>
              </label>
            </fieldset>
          )}
          {toWrite.length > 0 && (
            <div className="actions">
              <button
                type="button"
                className="primary"
                onClick={() => void write(preview)}
                disabled={busy !== null}
              >
                {busy === 'write'
                  ? 'Writing at Cloudflare…'
                  : `Write ${toWrite.length} record${toWrite.length === 1 ? '' : 's'} at Cloudflare`}
              </button>
            </div>
          )}
          {toWrite.length > 0 && (
            <p className="muted">
              Only the records listed above are written; everything else in your zone stays as it is.
            </p>
          )}
        </>
      )}
      {error && wide && (
        <OtherZonesConfirm
          key={wide.join(' ')}
          error={{ ...error, names: wide }}
          domain={domain}
          busy={busy === 'token'}
          onConfirm={keepRefusedToken}
          onNarrower={() => void openTokenPage()}
        />
      )}
      {error && !wide && (
        <ErrorPanel error={error}>
          {status?.tokenSaved && !preview && (
            <div className="actions">
              <button type="button" onClick={() => void loadPreview(spf)} disabled={busy !== null}>
                Try again
              </button>
            </div>
          )}
        </ErrorPanel>
      )}
    </section>
  );
}
