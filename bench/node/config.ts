/**
 * Run counts and sizes, chosen so the whole bench fits in five minutes on a 2-core machine;
 * raise them on a faster one for tighter ranges. `npm run bench -- --quick` runs each figure
 * once, to check the bench itself works, not to report figures.
 */
const quick = process.argv.includes('--quick');

export const config = {
  quick,
  canvas: { runs: quick ? 1 : 4, sizes: [100, 500, 1_000], warmupNodes: 50 },
  viewport: { runs: quick ? 1 : 3, nodes: 1_000, frames: quick ? 30 : 60 },
  requests: { runs: quick ? 1 : 2, sizes: [100, 1_000] },
  renders: { runs: quick ? 1 : 2, nodes: 1_000 },
  dialog: { runs: quick ? 1 : 3, nodes: 100, opens: quick ? 5 : 30, warmupOpens: 2 },
  server: {
    credentials: 1_000,
    rounds: quick ? 2 : 8,
    roundMs: quick ? 500 : 2_000,
    concurrency: 16,
    createRate: 200,
    creates: quick ? 200 : 1_000,
  },
  /** The whole command's time limit; the watchdog stops it there whatever it is doing. */
  deadlineMs: 345_000,
  /** How the time left after building is shared between the figures (see time-box.ts). */
  weights: { canvas: 70, viewport: 75, requests: 12, renders: 12, dialog: 40 },
} as const;

/** DESIGN.md §6. */
export const budgets = {
  renderRatio: 1.3,
  frameMs: 16.7,
  dialogP95Ms: 50,
  bundleGzipKb: 45,
  /** Reference server: list throughput against a bare Hono route serving the same bytes. */
  serverListRatio: 0.5,
  serverCreateP99Ms: 25,
} as const;
