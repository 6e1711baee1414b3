import type { SendResult, Simulator } from './send-form';

/**
 * What SES did with the message. A simulator outcome is named in the title (a bounce "as expected"),
 * and one SES reports back is not shown in green: it is the test working, not a delivery. A
 * simulator send says what it proved, and what it could not: no inbox of the person's saw it.
 */
export function SentPanel({ result, outcome }: { result: SendResult; outcome?: Simulator }) {
  const how = result.via === 'api' ? 'through the SES API' : `over SMTP (port ${result.port})`;
  return (
    <section className={outcome?.notice ? 'panel' : 'panel good'} role="status" aria-labelledby="sent-title">
      <h2 id="sent-title">{outcome?.acceptedTitle ?? 'SES accepted the message'}</h2>
      <p>{result.meaning}</p>
      {outcome?.notice && <p>{outcome.notice}</p>}
      {outcome && (
        <>
          <p>
            <strong>What this proved:</strong> your key may send from {result.from} in {result.region}
            {result.via === 'smtp' ? `, your SMTP password works on port ${result.port}` : ''}, and SES took
            the message and handed it to its test mailbox, which answered as a real mailbox would.
          </p>
          <p className="muted">
            It reached no inbox you can open, so it cannot show whether mail providers put your mail in the
            inbox or in spam. A test to your own address shows that.
          </p>
        </>
      )}
      {!outcome && (
        <p>
          Sent {how}, from {result.from} to {result.to}, in {result.region}.
        </p>
      )}
      <details>
        <summary>Details for AWS support</summary>
        <dl className="facts">
          <dt>Message ID</dt>
          <dd>
            <code>{result.messageId}</code>
          </dd>
          <dt>Took</dt>
          <dd>{formatMs(result.tookMs)}</dd>
          <dt>Sent</dt>
          <dd>
            {how}, from {result.from} to {result.to}, in {result.region}
          </dd>
        </dl>
        <p className="muted">
          The message ID is how AWS support and your logs name this message, if you ever need to trace it.
        </p>
      </details>
    </section>
  );
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} seconds`;
}
