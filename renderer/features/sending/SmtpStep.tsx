import { useEffect, useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { CopyButton } from '../../components/CopyButton';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SmtpCopy, SmtpPasswordField } from '../../components/SmtpSecret';
import { StepHeading } from '../../components/StepHeading';
import { useAssistant } from '../../app/store';
import { SnippetsPanel } from './SnippetsPanel';
import './sending.css';

type Settings = OutputOf<'smtp.settings'>;
type LoginResult = OutputOf<'smtp.testLogin'>;

/** A revealed password hides itself again after this long, in case the screen is left open. */

/**
 * SMTP settings for the person's own apps (WordPress, a contact form, a mail program): the region's
 * host and ports, the user name and the SMTP password. The password stays in the main process:
 * "Copy" is done there, and "Show" asks for it through the one channel that returns it.
 */
export function SmtpStep() {
  const { goTo, goBack } = useAssistant();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<AssistantError | null>(null);

  useEffect(() => {
    void invoke('smtp.settings', {}).then((r) => {
      if (r.ok) setSettings(r.value);
      else setLoadError(r.error);
    });
  }, []);

  const back = (
    <button type="button" onClick={() => void goBack()}>
      Back
    </button>
  );

  if (loadError) {
    return (
      <section className="step">
        <StepHeading title="SMTP settings for your apps" why="These settings need a connected AWS account." />
        <ErrorPanel error={loadError} />
        <div className="actions">{back}</div>
      </section>
    );
  }
  if (!settings) return <p className="muted">Loading your SMTP settings…</p>;

  return (
    <section className="step">
      <StepHeading
        title="SMTP settings for your apps"
        why="Apps such as WordPress, a contact form or your mail program can send email through Amazon SES with these settings."
      />
      <dl className="facts panel smtp-settings">
        <dt>Server (SMTP host)</dt>
        <dd>
          <code>{settings.host}</code> <CopyButton text={settings.host} label="Copy host" />
        </dd>
        <dt>Port</dt>
        <dd>
          <strong>{settings.ports.starttls}</strong> with STARTTLS (recommended), or{' '}
          <strong>{settings.ports.tls}</strong> with TLS if your app or network does not allow 587. If your
          network blocks both, SES also listens on <strong>{settings.alternatePorts.starttls}</strong>{' '}
          (STARTTLS) and <strong>{settings.alternatePorts.tls}</strong> (TLS).
        </dd>
        <dt>Security</dt>
        <dd>
          Always on: choose “STARTTLS” for port {settings.ports.starttls} or “SSL/TLS” for port{' '}
          {settings.ports.tls}.
        </dd>
        {settings.passwordAvailable && (
          <>
            <dt>User name</dt>
            <dd>
              <code>{settings.userNameMasked}</code> <SmtpCopy what="userName" label="Copy user name" />
              <small className="muted block">Your access key ID, shortened here.</small>
            </dd>
            <dt>Password</dt>
            <dd>
              <SmtpPasswordField testId="smtp-password" />
              <small className="muted block">
                This is not your secret access key: it is calculated from it for {settings.region} and works
                only in that region.
              </small>
            </dd>
          </>
        )}
      </dl>
      {settings.passwordAvailable ? (
        <LoginTest />
      ) : (
        <section className="panel warn" aria-labelledby="smtp-unavailable">
          <h2 id="smtp-unavailable">No SMTP password for this connection</h2>
          <p>{settings.unavailableReason}</p>
          <button type="button" onClick={() => void goTo('connect')}>
            Connect with the sending user’s keys
          </button>
        </section>
      )}
      <SnippetsPanel passwordAvailable={settings.passwordAvailable} />
      <p className="muted">
        Next: type these into your app’s email settings, and send from an address or domain you verified in
        SES ({settings.region}).
      </p>
      <div className="actions">{back}</div>
    </section>
  );
}

/** A real login to SES's mail server with these settings: nothing is sent. */
function LoginTest() {
  const { goTo } = useAssistant();
  const [port, setPort] = useState<587 | 465>(587);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(LoginResult & { tested: 587 | 465 }) | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);

  async function test() {
    setBusy(true);
    setResult(null);
    setError(null);
    const r = await invoke('smtp.testLogin', { port });
    setBusy(false);
    if (r.ok) setResult({ ...r.value, tested: port });
    else setError(r.error);
  }

  return (
    <section className="panel" aria-labelledby="smtp-test-title" aria-busy={busy}>
      <h2 id="smtp-test-title">Check that these settings work</h2>
      <p>
        The assistant logs in to the SES mail server with this user name and password, then logs out. No email
        is sent.
      </p>
      <fieldset className="choice inline">
        <legend>Port to test</legend>
        {([587, 465] as const).map((p) => (
          <label key={p}>
            <input type="radio" name="smtp-port" checked={port === p} onChange={() => setPort(p)} />
            <span>{p === 587 ? '587 (STARTTLS, recommended)' : '465 (TLS)'}</span>
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button className="primary" type="button" onClick={() => void test()} disabled={busy}>
          {busy ? 'Logging in to the SES mail server…' : 'Test SMTP login'}
        </button>
      </div>
      {result && (
        <div className="panel good" role="status">
          <strong>The login worked.</strong> SES accepted this user name and password on port {result.tested}{' '}
          (in {result.tookMs} ms). Your apps can use these settings.
        </div>
      )}
      {error && (
        <ErrorPanel error={error}>
          {error.code === 'SMTP_AUTH' && (
            <div className="actions">
              <button type="button" className="primary" onClick={() => void goTo('connect')}>
                Use different keys
              </button>
              <button type="button" onClick={() => void goTo('rotation')}>
                Change my key now
              </button>
            </div>
          )}
        </ErrorPanel>
      )}
    </section>
  );
}
