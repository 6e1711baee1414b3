/** How the benchmark prints a figure: the value, its goal, and whether it met it. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /**
   * 'max': the value must not exceed the goal; 'ratio': value ÷ baseline (or `pairedRatio`, when
   * measured in pairs) must not exceed the goal
   * (a timing on a shared machine means little alone, its ratio to a baseline taken in the same
   * run does); 'info': a figure shown for context, with no goal.
   */
  kind: 'max' | 'ratio' | 'info';
  goal: number;
  /** The same measurement of something minimal, in the same run and conditions ('ratio' only). */
  baseline?: number;
  /**
   * For a 'ratio' figure measured in pairs (one product run, then one baseline run, repeated): the
   * median of the pairs' own ratios. A busy moment then weighs on both sides of its pair, where
   * the ratio of the two medians can set one side's quiet runs against the other's busy ones.
   */
  pairedRatio?: number;
  note?: string;
  /** Set when the figure could not be measured: why. The benchmark then exits non-zero. */
  error?: string;
}

export function unmeasured(name: string, error: unknown): Figure {
  const why = error instanceof Error ? error.message : String(error);
  return { name, value: NaN, unit: '', kind: 'info', goal: 0, error: why };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(xs: number[]): number {
  return percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
}

const show = (n: number, unit: string) => `${Number.isInteger(n) ? n : n.toFixed(2)} ${unit}`;

function row(f: Figure): string {
  if (f.error) return `FAILED  ${f.name}: not measured: ${f.error}`;
  let verdict = 'info  ';
  let detail = '';
  if (f.kind === 'ratio') {
    const ratio = f.pairedRatio ?? f.value / f.baseline!;
    verdict = ratio <= f.goal ? 'met   ' : 'MISSED';
    detail = `   (baseline ${show(f.baseline!, f.unit)}, ratio ${ratio.toFixed(2)}×)   goal ≤ ${f.goal}×`;
  } else if (f.kind === 'max') {
    verdict = f.value <= f.goal ? 'met   ' : 'MISSED';
    detail = `   goal ≤ ${f.goal} ${f.unit}`;
  }
  const line = `${verdict}  ${f.name.padEnd(62)} ${show(f.value, f.unit).padStart(12)}${detail}`;
  // The note goes on its own line, so the figures stay in one readable column.
  return f.note ? `${line}\n${' '.repeat(10)}${f.note}` : line;
}

export function printFigures(figures: Figure[]): void {
  console.log(['', 'SES Setup Assistant — benchmark', ...figures.map(row), ''].join('\n'));
}
