import type { Browser } from 'playwright';
import type { CanvasKind, MountResult } from '../../shared/bench-api';
import { bench, closePage, openBenchPage } from '../browser';
import { budgets, config } from '../config';
import { pairedRatios, summarize } from '../stats';
import { repeatWithin } from '../time-box';
import type { FigureResult, Row } from '../types';

const kinds: CanvasKind[] = ['library', 'baseline'];
const culled = (size: number) => size >= config.canvas.cullFrom;
const budgeted = (size: number) => (budgets.mountSizes as readonly number[]).includes(size);
const sizeText = (size: number) => size.toLocaleString('en');

/** Per size: the two canvases mounted cold, and the library's over a warm cache. */
type Samples = Record<CanvasKind, MountResult[]> & { warm: MountResult[] };

/** Alternates which canvas goes first by run, so neither always pays for going first. */
const orderOf = (run: number): CanvasKind[] => (run % 2 === 0 ? kinds : [...kinds].reverse());

/**
 * Whether a culled size really was culled on each side: React Flow renders every node once to
 * measure it, then keeps only the visible ones, so a canvas that did not pass
 * `onlyRenderVisibleElements` on still has every node in the DOM at the end.
 */
function culling(samples: Samples, size: number): Record<CanvasKind, boolean> {
  const kept = (kind: CanvasKind) => summarize(samples[kind].map((s) => s.renderedNodes)).max;
  return { library: kept('library') < size, baseline: kept('baseline') < size };
}

/**
 * Figure 1a: mount → nodes painted, for the library's canvas and React Flow's default nodes in
 * one page, alternating which goes first, with a GC before every mount and a warm-up pass
 * discarded. The budgeted row is the mount itself: every node measured by React Flow and
 * painted, each saying it is checking its state. The time until every node shows its state is
 * reported beside it, cold and over a warm cache: cold, it holds the mock backend's round trip,
 * which runs on the page's own main thread (MSW answers from the page, after the first paint),
 * so no canvas could show its state within the default nodes' time; warm, the state is there on
 * the first pass and the row is the node's whole cost. The ratio is the median of the per-run
 * ratios, with their range.
 */
export async function canvasScale(
  browser: Browser,
  url: string,
  endsAt: number,
): Promise<FigureResult> {
  const samples = new Map<number, Samples>(
    config.canvas.sizes.map((size) => [size, { library: [], baseline: [], warm: [] }]),
  );
  const page = await openBenchPage(browser, url);
  const api = bench(page, 120_000);
  const mount = async (
    kind: CanvasKind,
    count: number,
    cull = culled(count),
    warmCache = false,
  ) => {
    await api.unmount();
    await api.collectGarbage();
    await api.frames(3);
    return api.mountCanvas({ kind, count, onlyRenderVisibleElements: cull, warmCache });
  };
  // Warm-up, discarded: runs every code path once (culled too), so no run pays for compiling.
  for (const kind of kinds) {
    for (const cull of [false, true]) await mount(kind, config.canvas.warmupNodes, cull);
  }
  const runs = await repeatWithin(config.canvas.runs, endsAt, async (run) => {
    for (const size of config.canvas.sizes) {
      const series = samples.get(size)!;
      for (const kind of orderOf(run)) series[kind].push(await mount(kind, size));
      if (budgeted(size)) series.warm.push(await mount('library', size, culled(size), true));
    }
  });
  await api.unmount();
  await closePage(page);

  const painted = (size: number, kind: CanvasKind) =>
    samples.get(size)![kind].map((sample) => sample.measuredMs);
  const settled = (size: number, kind: CanvasKind | 'warm') =>
    samples.get(size)![kind].map((sample) => sample.settledMs);
  const row = (metric: string, library: number[], baseline: number[], judged: boolean): Row => {
    const ratio = summarize(pairedRatios(library, baseline));
    return {
      figure: '1 Canvas',
      metric,
      unit: 'ms',
      library: summarize(library),
      baseline: summarize(baseline),
      ratio,
      budget: judged
        ? { text: `≤ ${budgets.mountRatio.toFixed(2)}×`, pass: ratio.median <= budgets.mountRatio }
        : null,
    };
  };
  const rows = config.canvas.sizes.flatMap((size): Row[] => {
    const cull = culled(size) ? culling(samples.get(size)!, size) : null;
    const cullText = !cull
      ? ''
      : cull.library
        ? ', onlyRenderVisibleElements on both'
        : ', onlyRenderVisibleElements (library ignored it)';
    const nodes = `${sizeText(size)} nodes`;
    const baseline = settled(size, 'baseline');
    return [
      // The budget: the nodes on screen, measured once, each saying it is checking its state.
      row(
        `mount → ${nodes} painted${cullText}`,
        painted(size, 'library'),
        baseline,
        budgeted(size),
      ),
      row(
        `mount → ${nodes} showing their state, cold (incl. the mock's round trip)`,
        settled(size, 'library'),
        baseline,
        false,
      ),
      ...(budgeted(size)
        ? [
            row(
              `mount → ${nodes} showing their state, warm cache`,
              settled(size, 'warm'),
              baseline,
              false,
            ),
          ]
        : []),
    ];
  });

  // What the library adds, per size: a constant says fixed cost, a growing one per-node cost.
  const added = config.canvas.sizes.map((size) => {
    const baseline = settled(size, 'baseline');
    const extra = settled(size, 'library').map((value, index) => value - baseline[index]!);
    return `${sizeText(size)}: ${summarize(extra).median.toFixed(0)} ms`;
  });
  const largest = Math.max(...config.canvas.sizes);
  const last = (size: number, kind: CanvasKind) => samples.get(size)![kind].at(-1);
  const notes = [
    `Canvas mount: library minus baseline, median of per-run differences — ${added.join(', ')}. ` +
      `States at ${sizeText(largest)} nodes (visible ones) ` +
      `${JSON.stringify(last(largest, 'library')?.statusCounts ?? {})}; React Flow measure ` +
      `batches at 1,000 nodes, last run: library ${last(1_000, 'library')?.batches ?? '—'}, ` +
      `baseline ${last(1_000, 'baseline')?.batches ?? '—'}.`,
  ];
  for (const size of config.canvas.sizes.filter(culled)) {
    if (culling(samples.get(size)!, size).library) continue;
    notes.push(
      `At ${sizeText(size)} nodes the library kept every node in the DOM: PipelineCanvas does ` +
        `not pass onlyRenderVisibleElements to React Flow, so that row compares a culled ` +
        `baseline with an unculled library.`,
    );
  }
  return {
    rows,
    details: {
      runs,
      cullFrom: config.canvas.cullFrom,
      bySize: Object.fromEntries(
        [...samples].map(([size, series]) => [
          size,
          Object.fromEntries(
            kinds.map((kind) => [
              kind,
              {
                settledMs: series[kind].map((s) => s.settledMs),
                firstPaintedMs: series[kind].map((s) => s.measuredMs),
                measureBatches: series[kind].map((s) => s.batches),
                nodesInDomAtEnd: series[kind].map((s) => s.renderedNodes),
              },
            ]),
          ),
        ]),
      ),
    },
    notes,
  };
}
