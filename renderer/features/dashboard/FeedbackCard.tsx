import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { SuppressionSummary } from '../suppression/SuppressionPanel';
import { count, KIND_WORDS, when } from '../feedback/words';
import '../feedback/feedback.css';

type Summary = OutputOf<'dashboard.get'>['feedback'];

/**
 * "Bounces and complaints" on the dashboard: the counts and newest events stored on this computer,
 * and the suppression list and alarms in two lines. The stored events and the suppression summary
 * each fail on their own.
 */
export function FeedbackCard({ section, onOpen }: { section: Summary; onOpen: () => void }) {
  return (
    <section className="card" aria-labelledby="card-bounces-and-complaints">
      <h2 id="card-bounces-and-complaints">Bounces and complaints</h2>
      {section.ok ? <Events summary={section.value} /> : <Problem error={section.error} />}
      <SuppressionSummary />
      <div className="actions">
        <button type="button" onClick={onOpen}>
          {section.ok && section.value.setUp ? 'See bounces and complaints' : 'Set up bounces and complaints'}
        </button>
      </div>
    </section>
  );
}

function Problem({ error }: { error: AssistantError }) {
  return (
    <p className="problem">
      {error.title}. {error.fix}
    </p>
  );
}

function Events({ summary }: { summary: Extract<Summary, { ok: true }>['value'] }) {
  if (!summary.setUp && summary.counts.bounce + summary.counts.complaint === 0)
    return (
      <p>
        Not set up: the assistant can show you which addresses bounce or complain, with no server of your own.
      </p>
    );
  return (
    <>
      <p>
        {count(summary.counts.bounce, 'bounce')} and {count(summary.counts.complaint, 'complaint')} stored on
        this computer.
      </p>
      {summary.lastError && <Problem error={summary.lastError} />}
      {summary.latest.length > 0 && (
        <ul className="feedback-latest" aria-label="Newest bounces and complaints">
          {summary.latest.map((e) => (
            <li key={e.id}>
              <strong>{e.address}</strong> — {KIND_WORDS[e.kind]}: {e.meaning.title.toLowerCase()},{' '}
              <time dateTime={e.at}>{when(e.at)}</time>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
