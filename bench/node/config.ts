/**
 * Run counts and sizes. They are chosen so the whole bench fits in five minutes on a 2-core
 * machine; raise them on a faster one for tighter ranges.
 */
export const config = {
  canvas: { runs: 5, sizes: [100, 500, 1_000], warmupNodes: 50 },
  viewport: { runs: 3, nodes: 1_000, frames: 120 },
  requests: { runs: 3, sizes: [100, 1_000] },
  renders: { runs: 3, nodes: 1_000 },
  dialog: { runs: 3, nodes: 100, opens: 30, warmupOpens: 2 },
  /** A hard stop for the whole command. */
  deadlineMs: 285_000,
} as const;

/** DESIGN.md §6. */
export const budgets = {
  renderRatio: 1.3,
  frameMs: 16.7,
  dialogP95Ms: 50,
  bundleGzipKb: 45,
} as const;
