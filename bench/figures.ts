/** How the benchmark prints a figure: the value, its goal, and whether it met it. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal: number;
  /** 'max': the value must not exceed the goal. */
  kind: 'max';
  note?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function printFigures(figures: Figure[]): void {
  const rows = figures.map((f) => {
    const met = f.value <= f.goal;
    const value = `${Number.isInteger(f.value) ? f.value : f.value.toFixed(2)} ${f.unit}`;
    return `${met ? 'met   ' : 'MISSED'}  ${f.name.padEnd(58)} ${value.padStart(14)}   goal ≤ ${f.goal} ${f.unit}${f.note ? `   (${f.note})` : ''}`;
  });
  console.log(['', 'SES Setup Assistant — benchmark', ...rows, ''].join('\n'));
}
