import type { OutputOf } from '../../../electron/ipc/contract';
import { BreakAtDots } from '../dns/DnsRecordTable';

type Preview = OutputOf<'cloudflare.preview'>;
type Change = Preview['changes'][number];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function ChangeLine({ change }: { change: Change }) {
  return (
    <li>
      {change.type} <BreakAtDots text={change.name} /> → <BreakAtDots text={change.value} />
      {change.action === 'change' && change.current !== undefined && (
        <small className="muted">
          {' '}
          (now: {change.unproxy && change.current === change.value ? 'proxied, orange cloud' : change.current}
          )
        </small>
      )}
    </li>
  );
}

/** The preview as a person reads it: what will be added, changed, is already right, and stays as it is. */
export function CloudflareChanges({ preview }: { preview: Preview }) {
  const add = preview.changes.filter((c) => c.action === 'add');
  const change = preview.changes.filter((c) => c.action === 'change');
  const right = preview.changes.filter((c) => c.action === 'in-place');
  return (
    <div className="cloudflare-changes">
      <p>
        In your Cloudflare zone <strong>{preview.zone.name}</strong>: {plural(add.length, 'record')} to add,{' '}
        {change.length} to change, {right.length} already right,{' '}
        {preview.leftAlone.length + preview.otherRecords} left alone.
      </p>
      {add.length > 0 && (
        <>
          <h3>To add</h3>
          <ul>
            {add.map((c) => (
              <ChangeLine key={`${c.purpose} ${c.name}`} change={c} />
            ))}
          </ul>
        </>
      )}
      {change.length > 0 && (
        <>
          <h3>To change</h3>
          <ul>
            {change.map((c) => (
              <ChangeLine key={`${c.purpose} ${c.name}`} change={c} />
            ))}
          </ul>
        </>
      )}
      {right.length > 0 && (
        <details>
          <summary>Already right ({right.length})</summary>
          <ul>
            {right.map((c) => (
              <ChangeLine key={`${c.purpose} ${c.name}`} change={c} />
            ))}
          </ul>
        </details>
      )}
      <details>
        <summary>Left alone ({preview.leftAlone.length + preview.otherRecords})</summary>
        <ul>
          {preview.leftAlone.map((l) => (
            <li key={`${l.type} ${l.name} ${l.content}`}>
              {l.type} <BreakAtDots text={l.name} />: {l.why}
            </li>
          ))}
          {preview.otherRecords > 0 && (
            <li>
              {plural(preview.otherRecords, 'other record')} in the zone (your website, mail and so on).
            </li>
          )}
        </ul>
      </details>
    </div>
  );
}
