/** Bounces and complaints (issue #16): being built; reached only from the dashboard. */
import { StepHeading } from '../../components/StepHeading';

export function FeedbackStep() {
  return (
    <StepHeading
      title="Bounces and complaints"
      why="Which addresses bounced or complained, and what to do about them."
    />
  );
}
