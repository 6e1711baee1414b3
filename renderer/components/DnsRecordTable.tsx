/**
 * The DNS plan as a table: what to type in the host's name field, the value, a copy button for
 * each, and after a check each record's status in words and icons with its problems under it.
 */
import { Fragment } from 'react';
import type {
  DnsPlanView,
  DnsProblem,
  PlannedRecord,
  RecordCheck,
  RecordStatus,
} from '../../electron/ipc/contract';
import { CopyButton } from './CopyButton';

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

const PURPOSE: Record<PlannedRecord['purpose'], string> = {
  dkim: 'DKIM signature',
  dmarc: 'DMARC policy',
  'mail-from-mx': 'MAIL FROM bounces',
  'mail-from-spf': 'MAIL FROM SPF',
};

export function RecordTable({ plan, checks }: { plan: DnsPlanView; checks: Map<string, RecordCheck> }) {
  const field = plan.host.nameField;
  const nameHeader =
    plan.host.id === 'other' || field === 'Name' ? 'Name' : `Name (“${field}” at ${plan.host.name})`;
  return (
    <table className={`records${checks.size > 0 ? ' checked' : ''}`}>
      <caption>Records to add for {plan.domain}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-type">
            Type
          </th>
          <th scope="col">{nameHeader}</th>
          <th scope="col">Value</th>
          {checks.size > 0 && <th scope="col">Status</th>}
        </tr>
      </thead>
      <tbody>
        {plan.records.map((r) => {
          const check = checks.get(`${r.purpose} ${r.name}`);
          const name = r.relativeName;
          const cols = checks.size > 0 ? 4 : 3;
          return (
            <Fragment key={`${r.purpose} ${r.name}`}>
              <tr>
                <td>
                  <strong>{r.type}</strong>
                  <br />
                  <small className="muted">{PURPOSE[r.purpose]}</small>
                </td>
                <td>
                  <code>{name}</code> <CopyButton text={name} />
                  {plan.host.nameStyle === 'either' && (
                    <small className="muted block">or the full name {r.name}</small>
                  )}
                </td>
                <td>
                  <code className="value">{r.value}</code> <CopyButton text={r.value} />
                  <small className="muted block">{r.why}</small>
                </td>
                {checks.size > 0 && <td>{check ? <StatusCell check={check} /> : '—'}</td>}
              </tr>
              {check && check.problems.length > 0 && (
                <tr className="problems-row">
                  <td colSpan={cols}>
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

function StatusCell({ check }: { check: RecordCheck }) {
  const s = STATUS[check.status];
  return (
    <div className={`status status-${check.status}`}>
      <span className="status-word">
        <span aria-hidden="true">{s.icon}</span> {s.word}
      </span>
      <small className="block">{s.hint}</small>
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
