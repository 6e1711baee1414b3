import { useEffect, useState } from 'react';
import type { AwsProfileInfo } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field } from '../../components/Field';
import { useAssistant } from '../../app/store';

const KIND_WORDS: Record<AwsProfileInfo['kind'], string> = {
  keys: 'access key',
  sso: 'single sign-on',
  role: 'role',
  other: 'other',
};

export function ProfileForm({ region }: { region: string }) {
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

  return (
    <form
      className="panel"
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void connect({ source: 'profile', profileName: chosen, region });
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
              {p.name} ({KIND_WORDS[p.kind]})
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
