import { cloneElement, useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { AwsProfileInfo } from '../../electron/ipc/contract';
import {
  accessKeyId as accessKeyIdRule,
  secretKeyProblem,
  sessionToken as tokenRule,
} from '../../electron/ipc/schemas';
import { invoke } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { StepHeading } from '../components/StepHeading';
import { useAssistant } from '../store/assistant';

type Method = 'keys' | 'profile';

const REGION = 'us-east-1';

/** The first problem of a value, checked with the very rule the main process applies. */
function problemOf(
  rule: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: string,
) {
  if (!value) return null;
  const result = rule.safeParse(value);
  return result.success ? null : (result.error?.issues[0]?.message ?? null);
}

export function ConnectStep() {
  const [method, setMethod] = useState<Method>('keys');
  return (
    <section className="step">
      <StepHeading
        title="Connect your AWS account"
        why="The assistant needs an access key of an IAM user to set up email for you. It checks the key with AWS, then keeps it in your system keychain."
      />
      <fieldset className="choice">
        <legend>How do you want to connect?</legend>
        <label>
          <input type="radio" name="method" checked={method === 'keys'} onChange={() => setMethod('keys')} />
          <span>
            <strong>Paste an access key</strong>
            <small>An access key ID and its secret, from the IAM console.</small>
          </span>
        </label>
        <label>
          <input
            type="radio"
            name="method"
            checked={method === 'profile'}
            onChange={() => setMethod('profile')}
          />
          <span>
            <strong>Use an AWS profile on this computer</strong>
            <small>If you already use the AWS command line, pick one of its profiles.</small>
          </span>
        </label>
      </fieldset>
      {method === 'keys' ? <KeysForm /> : <ProfileForm />}
    </section>
  );
}

function KeysForm() {
  const { connect, busy, actionError, chooseSessionOnly } = useAssistant();
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [token, setToken] = useState('');
  const [touched, setTouched] = useState(false);

  const temporary = keyId.trim().startsWith('ASIA');
  const keyIdProblem = problemOf(accessKeyIdRule, keyId.trim());
  const secretProblem = secret ? secretKeyProblem(secret) : null;
  const tokenProblem = temporary ? problemOf(tokenRule, token.trim()) : null;
  const complete = keyId && secret && (!temporary || token);
  const canSend = complete && !keyIdProblem && !secretProblem && !tokenProblem && !busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!canSend) return;
    const sent = { secret, token };
    // The secret stays in the page only while it is being typed: once sent, the fields are emptied.
    setSecret('');
    setToken('');
    await connect({
      source: 'keys',
      accessKeyId: keyId.trim(),
      secretAccessKey: sent.secret,
      sessionToken: temporary ? sent.token.trim() : undefined,
      region: REGION,
    });
  }

  const fieldError = (field: string) => actionError?.fields?.[field];

  return (
    <form className="panel" onSubmit={submit} noValidate aria-busy={busy}>
      <Field
        id="access-key-id"
        label="Access key ID"
        hint="20 characters, starts with AKIA (or ASIA for temporary keys)."
        problem={keyIdProblem ?? fieldError('accessKeyId')}
      >
        <input
          id="access-key-id"
          value={keyId}
          onChange={(e) => setKeyId(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          placeholder="AKIA…"
        />
      </Field>
      <Field
        id="secret-access-key"
        label="Secret access key"
        hint="40 characters, shown only once when the key was created."
        problem={secretProblem ?? fieldError('secretAccessKey')}
      >
        <input
          id="secret-access-key"
          type="password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      {temporary && (
        <Field
          id="session-token"
          label="Session token"
          hint="Temporary keys come with a long session token. Paste all of it."
          problem={tokenProblem ?? fieldError('sessionToken')}
        >
          <textarea
            id="session-token"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            rows={3}
            spellCheck={false}
          />
        </Field>
      )}
      <p className="muted">
        Region: <strong>US East (N. Virginia), us-east-1</strong>. You can choose another region in a later
        step.
      </p>
      {touched && !complete && <p className="problem">Fill in the fields above first.</p>}
      <div className="actions">
        <button className="primary" type="submit" disabled={busy}>
          {busy ? 'Checking with AWS…' : 'Test connection'}
        </button>
      </div>
      {busy && (
        <p role="status" className="muted">
          Asking AWS who this key belongs to and what it may send…
        </p>
      )}
      {actionError && actionError.code !== 'INVALID_INPUT' && (
        <ErrorPanel error={actionError}>
          {actionError.code.startsWith('KEYCHAIN_') && (
            <button type="button" onClick={() => void chooseSessionOnly()}>
              Keep keys for this session only
            </button>
          )}
        </ErrorPanel>
      )}
    </form>
  );
}

function ProfileForm() {
  const { connect, busy, actionError } = useAssistant();
  const [profiles, setProfiles] = useState<AwsProfileInfo[] | null>(null);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    void invoke('awsProfiles.list', {}).then((result) => {
      const list = result.ok ? result.value : [];
      setProfiles(list);
      setChosen((current) => current || list[0]?.name || '');
    });
  }, []);

  if (profiles === null) return <p className="muted">Looking for AWS profiles…</p>;
  if (profiles.length === 0)
    return (
      <div className="panel">
        <p>
          No AWS profiles were found in <code>~/.aws/credentials</code> or <code>~/.aws/config</code>. Paste
          an access key instead.
        </p>
      </div>
    );

  const kindWords: Record<AwsProfileInfo['kind'], string> = {
    keys: 'access key',
    sso: 'single sign-on',
    role: 'role',
    other: 'other',
  };

  return (
    <form
      className="panel"
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void connect({ source: 'profile', profileName: chosen, region: REGION });
      }}
    >
      <Field
        id="aws-profile"
        label="AWS profile"
        hint="The assistant reads this profile’s keys only when it uses them."
      >
        <select id="aws-profile" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {profiles.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} ({kindWords[p.kind]})
            </option>
          ))}
        </select>
      </Field>
      <div className="actions">
        <button className="primary" type="submit" disabled={busy || !chosen}>
          {busy ? 'Checking with AWS…' : 'Test connection'}
        </button>
      </div>
      {actionError && <ErrorPanel error={actionError} />}
    </form>
  );
}

function Field(props: {
  id: string;
  label: string;
  hint: string;
  problem?: string | null;
  children: ReactElement<Record<string, unknown>>;
}) {
  const describedBy = `${props.id}-hint${props.problem ? ` ${props.id}-problem` : ''}`;
  return (
    <div className={`field${props.problem ? ' invalid' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {cloneElement(props.children, {
        'aria-describedby': describedBy,
        'aria-invalid': props.problem ? true : undefined,
      })}
      <small id={`${props.id}-hint`}>{props.hint}</small>
      {props.problem && (
        <small className="problem" id={`${props.id}-problem`} role="alert">
          {props.problem}
        </small>
      )}
    </div>
  );
}
