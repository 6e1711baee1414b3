import { useEffect, useRef } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SentPanel } from './SentPanel';
import { VerifyAddress } from './VerifyAddress';
import type { SendState, Simulator } from './send-form';

/**
 * Below the form: what SES did with the message, or the failure with its fix (verify the address
 * that was refused, or use other keys when SMTP refused the login).
 */
export function SendOutcome({
  sent: { result, error, attempt, verified },
  simulator,
  onSendAgain,
  onVerified,
  onOtherKeys,
}: {
  sent: SendState;
  simulator: Simulator[];
  onSendAgain: () => void;
  onVerified: (address: string) => void;
  onOtherKeys: () => void;
}) {
  const outcomeRef = useRef<HTMLDivElement>(null);

  // The outcome appears below a long form: bring it into view so the person sees what happened.
  useEffect(() => {
    if (result || error || verified)
      outcomeRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [result, error, verified]);

  return (
    <div ref={outcomeRef}>
      {result && (
        <SentPanel result={result} outcome={simulator.find((s) => s.outcome === result.simulatorOutcome)} />
      )}
      {verified && !error && !result && (
        <section className="panel good" role="status" aria-labelledby="verified-title">
          <h2 id="verified-title">{verified} is verified now</h2>
          <p>You can send to it.</p>
          <div className="actions">
            <button type="button" className="primary" onClick={onSendAgain}>
              Send the test again
            </button>
          </div>
        </section>
      )}
      {error && (
        <ErrorPanel error={error}>
          {error.code === 'RECIPIENT_NOT_VERIFIED' && (
            <VerifyAddress
              key={attempt.to}
              address={attempt.to}
              onVerified={onVerified}
              onSendAgain={onSendAgain}
            />
          )}
          {error.code === 'SENDER_NOT_VERIFIED' && attempt.from && (
            <VerifyAddress
              key={attempt.from}
              address={attempt.from}
              onVerified={onVerified}
              onSendAgain={onSendAgain}
            />
          )}
          {error.code === 'SMTP_AUTH' && (
            <div className="actions">
              <button type="button" className="primary" onClick={onOtherKeys}>
                Use different keys
              </button>
            </div>
          )}
        </ErrorPanel>
      )}
    </div>
  );
}
