/**
 * The DNS plan as a table: each record's type, its name and value stacked at full width with a copy
 * button for each, and after a check each record's status in words and icons with its problems under it.
 */
import { Fragment } from 'react';
import type {
  DnsPlanView,
  DnsProblem,
  PlannedRecord,
  RecordCheck,
  RecordStatus,
} from '../../../electron/ipc/contract';
import { CopyButton } from '../../components/CopyButton';

/** Each status in words and with its own icon, so it never rests on colour alone. */
export const STATUS: Record<RecordStatus, { icon: string; word: string; hint: string }> = {
  ok: { icon: '✓', word: 'In place', hint: 'Your DNS host publishes this record correctly.' },
  missing: { icon: '✗', word: 'Missing', hint: 'Your DNS host does not publish this record yet.' },
  wrong: { icon: '!', word: 'Wrong', hint: 'There is a record here, but not the right one.' },
  propagating: {
    icon: '…',
    word: 'Spreading',
    hint: 'Your DNS host has it right; the rest of the internet has not caught up yet. Nothing to do but wait.',
  },
};

/**
 * When the checker named the mistake, the status says that mistake instead of a bare "Wrong":
 * the problem under the row explains it and says what to do.
 */
function problemWord(code: DnsProblem['code'], hostId: string): string | null {
  switch (code) {
    case 'DKIM_NOT_CNAME':
      return hostId === 'cloudflare' ? 'Hidden by a proxy (Cloudflare orange cloud)' : 'Hidden by a proxy';
    case 'DOUBLED_DOMAIN':
      return 'Your domain typed twice';
    case 'STRAY_QUOTES':
      return 'Extra quote marks';
    case 'STRAY_TRAILING_DOT':
      return 'Extra dot at the end';
    case 'MAIL_FROM_CNAME_CLASH':
      return 'Blocked by another record';
    case 'DMARC_MALFORMED':
      return 'Not valid';
    case 'NO_ANSWER':
      return 'No answer yet';
    default:
      return null;
  }
}

const PURPOSE: Record<PlannedRecord['purpose'], string> = {
  dkim: 'DKIM signature',
  dmarc: 'DMARC policy',
  'mail-from-mx': 'MAIL FROM bounces',
  'mail-from-spf': 'MAIL FROM SPF',
};

/**
 * A name or value that may wrap only after its dots (and at its spaces), never inside a word, so
 * nothing a person copies by hand is split in the middle.
 */
export function BreakAtDots({ text, className }: { text: string; className?: string }) {
  const parts = text.split(/(?<=\.)/);
  return (
    <code className={className}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </code>
  );
}

export function RecordTable({
  plan,
  checks,
  allGood = false,
}: {
  plan: DnsPlanView;
  checks: Map<string, RecordCheck>;
  allGood?: boolean;
}) {
  const checked = checks.size > 0;
  const dmarcKept = plan.notes.some((n) => n.code === 'DMARC_KEPT');
  return (
    <table className={`records${checked ? ' checked' : ''}`}>
      <caption>{allGood ? `Your records for ${plan.domain}` : `Records to add for ${plan.domain}`}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-type">
            Type
          </th>
          <th scope="col">Name and value</th>
          {checked && (
            <th scope="col" className="col-status">
              Status
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {plan.records.map((r) => {
          const check = checks.get(`${r.purpose} ${r.name}`);
          const name = r.relativeName;
          const kept = dmarcKept && r.purpose === 'dmarc';
          return (
            <Fragment key={`${r.purpose} ${r.name}`}>
              <tr>
                <td>
                  <strong>{r.type}</strong>
                  <br />
                  <small className="muted">{PURPOSE[r.purpose]}</small>
                </td>
                <td>
                  {kept && <p className="record-kept">Already there — nothing to add</p>}
                  <div className="record-line">
                    <span className="record-label">Name</span>
                    <BreakAtDots text={name} />
                    <CopyButton text={name} />
                  </div>
                  {plan.host.nameStyle === 'either' && (
                    <small className="muted block">
                      or the full name <BreakAtDots text={r.name} />
                    </small>
                  )}
                  <div className="record-line">
                    <span className="record-label">Value</span>
                    <BreakAtDots text={r.value} className="value" />
                    <CopyButton text={r.value} />
                  </div>
                  <small className="muted block">{r.why}</small>
                </td>
                {checked && <td>{check ? <StatusCell check={check} hostId={plan.host.id} /> : '—'}</td>}
              </tr>
              {check && check.problems.length > 0 && (
                <tr className="problems-row">
                  <td colSpan={checked ? 3 : 2}>
                    {check.problems.map((p) => (
                      <Problem key={p.code} problem={p} />
                    ))}
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

function StatusCell({ check, hostId }: { check: RecordCheck; hostId: string }) {
  const s = STATUS[check.status];
  const named =
    check.status === 'ok'
      ? null
      : (check.problems.map((p) => problemWord(p.code, hostId)).find((w) => w !== null) ?? null);
  return (
    <div className={`status status-${check.status}`}>
      <span className="status-word">
        <span aria-hidden="true">{s.icon}</span> {named ?? s.word}
      </span>
      {!named && <small className="block">{s.hint}</small>}
      {check.status === 'wrong' && check.found.length > 0 && (
        <small className="block">
          Found: <code>{check.found.join(', ')}</code>
        </small>
      )}
    </div>
  );
}

export function Problem({ problem }: { problem: DnsProblem }) {
  return (
    <div className="dns-problem" data-code={problem.code}>
      <p>{problem.message}</p>
      <p>
        <strong>What to do: </strong>
        {problem.fix}
      </p>
    </div>
  );
}
