import type { SendResult, Simulator } from './send-form';

/**
 * What SES did with the message. A simulator outcome is named in the title (a bounce "as expected"),
 * and one SES reports back is not shown in green: it is the test working, not a delivery.
 */
export function SentPanel({ result, outcome }: { result: SendResult; outcome?: Simulator }) {
  return (
    <section className={outcome?.notice ? 'panel' : 'panel good'} role="status" aria-labelledby="sent-title">
      <h2 id="sent-title">{outcome?.acceptedTitle ?? 'SES accepted the message'}</h2>
      <p>{result.meaning}</p>
      {outcome?.notice && <p>{outcome.notice}</p>}
      <dl className="facts">
        <dt>Message ID</dt>
        <dd>
          <code>{result.messageId}</code>
        </dd>
        <dt>Took</dt>
        <dd>{formatMs(result.tookMs)}</dd>
        <dt>Sent</dt>
        <dd>
          {result.via === 'api' ? 'through the SES API' : `over SMTP (port ${result.port})`}, from{' '}
          {result.from} to {result.to}, in {result.region}
        </dd>
      </dl>
      <p className="muted">
        The message ID is how AWS support and your logs name this message, if you ever need to trace it.
      </p>
    </section>
  );
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} seconds`;
}
