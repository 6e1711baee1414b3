import type { FormEvent } from 'react';
import { emailAddress } from '../../../electron/ipc/schemas';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field, problemOf } from '../../components/Field';
import type { OwnTest } from './useOwnAddressTest';

/**
 * After the simulator: a test that lands where the person can see it. One action (type the address,
 * click once); the verification link, the waiting and the send happen by themselves.
 */
export function OwnAddressTest({
  address,
  onAddress,
  test,
  onStart,
  onCancel,
  primary,
}: {
  address: string;
  onAddress: (address: string) => void;
  test: OwnTest;
  onStart: (address: string) => void;
  onCancel: () => void;
  /** Whether this is the screen's one main action now. */
  primary: boolean;
}) {
  const typed = address.trim();
  const problem = typed ? problemOf(emailAddress, typed) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed && !problem) onStart(typed);
  };

  if (test.phase === 'sent')
    return (
      <section className="panel good" role="status" aria-labelledby="own-sent-title">
        <h2 id="own-sent-title">Sent — look in your inbox (and spam folder)</h2>
        <p>
          SES accepted a test for {test.address} from {test.result.from},{' '}
          {test.result.via === 'api' ? 'through the SES API' : `over SMTP (port ${test.result.port})`}. It
          usually arrives within a minute.
        </p>
      </section>
    );

  if (test.phase === 'waiting' || test.phase === 'checking' || test.phase === 'sending')
    return (
      <section className="panel" aria-labelledby="own-wait-title" aria-busy={test.phase !== 'waiting'}>
        <h2 id="own-wait-title">A test to {test.address}</h2>
        <p role="status">
          {test.phase === 'checking'
            ? 'Checking whether SES may deliver to your address…'
            : test.phase === 'sending'
              ? 'Sending the test…'
              : test.expired
                ? `The confirmation link sent to ${test.address} has expired. Send a new one, then click it.`
                : `We sent a confirmation link to ${test.address}; click it, we'll continue by ourselves.`}
        </p>
        {test.phase === 'waiting' && (
          <p className="muted">
            The email comes from Amazon Web Services. Look in the spam folder if it is not there within a few
            minutes. This window can stay open while you look.
          </p>
        )}
        <div className="actions">
          {test.phase === 'waiting' && (
            <button
              type="button"
              className={test.expired ? 'primary' : undefined}
              onClick={() => onStart(test.address)}
            >
              Send the link again
            </button>
          )}
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </section>
    );

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="own-title">
      <h2 id="own-title">Now send one to yourself</h2>
      <p>
        A test to your own address lands in an inbox you can open, and shows whether your mail provider puts
        it in the inbox or in spam.
      </p>
      <Field
        id="own-address"
        label="Your email address"
        hint="If SES has not verified it yet, it first emails you a link to click; the assistant waits for it."
        problem={problem}
      >
        <input
          id="own-address"
          type="email"
          autoComplete="email"
          value={address}
          onChange={(e) => onAddress(e.target.value)}
          placeholder="you@example.com"
        />
      </Field>
      {test.phase === 'failed' && <ErrorPanel error={test.error} />}
      <div className="actions">
        <button type="submit" className={primary ? 'primary' : undefined} disabled={!typed || !!problem}>
          Send a test to me
        </button>
      </div>
    </form>
  );
}
