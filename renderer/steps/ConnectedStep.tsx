import type { ConnectionReport } from '../../electron/ipc/contract';
import { ErrorPanel } from '../components/ErrorPanel';
import { StepHeading } from '../components/StepHeading';
import { useAssistant } from '../store/assistant';

const number = new Intl.NumberFormat('en-US');

export function ConnectedStep() {
  const { app, busy, actionError, retest, goTo } = useAssistant();
  const profile = app?.profiles.find((p) => p.id === app.activeProfileId);
  const report = app?.lastReport && app.lastReport.profile.id === profile?.id ? app.lastReport : null;

  if (!profile) {
    return (
      <section className="step">
        <StepHeading title="No AWS connection yet" why="Connect your AWS account to continue." />
        <button className="primary" onClick={() => void goTo('connect')}>
          Connect AWS
        </button>
      </section>
    );
  }

  return (
    <section className="step">
      <StepHeading
        title="Your AWS account is connected"
        why="The assistant can now talk to Amazon SES for you. Here is what AWS told us."
      />
      <dl className="facts panel">
        <dt>AWS account</dt>
        <dd>{profile.accountId}</dd>
        <dt>IAM user</dt>
        <dd>{report?.userName ?? profile.label}</dd>
        <dt>Key</dt>
        <dd>
          {profile.credentialKind === 'aws-profile'
            ? `AWS profile “${profile.awsProfileName}”`
            : `${profile.accessKeyIdMasked} (${profile.credentialKind === 'temporary' ? 'temporary' : 'long-term'}), kept in ${
                app?.keychainMode === 'session-only' ? 'memory until you quit' : 'your system keychain'
              }`}
        </dd>
        <dt>Region</dt>
        <dd>{profile.region}</dd>
      </dl>
      {report ? (
        <QuotaPanel report={report} />
      ) : (
        <p className="muted">Test the connection to see your sending limits.</p>
      )}
      <p className="muted">Next: choose the region SES sends your mail from.</p>
      <div className="actions">
        <button className="primary" onClick={() => void goTo('region')}>
          Continue
        </button>
        <button onClick={() => void retest(profile.id)} disabled={busy}>
          {busy ? 'Checking with AWS…' : 'Test again'}
        </button>
        <button onClick={() => void goTo('connect')}>Use different keys</button>
        <button onClick={() => void goTo('ledger')}>What this app created</button>
        <button onClick={() => void goTo('smtp')}>SMTP settings for your apps</button>
        <button onClick={() => void goTo('rotation')}>Key age and rotation</button>
      </div>
      {actionError && <ErrorPanel error={actionError} />}
    </section>
  );
}

function QuotaPanel({ report }: { report: ConnectionReport }) {
  const { quota } = report;
  return (
    <section className={`panel ${report.sandbox ? 'warn' : 'good'}`} aria-labelledby="sandbox-title">
      <h2 id="sandbox-title">
        {report.sandbox ? 'Your account is in the SES sandbox' : 'Your account can send to anyone'}
      </h2>
      {report.sandbox ? (
        <p>
          While in the sandbox you can only send to addresses you have verified, at most{' '}
          {number.format(quota.max24HourSend)} emails a day and {quota.maxSendRate} per second. This is normal
          for a new account; the assistant will help you ask AWS to lift it. The sandbox applies to this
          region ({report.profile.region}) only.
        </p>
      ) : (
        <p>
          You may send up to {number.format(quota.max24HourSend)} emails a day, {quota.maxSendRate} per
          second.
        </p>
      )}
      <p className="muted">
        Sent in the last 24 hours: {number.format(quota.sentLast24Hours)} of{' '}
        {number.format(quota.max24HourSend)}.
      </p>
    </section>
  );
}
