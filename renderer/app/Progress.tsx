import type { StepId } from '../../electron/ipc/schemas';
import { STAGES } from './screens';
import { useAssistant } from './store';

/**
 * Where the person is in the assistant, and the way back: every stage they have reached is a
 * button that opens it (going back never undoes what a later step saved), the current one too when
 * a side screen of it is open. Stages before the current
 * one are only "passed", never ticked: going past a screen (say, the sandbox request) does not mean
 * it is finished, so the bar must not claim it is.
 */
export function Progress({ step, reached }: { step: StepId; reached: StepId[] }) {
  const goTo = useAssistant((s) => s.goTo);
  const current = STAGES.findIndex((s) => s.steps.includes(step));
  return (
    <nav aria-label="Steps">
      <ol className="progress">
        {STAGES.map((s, i) => {
          const here = i === current;
          // Connect AWS opens on the Connected screen once a connection exists, else on Connect.
          const target = reached.includes(s.opens) ? s.opens : s.steps.find((x) => reached.includes(x));
          // The current stage is a way back too when the screen is not its main one: from SMTP or
          // the key screen, "Dashboard" returns to the dashboard in one click.
          const open = target !== undefined && target !== step;
          return (
            <li
              key={s.label}
              className={i < current ? 'passed' : here ? 'current' : undefined}
              aria-current={here ? 'step' : undefined}
            >
              {open ? (
                <button type="button" className="link" onClick={() => void goTo(target!)}>
                  {s.label}
                </button>
              ) : (
                s.label
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
