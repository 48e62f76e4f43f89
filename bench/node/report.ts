import type { Summary } from './stats';
import type { Row } from './types';

function number(value: number, unit: Row['unit']): string {
  if (unit === 'requests' || unit === 'nodes' || unit === 'req/s')
    return Number.isInteger(value) ? `${value}` : value.toFixed(1);
  return value.toFixed(1);
}

/** "median [min–max]", or just the value when every run agreed. */
function cell(summary: Summary | null, unit: Row['unit'] | 'x'): string {
  if (!summary) return '—';
  const format = (value: number) => (unit === 'x' ? value.toFixed(2) : number(value, unit));
  const suffix = unit === 'x' ? '×' : unit === 'ms' ? ' ms' : unit === 'KB' ? ' KB' : '';
  if (summary.min === summary.max) return `${format(summary.median)}${suffix}`;
  return `${format(summary.median)}${suffix} [${format(summary.min)}–${format(summary.max)}]`;
}

/** A plain-text table of every row, the way the bench prints it. */
export function formatTable(rows: Row[]): string {
  const header = ['Figure', 'Metric', 'Runs', 'Library', 'Baseline', 'Ratio', 'Budget', 'Result'];
  const lines = rows.map((row) => [
    row.figure,
    row.metric,
    `${row.library.n}`,
    cell(row.library, row.unit),
    cell(row.baseline, row.unit),
    cell(row.ratio, 'x'),
    row.budget?.text ?? '—',
    row.budget ? (row.budget.pass ? 'ok' : 'MISS') : '—',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (line: string[]) =>
    line
      .map((text, column) => text.padEnd(widths[column]!))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
  return [format(header), rule, ...lines.map(format)].join('\n');
}
