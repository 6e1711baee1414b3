/** How the benchmark prints a figure: the value, its goal, and whether it met it. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal: number;
  /** 'max': the value must not exceed the goal; 'info': a figure shown for context, with no goal. */
  kind: 'max' | 'info';
  note?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function printFigures(figures: Figure[]): void {
  const rows = figures.map((f) => {
    const value = `${Number.isInteger(f.value) ? f.value : f.value.toFixed(2)} ${f.unit}`;
    const verdict = f.kind === 'info' ? 'info  ' : f.value <= f.goal ? 'met   ' : 'MISSED';
    const goal = f.kind === 'info' ? '' : `   goal ≤ ${f.goal} ${f.unit}`;
    return `${verdict}  ${f.name.padEnd(62)} ${value.padStart(14)}${goal}${f.note ? `   (${f.note})` : ''}`;
  });
  console.log(['', 'SES Setup Assistant — benchmark', ...rows, ''].join('\n'));
}
