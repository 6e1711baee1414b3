import type { StepId } from '../../electron/ipc/schemas';
import { STAGES } from '../steps/registry';

/** Where the person is in the assistant, for eyes and for screen readers. */
export function Progress({ step }: { step: StepId }) {
  const current = STAGES.findIndex((s) => s.steps.includes(step));
  return (
    <nav aria-label="Progress">
      <ol className="progress">
        {STAGES.map((s, i) => (
          <li
            key={s.label}
            className={i < current ? 'done' : i === current ? 'current' : undefined}
            aria-current={i === current ? 'step' : undefined}
          >
            {s.label}
          </li>
        ))}
      </ol>
    </nav>
  );
}
