import { useEffect, useState } from 'react';
import { StepHeading } from '../../components/StepHeading';
import { useAssistant } from '../../app/store';
import { CreateUserForm } from '../sending-user/CreateUserForm';
import { KeysForm } from './KeysForm';
import { ManualGuide } from '../sending-user/ManualGuide';
import { ProfileForm } from './ProfileForm';

type Method = 'create' | 'keys' | 'profile' | 'manual';

const METHODS: { method: Method; title: string; detail: string }[] = [
  {
    method: 'create',
    title: 'Create a sending user for me (recommended)',
    detail:
      'Give admin access once; the assistant makes a user limited to email: sending, and setting up your domain until you take that away.',
  },
  {
    method: 'keys',
    title: 'Paste an access key',
    detail: 'An access key ID and its secret, from the IAM console.',
  },
  {
    method: 'profile',
    title: 'Use an AWS profile on this computer',
    detail: 'If you already use the AWS command line, pick one of its profiles.',
  },
  {
    method: 'manual',
    title: 'I’ll do it myself in the AWS console',
    detail: 'Step-by-step instructions with the exact names and policy to paste.',
  },
];

export function ConnectStep() {
  const [method, setMethod] = useState<Method>('create');
  /** The access key ID typed in the admin form, carried to "Paste an access key" (never a secret). */
  const [carriedKeyId, setCarriedKeyId] = useState('');
  /** Set when a button (not the radio itself) changed the way: the chosen way then takes the focus. */
  const [moved, setMoved] = useState(false);
  const region = useAssistant((s) => s.app?.region ?? '');
  const clearError = useAssistant((s) => s.clearError);
  const choose = (m: Method, options: { keyId?: string; byButton?: boolean } = {}) => {
    clearError();
    setCarriedKeyId(options.keyId ?? '');
    setMoved(Boolean(options.byButton));
    setMethod(m);
  };
  useEffect(() => {
    if (moved) document.querySelector<HTMLInputElement>(`input[name="method"][value="${method}"]`)?.focus();
  }, [moved, method]);
  return (
    <section className="step">
      <StepHeading
        title="Connect your AWS account"
        why="The assistant needs an access key of an IAM user to set up email for you. It checks the key with AWS, then keeps it in your system keychain."
      />
      <fieldset className="choice">
        <legend>How do you want to connect?</legend>
        {METHODS.map((m) => (
          <label key={m.method}>
            <input
              type="radio"
              name="method"
              value={m.method}
              checked={method === m.method}
              onChange={() => choose(m.method)}
            />
            <span>
              <strong>{m.title}</strong>
              <small>{m.detail}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {method === 'create' && (
        <CreateUserForm
          region={region}
          otherWays={{
            useKey: (keyId) => choose('keys', { keyId, byButton: true }),
            console: () => choose('manual', { byButton: true }),
          }}
        />
      )}
      {method === 'keys' && <KeysForm region={region} carriedKeyId={carriedKeyId} />}
      {method === 'profile' && <ProfileForm region={region} />}
      {method === 'manual' && <ManualGuide onHaveKey={() => choose('keys', { byButton: true })} />}
    </section>
  );
}
