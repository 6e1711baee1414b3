import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { domainName } from '../../../electron/ipc/schemas';
import { Field, problemOf } from '../../components/Field';

type Readiness = OutputOf<'sandbox.readiness'>;

/** What AWS reviewers look for, checked for the person's sending domain (which they can change). */
export function ReadinessChecklist({
  domain,
  onDomain,
  domainOk,
  ready,
  readyError,
}: {
  domain: string;
  onDomain: (domain: string) => void;
  domainOk: boolean;
  ready: Readiness | null;
  readyError: AssistantError | null;
}) {
  return (
    <section className="panel" aria-labelledby="ready-title">
      <h2 id="ready-title">Readiness checklist</h2>
      <Field
        id="sb-domain"
        label="Your sending domain"
        hint="The checks below are made for this domain."
        problem={problemOf(domainName, domain.trim())}
      >
        <input
          id="sb-domain"
          value={domain}
          placeholder="example.com"
          onChange={(e) => onDomain(e.target.value)}
        />
      </Field>
      {readyError && (
        <p className="problem">
          {readyError.title}. {readyError.fix}
        </p>
      )}
      {ready && domainOk && (
        <ul className="checklist">
          {ready.items.map((item) => (
            <li key={item.id} className={item.ok ? 'ok' : item.ok === false ? 'missing' : 'unknown'}>
              <strong>
                {item.ok ? '✓' : item.ok === false ? '✗' : '?'} {item.label}
              </strong>{' '}
              <small>{item.detail}</small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
