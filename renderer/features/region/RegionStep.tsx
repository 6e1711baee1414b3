import { useEffect, useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StepHeading } from '../../components/StepHeading';
import { useAssistant } from '../../app/store';

type Listing = OutputOf<'regions.list'>;
type RegionView = Listing['regions'][number];

function IdentitiesThere({ region }: { region: RegionView }) {
  if (region.identities === null) return <small className="muted">Could not check this region.</small>;
  if (region.identities.length === 0) return <small className="muted">Nothing set up here yet.</small>;
  const shown = region.identities.slice(0, 3).join(', ');
  const more = region.identities.length > 3 ? ` and ${region.identities.length - 3} more` : '';
  return (
    <small className="region-has">
      Already set up here: {shown}
      {more}
    </small>
  );
}

/** The Region screen: plain advice, the recommended regions first, a warning before a change. */
export function RegionStep() {
  const { load, goTo } = useAssistant();
  const [listing, setListing] = useState<Listing | null>(null);
  const [selected, setSelected] = useState<string>('');
  const [showAll, setShowAll] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AssistantError | null>(null);

  useEffect(() => {
    void invoke('regions.list', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setListing(r.value);
      setSelected(r.value.current);
      // A region outside the recommended seven that is current or already used stays visible.
      setShowAll(
        r.value.regions.some((x) => !x.recommended && (x.code === r.value.current || x.identities?.length)),
      );
    });
  }, []);

  async function choose(confirmChange?: true) {
    setBusy(true);
    setError(null);
    const result = await invoke('regions.choose', {
      region: selected,
      ...(confirmChange ? { confirmChange } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'REGION_CHANGE_NEEDS_CONFIRM') return setConfirming(true);
      return setError(result.error);
    }
    await load();
    await goTo('identity');
  }

  function next() {
    if (listing && listing.chosen && selected !== listing.current) return setConfirming(true);
    void choose();
  }

  const visible = listing?.regions.filter((r) => showAll || r.recommended) ?? [];
  const picked = listing?.regions.find((r) => r.code === selected);
  const current = listing?.regions.find((r) => r.code === listing.current);
  const nothingThere = current?.identities?.length === 0;

  return (
    <section className="step">
      <StepHeading
        title="Choose where SES sends your mail from"
        why="Amazon SES works region by region. Everything you set up next — your domain, your sending limits, your SMTP password — lives in the region you choose here."
      />
      {listing && <p>{listing.advice}</p>}
      {!listing && !error && <p className="muted">Looking at your AWS account in every region…</p>}
      {listing && (
        <fieldset className="choice region-list">
          <legend>Region</legend>
          {visible.map((r) => (
            <label key={r.code}>
              <input
                type="radio"
                name="region"
                value={r.code}
                checked={selected === r.code}
                onChange={() => {
                  setSelected(r.code);
                  setConfirming(false);
                }}
              />
              <span>
                <strong>
                  {r.name} <code>{r.code}</code>
                  {r.code === listing.current ? ' (current)' : ''}
                </strong>
                <small>{r.suits}</small>
                <IdentitiesThere region={r} />
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {listing && !showAll && (
        <button type="button" className="link" onClick={() => setShowAll(true)}>
          Show all {listing.regions.length} regions
        </button>
      )}
      {confirming && picked && current && (
        <section
          className={`panel${nothingThere ? '' : ' warn'}`}
          role="alert"
          aria-labelledby="region-change-title"
        >
          <h2 id="region-change-title">
            Change from {current.name} to {picked.name}?
          </h2>
          {/* Only when the region is known to hold nothing; "could not check" keeps the full warning. */}
          {nothingThere ? (
            <p>Nothing is set up in {current.name} yet, so nothing is lost.</p>
          ) : (
            <p>{listing?.changeWarning}</p>
          )}
          {current.identities && current.identities.length > 0 && (
            <p>
              These stay behind in {current.code} and will not work from {picked.code}:{' '}
              {current.identities.join(', ')}.
            </p>
          )}
          <div className="actions">
            <button className="primary" onClick={() => void choose(true)} disabled={busy}>
              Yes, use {picked.name}
            </button>
            <button
              onClick={() => {
                setSelected(listing!.current);
                setConfirming(false);
              }}
            >
              Keep {current.name}
            </button>
          </div>
        </section>
      )}
      {listing && !confirming && (
        // Sticks to the bottom of the window, so the decision is in view above the long list.
        <div className="actions sticky-actions">
          <button className="primary" onClick={next} disabled={busy || !selected}>
            {busy ? 'Saving…' : `Use ${picked?.name ?? 'this region'}`}
          </button>
        </div>
      )}
      {picked && (
        <p className="muted">
          Next: verify the domain or address you will send from, in {picked.name}. Your apps will send through{' '}
          <code>{picked.smtpHost}</code>.
        </p>
      )}
      {error && <ErrorPanel error={error} />}
    </section>
  );
}
