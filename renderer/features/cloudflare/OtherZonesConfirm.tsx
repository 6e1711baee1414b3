import { useState } from 'react';
import type { AssistantError } from '../../../electron/ipc/contract';
import { ErrorPanel } from '../../components/ErrorPanel';

/** "a.test", "a.test and b.test", "a.test, b.test and c.test"; past ten, "… and 12 more". */
export function inWords(names: readonly string[], most = 10): string {
  const shown = names.length > most ? [...names.slice(0, most), `${names.length - most} more`] : [...names];
  return shown.length < 2 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * A token that can change other domains besides this one. Cloudflare's answer named them; the person
 * either makes a token for this domain alone, or keeps this one by confirming, in words that name
 * them, exactly those domains (which is what is sent back). The token itself stays with the panel.
 * Keyed by the names, so domains the token gained since are asked about afresh.
 */
export function OtherZonesConfirm({
  error,
  domain,
  busy,
  onConfirm,
  onNarrower,
}: {
  error: AssistantError & { names: string[] };
  domain: string;
  busy: boolean;
  onConfirm: (names: string[]) => void;
  onNarrower: () => void;
}) {
  const [agreed, setAgreed] = useState(false);
  const { names } = error;
  return (
    <ErrorPanel error={error}>
      <ul className="cloudflare-zones" aria-label="The other domains this token can change">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      <label className="check">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} /> Keep this
        token for {domain} although it can also change the DNS of {inWords(names)}
      </label>
      <div className="actions">
        <button type="button" onClick={onNarrower}>
          Make a token for {domain} only
        </button>
        <button type="button" disabled={!agreed || busy} onClick={() => onConfirm(names)}>
          {busy ? 'Checking the token with Cloudflare…' : 'Keep this token'}
        </button>
      </div>
    </ErrorPanel>
  );
}
