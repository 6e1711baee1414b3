import type { ConnectionReport } from '../../../electron/ipc/contract';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StepHeading } from '../../components/StepHeading';
import { useAssistant } from '../../app/store';

const number = new Intl.NumberFormat('en-US');

/** "US East (N. Virginia), us-east-1": the name people read, with the code they will meet in AWS. */
function regionLabel(code: string | undefined, names: Record<string, string> | undefined): string {
  if (!code) return '';
  return names?.[code] ? `${names[code]}, ${code}` : code;
}

export function ConnectedStep() {
  const { app, busy, actionError, retest, goTo } = useAssistant();
  const profile = app?.profiles.find((p) => p.id === app.activeProfileId);
  const regionName = regionLabel(profile?.region, app?.regionNames);
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
        <dt>Sending user</dt>
        <dd>
          {report?.userName ?? profile.label}{' '}
          <span className="muted">(the AWS user the assistant uses, called an “IAM user” in AWS)</span>
        </dd>
        <dt>Key</dt>
        <dd>
          {profile.credentialKind === 'aws-profile'
            ? `AWS profile “${profile.awsProfileName}”`
            : `${profile.accessKeyIdMasked}${profile.credentialKind === 'temporary' ? ' (temporary: it expires)' : ''}, kept in ${
                app?.keychainMode === 'session-only' ? 'memory until you quit' : 'your system keychain'
              }`}
        </dd>
        <dt>Region</dt>
        <dd>{regionName}</dd>
      </dl>
      {report ? (
        <QuotaPanel report={report} regionName={regionName} />
      ) : (
        <p className="muted">Test the connection to see your sending limits.</p>
      )}
      <p className="muted">Next: choose the region SES sends your mail from.</p>
      <div className="actions">
        <button className="primary" onClick={() => void goTo('region')}>
          Continue
        </button>
      </div>
      <h2 className="more-heading">More</h2>
      <div className="actions more-actions">
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

function QuotaPanel({ report, regionName }: { report: ConnectionReport; regionName: string }) {
  const { quota } = report;
  return (
    <section className={`panel ${report.sandbox ? 'warn' : 'good'}`} aria-labelledby="sandbox-title">
      <h2 id="sandbox-title">
        {report.sandbox ? 'Your account is in the SES sandbox' : 'Your account can send to anyone'}
      </h2>
      {report.sandbox ? (
        <p>
          While in the sandbox you can only send to addresses you have verified, at most{' '}
          {number.format(quota.max24HourSend)} recipients in 24 hours and {quota.maxSendRate} a second (an
          email to three people counts three). This is normal for a new account; the assistant will help you
          ask AWS to lift it. The sandbox applies to this region ({regionName}) only.
        </p>
      ) : (
        <p>
          You may send to up to {number.format(quota.max24HourSend)} recipients in 24 hours,{' '}
          {quota.maxSendRate} a second.
        </p>
      )}
      <p className="muted">
        Sent in the last 24 hours: {number.format(quota.sentLast24Hours)} of{' '}
        {number.format(quota.max24HourSend)}.
      </p>
    </section>
  );
}
