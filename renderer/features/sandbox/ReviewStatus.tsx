import type { OutputOf } from '../../../electron/ipc/contract';

type Status = OutputOf<'sandbox.status'>;

const TONE: Record<string, string> = { PENDING: 'warn', GRANTED: 'good', DENIED: 'error', FAILED: 'error' };

/** In the person's own time zone: the time they would read on their clock. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The region's status and, once a request exists, where its review stands and what to do next. */
export function ReviewStatus({
  status,
  checking,
  onCheck,
}: {
  status: Status;
  checking: boolean;
  onCheck: () => void;
}) {
  const review = status.review;
  const tone = review ? TONE[review.status] : status.sandbox ? '' : 'good';
  return (
    <section className={`panel ${tone}`} aria-labelledby="sandbox-status-title" role="status">
      <h2 id="sandbox-status-title">{status.meaning.title}</h2>
      <p>{status.meaning.explanation}</p>
      <p>
        <strong>What to do next: </strong>
        {status.meaning.next}
      </p>
      <dl className="facts">
        <dt>Region</dt>
        <dd>{status.region}</dd>
        <dt>Limits now</dt>
        <dd>
          {status.quota.max24HourSend.toLocaleString('en-US')} recipients in 24 hours,{' '}
          {status.quota.maxSendRate} a second ({status.quota.sentLast24Hours.toLocaleString('en-US')} used in
          the last 24 hours; an email to three people counts three)
        </dd>
        {review && (
          <>
            <dt>Review</dt>
            <dd>
              {review.status === 'PENDING'
                ? 'Pending'
                : review.status === 'GRANTED'
                  ? 'Granted'
                  : review.status === 'DENIED'
                    ? 'Denied'
                    : 'Failed'}
              {review.caseId && <> · AWS Support case {review.caseId}</>}
            </dd>
          </>
        )}
        {status.request && (
          <>
            <dt>Your request</dt>
            <dd>
              {status.request.route === 'api' ? 'Sent by the assistant' : 'Pasted into the AWS console form'}{' '}
              on {formatDate(status.request.at)}
            </dd>
          </>
        )}
        {status.enforcement && status.enforcement !== 'HEALTHY' && (
          <>
            <dt>Account health</dt>
            <dd>{status.enforcement === 'PROBATION' ? 'On probation: AWS is watching' : 'Sending paused'}</dd>
          </>
        )}
      </dl>
      {status.sourceNote && <p className="muted">{status.sourceNote}</p>}
      <div className="actions">
        <button type="button" onClick={onCheck} disabled={checking}>
          {checking ? 'Checking…' : 'Check again now'}
        </button>
      </div>
      <p className="muted">Checked {formatDate(status.checkedAt)}.</p>
    </section>
  );
}
