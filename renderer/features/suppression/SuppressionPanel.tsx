/**
 * The suppression list and the reputation alarms, shown on the feedback screen; a short summary of
 * both for the dashboard's "Bounces and complaints" card.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field } from '../../components/Field';
import { AddAddress } from './AddAddress';
import { AddressItem } from './AddressItem';
import { AdminNeeded } from './AdminNeeded';
import { useAdminRetry } from './useAdminRetry';
import { reasonList, type Reason } from './words';
import './suppression.css';

export { AlarmsPanel } from './AlarmsPanel';
export { SuppressionSummary } from './SuppressionSummary';

type Settings = OutputOf<'suppression.settings'>;
type Page = OutputOf<'suppression.list'>;
type Filter = 'ALL' | Reason;

const FILTER_WORDS: Record<Filter, string> = {
  ALL: 'All',
  BOUNCE: 'Bounced for good',
  COMPLAINT: 'Marked as spam',
};

/** "Addresses SES will not send to": the account's settings, the list itself, search, add and remove. */
export function SuppressionPanel() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [page, setPage] = useState<Page | null>(null);
  const [filter, setFilter] = useState<Filter>('ALL');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<AssistantError | null>(null);
  const [listError, setListError] = useState<AssistantError | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const admin = useAdminRetry();
  const { ask } = admin;
  const region = settings?.region ?? page?.region ?? '';

  const load = useCallback(
    async (options: { query?: string; more?: string; clicked?: boolean } = {}): Promise<void> => {
      const r = await invoke('suppression.list', {
        ...(filter === 'ALL' ? {} : { reasons: [filter] }),
        ...(options.more ? { nextToken: options.more } : {}),
        ...(options.query ? { query: options.query } : {}),
      });
      if (r.ok) {
        setListError(null);
        setPage((before) =>
          options.more && before
            ? { ...r.value, addresses: [...before.addresses, ...r.value.addresses] }
            : r.value,
        );
      } else if (!ask(r.error, () => load(options), { onlyOffer: !options.clicked })) setListError(r.error);
      else setPage(null);
    },
    [filter, ask],
  );

  useEffect(() => {
    let live = true;
    void invoke('suppression.settings', {}).then((r) => {
      if (!live) return;
      if (r.ok) setSettings(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    void load(query.trim() ? { query: query.trim() } : {});
    // A new filter reloads; a query runs only when the person asks for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  async function turnOn() {
    setBusy(true);
    const r = await invoke('suppression.turnOn', {});
    setBusy(false);
    if (r.ok) {
      setSettings(r.value);
      setError(null);
    } else if (!ask(r.error, turnOn)) setError(r.error);
  }

  async function search(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    await load(query.trim() ? { query: query.trim(), clicked: true } : { clicked: true });
  }

  async function clearSearch() {
    setQuery('');
    await load({});
  }

  const remove = useCallback(
    async (address: string): Promise<AssistantError | null> => {
      const r = await invoke('suppression.remove', { address, confirm: true });
      if (r.ok) {
        setPage((p) => (p ? { ...p, addresses: p.addresses.filter((a) => a.address !== address) } : p));
        setNotice(`${address} was removed: SES will send to it again.`);
        return null;
      }
      if (ask(r.error, async () => void (await remove(address)))) return null;
      return r.error;
    },
    [ask],
  );

  return (
    <section className="panel suppression" aria-labelledby="suppression-title">
      <h2 id="suppression-title">Addresses SES will not send to</h2>
      <p className="muted">
        SES keeps a list of addresses it refuses to send to{region ? ` in ${region}` : ''}: those that bounced
        for good and people who marked your mail as spam. Mail to them is dropped, so it cannot hurt your
        reputation.
      </p>

      {/* Said before any change is offered: AWS keeps changes to the list for production accounts. */}
      {settings?.sandboxNote && <p className="notice">{settings.sandboxNote}</p>}

      {settings && (
        <div className={`suppression-settings ${settings.allOn ? 'is-on' : 'is-off'}`}>
          <p role="status">
            <strong>
              {settings.allOn
                ? 'On for bounces and complaints.'
                : settings.suppressedReasons.length
                  ? `On for ${reasonList(settings.suppressedReasons)} only.`
                  : 'Off.'}
            </strong>{' '}
            {settings.summary}
          </p>
          {!settings.allOn && (
            <button type="button" onClick={() => void turnOn()} disabled={busy}>
              {busy ? 'Turning it on…' : `Turn on for ${reasonList(settings.missing)}`}
            </button>
          )}
        </div>
      )}
      {error && <ErrorPanel error={error} />}

      <AdminNeeded admin={admin} region={region} offerLabel="Give admin access to see the list" />

      {(page || listError) && (
        <form className="suppression-search" onSubmit={search} role="search" aria-label="Search the list">
          <fieldset className="suppression-filter">
            <legend>Show</legend>
            {(Object.keys(FILTER_WORDS) as Filter[]).map((f) => (
              <label key={f}>
                <input
                  type="radio"
                  name="suppression-filter"
                  value={f}
                  checked={filter === f}
                  onChange={() => setFilter(f)}
                />{' '}
                {FILTER_WORDS[f]}
              </label>
            ))}
          </fieldset>
          <Field
            id="suppression-query"
            label="Find an address"
            hint="A whole address, or part of one such as a domain."
          >
            <input
              id="suppression-query"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="name@example.com"
            />
          </Field>
          <div className="button-row">
            <button type="submit">Search</button>
            {page?.searched && (
              <button type="button" onClick={() => void clearSearch()}>
                Show the whole list
              </button>
            )}
          </div>
        </form>
      )}

      {notice && (
        <p className="suppression-notice" role="status">
          {notice}
        </p>
      )}
      {listError && <ErrorPanel error={listError} />}
      {page && (
        <AddressList
          page={page}
          onRemove={remove}
          onMore={(token) => void load({ more: token, clicked: true })}
        />
      )}

      <AddAddress region={region} onAdded={() => void load({})} ask={ask} />
    </section>
  );
}

function AddressList({
  page,
  onRemove,
  onMore,
}: {
  page: Page;
  onRemove: (address: string) => Promise<AssistantError | null>;
  onMore: (token: string) => void;
}) {
  const searched = page.searched;
  return (
    <>
      <p className="muted" role="status">
        {searched
          ? `${page.addresses.length === 0 ? 'No address' : page.addresses.length === 1 ? 'One address' : `${page.addresses.length} addresses`} matching “${searched.query}”${
              searched.stoppedEarly
                ? `, among the first ${searched.looked.toLocaleString('en-GB')} looked at: type more of the address to narrow it down.`
                : '.'
            }`
          : page.addresses.length === 0
            ? 'No address is on the list. SES adds them here by itself when mail bounces for good or someone complains.'
            : `Showing ${page.addresses.length} address${page.addresses.length === 1 ? '' : 'es'}${page.nextToken ? ' (there are more)' : ''}.`}
      </p>
      {page.addresses.length > 0 && (
        <ul className="suppressed-list">
          {page.addresses.map((item) => (
            <AddressItem key={item.address} item={item} onRemove={onRemove} />
          ))}
        </ul>
      )}
      {page.nextToken && (
        <button type="button" onClick={() => onMore(page.nextToken!)}>
          Show more addresses
        </button>
      )}
    </>
  );
}
