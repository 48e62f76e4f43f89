import type { Machine } from './machine';
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

export const verdict = (row: Row) => (row.budget ? (row.budget.pass ? 'met' : 'MISS') : '—');

const header = ['Figure', 'Metric', 'Runs', 'Library', 'Baseline', 'Ratio', 'Budget', 'Result'];

function cells(row: Row): string[] {
  return [
    row.figure,
    row.metric,
    `${row.library.n}`,
    cell(row.library, row.unit),
    cell(row.baseline, row.unit),
    cell(row.ratio, 'x'),
    row.budget?.text ?? '—',
    verdict(row),
  ];
}

/** A plain-text table of every row, the way the bench prints it. */
export function formatTable(rows: Row[]): string {
  const lines = rows.map(cells);
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

/** Every budgeted row on a line of its own: what it measured, the budget, met or MISS. */
export function formatBudgets(rows: Row[]): string {
  return rows
    .filter((row) => row.budget)
    .map((row) => {
      const value = row.ratio && row.baseline ? cell(row.ratio, 'x') : cell(row.library, row.unit);
      return `${verdict(row).padEnd(4)}  ${row.figure} · ${row.metric}: ${value} (budget ${row.budget!.text})`;
    })
    .join('\n');
}

/** One sentence on where and when: the figures mean little without it. */
export function describeRun(machine: Machine, runtimeMs: number, date: string): string {
  const load = (at: Machine['load']['before']) => `${at['1m']} / ${at['5m']} / ${at['15m']}`;
  return (
    `${date.slice(0, 16).replace('T', ' ')} UTC; ${machine.nproc} CPUs, ${machine.cpu}, ` +
    `${machine.memoryGb} GB; Chromium ${machine.chromium} (headless); Node ${machine.node}; ` +
    `load average (1 / 5 / 15 min) ${load(machine.load.before)} before, ` +
    `${load(machine.load.after)} after; ${(runtimeMs / 1000).toFixed(0)} s.`
  );
}

/** The same table as Markdown, for the README's Performance section. */
export function formatMarkdown(rows: Row[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const line = (values: string[]) => `| ${values.map(escape).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map((row) => line(cells(row)))].join(
    '\n',
  );
}
