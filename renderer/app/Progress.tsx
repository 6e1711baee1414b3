import type { StepId } from '../../electron/ipc/schemas';
import { STAGES } from './screens';

/**
 * Where the person is in the assistant, for eyes and for screen readers. Stages before the current
 * one are only "passed", never ticked: going past a screen (say, the sandbox request) does not mean
 * it is finished, so the bar must not claim it is.
 */
export function Progress({ step }: { step: StepId }) {
  const current = STAGES.findIndex((s) => s.steps.includes(step));
  return (
    <nav aria-label="Progress">
      <ol className="progress">
        {STAGES.map((s, i) => (
          <li
            key={s.label}
            className={i < current ? 'passed' : i === current ? 'current' : undefined}
            aria-current={i === current ? 'step' : undefined}
          >
            {s.label}
          </li>
        ))}
      </ol>
    </nav>
  );
}
