/** One figure a line: `bench <id> <value> <unit>`. */
export type PrintFigure = (id: string, value: number, unit: string) => void;

export const printFigure: PrintFigure = (id, value, unit) => {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
  console.log(`bench ${id} ${shown} ${unit}`);
};

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
