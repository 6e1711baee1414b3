import { useCallback, useEffect, useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { CopyButton } from '../../components/CopyButton';
import { ErrorPanel } from '../../components/ErrorPanel';
import { count, KIND_WORDS, sesWords, when, type EventView } from './words';

type Page = OutputOf<'feedback.list'>;
type Kind = 'all' | 'bounce' | 'complaint' | 'delivery';
const FILTER_WORDS: Record<Kind, string> = {
  all: 'All',
  bounce: 'Bounces',
  complaint: 'Complaints',
  delivery: 'Deliveries',
};
const PAGE = 50;

/** The stored events: filter by kind, search, read each in plain words, export as CSV. */
export function EventList({ refreshKey }: { refreshKey: number }) {
  const [kind, setKind] = useState<Kind>('all');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<Page | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [error, setError] = useState<AssistantError | null>(null);
  const [csv, setCsv] = useState<OutputOf<'feedback.exportCsv'> | null>(null);

  const filter = useCallback(
    () => ({ ...(kind === 'all' ? {} : { kind }), ...(query.trim() ? { query: query.trim() } : {}) }),
    [kind, query],
  );

  useEffect(() => {
    let live = true;
    void invoke('feedback.list', { ...filter(), limit: shown }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPage(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [filter, shown, refreshKey]);

  async function prepareCsv() {
    const r = await invoke('feedback.exportCsv', filter());
    if (r.ok) setCsv(r.value);
    else setError(r.error);
  }

  /** Offers the CSV as a download (a save dialog in the app); the text never leaves this computer. */
  function save(file: OutputOf<'feedback.exportCsv'>) {
    const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <section className="panel" aria-labelledby="feedback-events-title">
      <h2 id="feedback-events-title">Events</h2>
      <div className="feedback-filters">
        <fieldset className="feedback-group">
          <legend>Show</legend>
          {(Object.keys(FILTER_WORDS) as Kind[]).map((k) => (
            <label key={k} className="feedback-check">
              <input
                type="radio"
                name="feedback-kind"
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setCsv(null);
                }}
              />{' '}
              {FILTER_WORDS[k]}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor="feedback-search">Search events</label>
          <input
            id="feedback-search"
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setCsv(null);
            }}
            placeholder="Address, subject or message id"
          />
        </div>
      </div>
      {error && <ErrorPanel error={error} />}
      {page && (
        <p role="status">
          {page.total === 0
            ? 'No events stored yet.'
            : page.matched === page.total
              ? `${count(page.total, 'event')} stored.`
              : `${count(page.matched, 'event')} of ${page.total} match.`}
        </p>
      )}
      {page && page.events.length > 0 && (
        <ul className="feedback-events">
          {page.events.map((e) => (
            <EventItem key={e.id} event={e} />
          ))}
        </ul>
      )}
      {page && page.matched > page.events.length && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show more
        </button>
      )}
      {page && page.matched > 0 && (
        <div className="actions">
          {!csv ? (
            <button type="button" onClick={() => void prepareCsv()}>
              Export as CSV
            </button>
          ) : (
            <>
              <button type="button" onClick={() => save(csv)}>
                Save {csv.fileName}
              </button>
              <CopyButton text={csv.csv} label={`Copy ${count(csv.rows, 'row')} as CSV`} />
            </>
          )}
        </div>
      )}
    </section>
  );
}

function EventItem({ event: e }: { event: EventView }) {
  const tone = e.meaning.stopMailing ? 'bad' : e.kind === 'delivery' ? 'good' : 'warn';
  return (
    <li className={`feedback-event ${tone}`}>
      <p className="feedback-head">
        <strong className="feedback-address">{e.address}</strong>{' '}
        <span className="feedback-kind">{KIND_WORDS[e.kind]}</span> ·{' '}
        <time dateTime={e.at}>{when(e.at)}</time>
      </p>
      <p>
        <strong>{e.meaning.title}.</strong> {e.meaning.explanation}
      </p>
      <p>
        <strong>What to do:</strong> {e.meaning.action}
      </p>
      <p className="muted">
        SES says: {sesWords(e)}
        {e.status ? ` · status ${e.status}` : ''}
      </p>
      {e.diagnostic && (
        <p className="muted">
          The receiving server said: <code className="feedback-diagnostic">{e.diagnostic}</code>
        </p>
      )}
      <p className="muted">
        In answer to {e.message.subject ? <>“{e.message.subject}”</> : 'a message'}
        {e.message.sentAt ? ` sent ${when(e.message.sentAt)}` : ''} (message id{' '}
        <code className="feedback-diagnostic">{e.message.id}</code>)
      </p>
    </li>
  );
}
