import { cloneElement, type ReactElement } from 'react';

/**
 * A labelled form field with its hint and, when there is one, its problem and a note on what the
 * assistant did to the value (such as characters it removed), wired for screen readers.
 */
export function Field(props: {
  id: string;
  label: string;
  hint: string;
  problem?: string | null;
  note?: string | null;
  children: ReactElement<Record<string, unknown>>;
}) {
  const describedBy = [
    `${props.id}-hint`,
    props.problem ? `${props.id}-problem` : null,
    props.note ? `${props.id}-note` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${props.problem ? ' invalid' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {cloneElement(props.children, {
        'aria-describedby': describedBy,
        'aria-invalid': props.problem ? true : undefined,
      })}
      <small id={`${props.id}-hint`}>{props.hint}</small>
      {props.problem && (
        <small className="problem" id={`${props.id}-problem`} role="alert">
          {props.problem}
        </small>
      )}
      {props.note && (
        <small className="note" id={`${props.id}-note`} role="status">
          {props.note}
        </small>
      )}
    </div>
  );
}

/** The first problem of a value, checked with the very rule the main process applies. */
export function problemOf(
  rule: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: string,
): string | null {
  if (!value) return null;
  const result = rule.safeParse(value);
  return result.success ? null : (result.error?.issues[0]?.message ?? null);
}
