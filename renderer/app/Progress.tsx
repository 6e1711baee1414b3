import { useRef, useState, type KeyboardEvent } from 'react';
import type { StepId } from '../../electron/ipc/schemas';
import { STAGES } from './screens';
import { useAssistant } from './store';

/**
 * Where the person is in the assistant, and the way back: every stage they have reached is a
 * button that opens it (going back never undoes what a later step saved), the current one too when
 * a side screen of it is open. Stages before the current
 * one are only "passed", never ticked: going past a screen (say, the sandbox request) does not mean
 * it is finished, so the bar must not claim it is.
 *
 * In a small window (or at 200 % zoom) the list would wrap over three or four lines above every
 * screen: there it folds into one line, "Step 5 of 8: DNS records", a button that opens the list
 * (the stylesheet decides which shows; the button is hidden in a wide window).
 */
export function Progress({ step, reached }: { step: StepId; reached: StepId[] }) {
  const goTo = useAssistant((s) => s.goTo);
  const current = STAGES.findIndex((s) => s.steps.includes(step));
  // Open on the step it was opened on: a step chosen from the list closes it, as the new screen is
  // what the person asked for.
  const [openOn, setOpenOn] = useState<StepId | null>(null);
  const open = openOn === step;
  const toggle = useRef<HTMLButtonElement>(null);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    setOpenOn(null);
    toggle.current?.focus();
  }

  return (
    <nav aria-label="Steps" onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        className="steps-toggle"
        aria-expanded={open}
        aria-controls="step-list"
        onClick={() => setOpenOn(open ? null : step)}
      >
        {`Step ${current + 1} of ${STAGES.length}: ${STAGES[current]?.label ?? ''}`}
      </button>
      <ol id="step-list" className={open ? 'progress open' : 'progress'}>
        {STAGES.map((s, i) => {
          const here = i === current;
          // Connect AWS opens on the Connected screen once a connection exists, else on Connect.
          const target = reached.includes(s.opens) ? s.opens : s.steps.find((x) => reached.includes(x));
          // The current stage is a way back too when the screen is not its main one: from SMTP or
          // the key screen, "Dashboard" returns to the dashboard in one click.
          const canOpen = target !== undefined && target !== step;
          return (
            <li
              key={s.label}
              className={i < current ? 'passed' : here ? 'current' : undefined}
              aria-current={here ? 'step' : undefined}
            >
              {canOpen ? (
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
