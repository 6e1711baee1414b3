import type { StepId } from '../../electron/ipc/schemas';

const LABELS: { step: StepId; label: string }[] = [
  { step: 'welcome', label: 'Welcome' },
  { step: 'connect', label: 'Connect AWS' },
  { step: 'connected', label: 'Connected' },
];

/** Where the person is in the assistant, for eyes and for screen readers. */
export function Progress({ step }: { step: StepId }) {
  const current = LABELS.findIndex((s) => s.step === step);
  return (
    <nav aria-label="Progress">
      <ol className="progress">
        {LABELS.map((s, i) => (
          <li
            key={s.step}
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
