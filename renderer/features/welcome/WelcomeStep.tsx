import { useAssistant } from '../../app/store';
import { StepHeading } from '../../components/StepHeading';

export function WelcomeStep() {
  const goTo = useAssistant((s) => s.goTo);
  return (
    <section className="step">
      <StepHeading
        title="Send email from your own domain with Amazon SES"
        why="This assistant sets up Amazon’s email service for you, one plain step at a time. You need an AWS account, and a domain whose DNS settings you can change (or, to start, one email address you can read)."
      />
      <ol className="plan">
        <li>
          <strong>Connect your AWS account.</strong> Your keys are kept in this computer’s keychain, never in
          a file.
        </li>
        <li>
          <strong>Prove you own your domain</strong> with a few DNS records we write out for you and check
          live.
        </li>
        <li>
          <strong>Send a test email,</strong> then ask AWS to lift the trial limits.
        </li>
      </ol>
      <div className="actions">
        <button className="primary" onClick={() => void goTo('connect')}>
          Get started
        </button>
      </div>
      <p className="muted">Your progress is saved after every step: you can close the app and come back.</p>
    </section>
  );
}
