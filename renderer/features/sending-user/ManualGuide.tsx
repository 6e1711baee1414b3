import { useEffect, useState } from 'react';
import type { PolicyView } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { CopyButton } from '../../components/CopyButton';

/** The guided console path: the exact names to type and the policy to paste, then back to "paste a key". */
export function ManualGuide({ onHaveKey }: { onHaveKey: () => void }) {
  const [policy, setPolicy] = useState<PolicyView | null>(null);
  const [cloudShell, setCloudShell] = useState<string | null>(null);

  useEffect(() => {
    void invoke('sendingUser.policy', {}).then((r) => r.ok && setPolicy(r.value));
  }, []);

  if (!policy) return <p className="muted">Preparing the instructions…</p>;
  return (
    <div className="panel guide">
      <details
        onToggle={(e) => {
          if ((e.target as HTMLDetailsElement).open && !cloudShell)
            void invoke('sendingUser.cloudShell', {}).then((r) => r.ok && setCloudShell(r.value.command));
        }}
      >
        <summary>Only have the root user? Use AWS CloudShell instead</summary>
        <p>
          Open <strong>CloudShell</strong> in the AWS console (the terminal icon at the top; you are already
          signed in there), paste this command and press Enter. It creates the user, its two policies and a
          key, and prints the key for you to paste here. No admin key ever leaves AWS.
        </p>
        {cloudShell && (
          <>
            <pre className="code" tabIndex={0} aria-label="CloudShell command">
              {cloudShell}
            </pre>
            <CopyButton text={cloudShell} label="Copy the command" />
            <div className="actions">
              <button className="primary" type="button" onClick={onHaveKey}>
                I have the key from CloudShell: paste it
              </button>
            </div>
          </>
        )}
      </details>
      <ol className="steps">
        <li>
          Sign in to the AWS console and open <strong>IAM</strong> (search for “IAM” at the top), then{' '}
          <strong>Users → Create user</strong>.
        </li>
        <li>
          User name: <code>{policy.userName}</code> <CopyButton text={policy.userName} label="Copy name" />.
          Leave <em>Provide user access to the AWS Management Console</em> unticked: this user is for your
          apps, not for people to sign in. Click <strong>Next</strong>.
        </li>
        <li>
          Choose <strong>Attach policies directly → Create policy</strong>. It opens a new tab: pick the{' '}
          <strong>JSON</strong> tab, replace everything with the policy below, click <strong>Next</strong>,
          name it <code>{policy.policyName}</code>{' '}
          <CopyButton text={policy.policyName} label="Copy policy name" /> and <strong>Create policy</strong>.
          <PolicyJson json={policy.json} label="Policy JSON" copyLabel="Copy the policy" />
        </li>
        <li>
          Create a second policy the same way, named <code>{policy.setupPolicyName}</code>{' '}
          <CopyButton text={policy.setupPolicyName} label="Copy setup policy name" />, with this JSON. It lets
          the key verify your domain and ask AWS to leave the sandbox; once setup is done, the assistant can
          take it away for you (on the Dashboard). Then the key keeps what the first policy allows: it may{' '}
          {policy.keyMay}.
          <PolicyJson json={policy.setupJson} label="Setup policy JSON" copyLabel="Copy the setup policy" />
        </li>
        <li>
          Back in the first tab, refresh the list, tick <code>{policy.policyName}</code> and{' '}
          <code>{policy.setupPolicyName}</code>, then <strong>Next → Create user</strong>.
        </li>
        <li>
          Open the new user, tab <strong>Security credentials → Create access key</strong>, choose{' '}
          <em>Application running outside AWS</em>, then <strong>Create access key</strong>.
        </li>
        <li>
          AWS shows the <strong>secret access key only once</strong>. Keep that page open and paste both
          values into the assistant now. If you lose the secret, delete that key and create a new one.
        </li>
      </ol>
      <div className="actions">
        <button className="primary" type="button" onClick={onHaveKey}>
          I have the key: paste it
        </button>
      </div>
    </div>
  );
}

/** A policy to paste into the console's JSON tab, readable by keyboard and copied in one click. */
function PolicyJson({ json, label, copyLabel }: { json: string; label: string; copyLabel: string }) {
  return (
    <>
      <pre className="code" tabIndex={0} aria-label={label}>
        {json}
      </pre>
      <CopyButton text={json} label={copyLabel} />
    </>
  );
}
