/**
 * "Send these records to whoever manages your DNS", for a domain whose DNS the assistant cannot
 * write: the message to forward, and ways to send it (copy, save as text or as a web page, open the
 * mail app). Sending it starts a background check that tells the person when every record is in
 * place. Rendered by the DNS screen, which has the screen's primary button: these are secondary.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { doneWords, remadeWords, type Done } from './words';
import './handoff.css';

type View = OutputOf<'handoff.prepare'>;
type Busy = 'copy' | 'text' | 'html' | 'mail' | 'stop' | null;

export function HandOffPanel({ domain }: { domain: string }) {
  const titleId = useId();
  const previewId = useId();
  // What was loaded, and for which domain: a new domain shows "Preparing…" until its message is in.
  const [loaded, setLoaded] = useState<{ domain: string; view: View | null } | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  /** The message used was made again (the connection or region changed since it was shown). */
  const [remade, setRemade] = useState(false);
  // The domain shown now: an answer that comes back after the person moved on changes nothing.
  const shownDomain = useRef(domain);
  const loading = loaded?.domain !== domain;
  const view = loading ? null : (loaded?.view ?? null);
  /** Said before the mail button is used; once used, what happened says it instead. */
  const longHint = view !== null && !view.mail.fits && done?.kind !== 'mailed';
  const setView = (change: (v: View | null) => View | null) =>
    setLoaded((l) => (l ? { ...l, view: change(l.view) } : l));

  useEffect(() => {
    shownDomain.current = domain;
    let live = true;
    void invoke('handoff.prepare', { domain }).then((result) => {
      if (!live) return;
      setDone(null);
      setRemade(false);
      setError(result.ok ? null : result.error);
      setLoaded({ domain, view: result.ok ? result.value : null });
    });
    return () => {
      live = false;
    };
  }, [domain]);

  /** Sending it in any way starts the watch: show that without asking the main process again. */
  const watching = () =>
    setView((v) => (v && !v.allInPlace ? { ...v, watch: { ...v.watch, watching: true, doneAt: null } } : v));

  async function act(kind: Exclude<Busy, 'stop' | null>) {
    setBusy(kind);
    setError(null);
    setDone(null);
    setRemade(false);
    let sent: { remade: View | null } | null = null;
    if (kind === 'copy') {
      const r = await invoke('handoff.copy', { domain });
      if (r.ok) {
        sent = r.value;
        setDone({ kind: 'copied' });
        watching();
      } else setError(r.error);
    } else if (kind === 'mail') {
      const r = await invoke('handoff.mail', { domain });
      if (r.ok) {
        sent = r.value;
        setDone({ kind: 'mailed', result: r.value });
        if (r.value.mode !== 'cancelled') watching();
      } else setError(r.error);
    } else {
      const r = await invoke('handoff.save', { domain, format: kind });
      if (!r.ok) setError(r.error);
      else {
        sent = r.value;
        if (r.value.path) {
          setDone({ kind: 'saved', path: r.value.path });
          watching();
        }
      }
    }
    // The message used is not the one on screen: show it in its place, and say why it changed.
    const made = sent?.remade;
    if (made && shownDomain.current === domain) {
      setLoaded({ domain, view: made });
      setRemade(true);
    }
    setBusy(null);
  }

  async function stop() {
    setBusy('stop');
    const r = await invoke('handoff.stopWatching', { domain });
    setBusy(null);
    if (r.ok) setView((v) => (v ? { ...v, watch: r.value } : v));
    else setError(r.error);
  }

  return (
    <section className="panel handoff" aria-labelledby={titleId} aria-busy={loading}>
      <h2 id={titleId}>Send these records to whoever manages your DNS</h2>
      <p>
        If someone else looks after your domain (a web designer, your IT person, the company you bought it
        from), send them this message. It says what to add, where, and how to check that it worked.
      </p>
      {loading && <p role="status">Preparing the message…</p>}
      {error && !loading && <ErrorPanel error={error} />}
      {view && (
        <>
          {view.allInPlace && (
            <p className="handoff-done">Every record is already in place: there is nothing to send.</p>
          )}
          {view.host.whyNotAutomatic && <p>{view.host.whyNotAutomatic}</p>}
          <h3 id={previewId}>The message</h3>
          <pre className="handoff-preview" tabIndex={0} aria-labelledby={previewId}>
            {`Subject: ${view.subject}\n\n${view.text}`}
          </pre>
          <div className="actions">
            <button type="button" onClick={() => void act('copy')} disabled={busy !== null}>
              {busy === 'copy' ? 'Copying…' : 'Copy the message'}
            </button>
            <button type="button" onClick={() => void act('text')} disabled={busy !== null}>
              {busy === 'text' ? 'Saving…' : 'Save as text'}
            </button>
            <button type="button" onClick={() => void act('html')} disabled={busy !== null}>
              {busy === 'html' ? 'Saving…' : 'Save as web page'}
            </button>
            <button
              type="button"
              onClick={() => void act('mail')}
              disabled={busy !== null}
              aria-describedby={longHint ? `${previewId}-mail` : undefined}
            >
              {busy === 'mail' ? 'Opening…' : 'Open in my mail app'}
            </button>
          </div>
          {longHint && (
            <p className="muted" id={`${previewId}-mail`}>
              The message is too long to put straight into an email, so “Open in my mail app” first saves it
              as a file for you to attach.
            </p>
          )}
          <p className="handoff-result" role="status">
            {remade && `${remadeWords(done)} `}
            {done ? doneWords(done) : ''}
          </p>
          {view.watch.watching && (
            <div className="handoff-watch">
              <p>
                The assistant keeps checking {view.unicodeDomain} while it is open or in the tray, and tells
                you when every record is in place.
              </p>
              <button type="button" onClick={() => void stop()} disabled={busy !== null}>
                Stop checking
              </button>
            </div>
          )}
          {view.watch.doneAt && !view.watch.watching && (
            <p className="handoff-done">
              Every record was seen in place on {new Date(view.watch.doneAt).toLocaleString()}.
            </p>
          )}
        </>
      )}
    </section>
  );
}
