import { useEffect, useRef } from 'react';

/** The step's title, focused when the step opens so keyboard and screen-reader users start there. */
export function StepHeading({ title, why }: { title: string; why: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <h1 ref={ref} tabIndex={-1}>
        {title}
      </h1>
      <p className="lead">{why}</p>
    </>
  );
}
