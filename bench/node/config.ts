/**
 * Run counts and sizes, chosen so the whole bench fits in about six minutes on a busy 2-core
 * machine; raise them on a faster one for tighter ranges. `npm run bench -- --quick` runs each
 * figure once, to check the bench itself works, not to report figures.
 */
const quick = process.argv.includes('--quick');

export const config = {
  quick,
  canvas: {
    /** Alternating library/baseline pairs per size, after one discarded warm-up pass. */
    runs: quick ? 1 : 8,
    sizes: [100, 500, 1_000, 5_000],
    /** From this size on, both canvases set `onlyRenderVisibleElements` (as a host would). */
    cullFrom: 5_000,
    warmupNodes: 100,
  },
  viewport: {
    /** Alternating library/baseline bursts on canvases that stay mounted. */
    runs: quick ? 1 : 8,
    nodes: 1_000,
    frames: quick ? 10 : 30,
    warmupFrames: 5,
  },
  requests: { runs: quick ? 1 : 2, sizes: [100, 1_000] },
  renders: { runs: quick ? 1 : 2, nodes: 1_000 },
  dialog: {
    /** Rounds of interleaved opens (library, baseline, library…); one ratio per round. */
    runs: quick ? 1 : 4,
    nodes: 100,
    opens: quick ? 4 : 20,
    warmupOpens: 2,
  },
  server: {
    credentials: 1_000,
    rounds: quick ? 2 : 8,
    roundMs: quick ? 500 : 1_000,
    concurrency: 16,
    createRate: 200,
    creates: quick ? 200 : 1_000,
  },
  /** The whole command's time limit; the watchdog stops it there whatever it is doing. */
  deadlineMs: 420_000,
  /** How the time left after building is shared between the figures (see time-box.ts). */
  weights: { canvas: 150, viewport: 60, requests: 10, renders: 12, dialog: 50 },
} as const;

/** Issue 16's budgets (DESIGN.md §6), and the reference server's. */
export const budgets = {
  /** Mount vs React Flow's default nodes, median of per-run ratios, at each of these sizes. */
  mountRatio: 1.1,
  mountSizes: [100, 500, 1_000],
  /** Pan/zoom: p95 main-thread work per frame vs the baseline's, median of per-run ratios. */
  frameWorkRatio: 1.0,
  /** Add API Key → dialog painted, p95, vs a bare Radix dialog, median of per-round ratios. */
  dialogP95Ratio: 1.15,
  requestsPerCanvas: 2,
  requestsAfterChange: 2,
  bundleExternalKb: 30,
  bundleWithDependenciesKb: 70,
  /** Reference server: list throughput against a bare Hono route serving the same bytes. */
  serverListRatio: 0.5,
  serverCreateP99Ms: 25,
} as const;
