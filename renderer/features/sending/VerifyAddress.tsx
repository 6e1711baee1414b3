import { useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';

/** The offer to verify an address the send needed: an unverified sender, or a recipient in the sandbox (SES mails it a link). */
export function VerifyAddress({
  address,
  onVerified,
  onSendAgain,
}: {
  address: string;
  /** The address is verified at once: the refusal that led here is no longer true. */
  onVerified: (address: string) => void;
  onSendAgain: () => void;
}) {
  const [state, setState] = useState<OutputOf<'send.verifyRecipient'> | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [busy, setBusy] = useState(false);
  if (state)
    return (
      <div>
        <p>
          <strong>AWS has sent a verification email to {address}.</strong> Open it and click the link in it
          (the link works for a limited time), then send the test again.
        </p>
        <button type="button" className="primary" onClick={onSendAgain}>
          Send the test again
        </button>
      </div>
    );
  return (
    <div>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void invoke('send.verifyRecipient', { address }).then((r) => {
            setBusy(false);
            if (r.ok && r.value.verified) onVerified(address);
            else if (r.ok) setState(r.value);
            else setError(r.error);
          });
        }}
      >
        {busy ? 'Asking AWS…' : `Verify ${address}`}
      </button>
      {error && (
        <p className="problem">
          {error.title}. {error.fix}
        </p>
      )}
    </div>
  );
}
