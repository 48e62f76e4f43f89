import type { Summary } from './stats';

/** One line of the report: a library figure, its same-run baseline and the budget verdict. */
export interface Row {
  figure: string;
  metric: string;
  unit: 'ms' | 'requests' | 'nodes' | 'KB' | 'req/s';
  library: Summary;
  baseline: Summary | null;
  /** Per-run library ÷ baseline. */
  ratio: Summary | null;
  budget: { text: string; pass: boolean } | null;
}

/** What a figure hands back: its rows and anything worth keeping in results.json. */
export interface FigureResult {
  rows: Row[];
  details: Record<string, unknown>;
  notes: string[];
}
