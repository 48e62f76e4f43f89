import type { Browser } from 'playwright';
import { bench, closePage, openBenchPage } from '../browser';
import { budgets, config } from '../config';
import { pairedRatios, summarize } from '../stats';
import type { FigureResult, Row } from '../types';

interface Samples {
  libraryMeasured: number[];
  librarySettled: number[];
  baseline: number[];
}

/**
 * Figure 1a: mount → all nodes rendered, for the library's canvas and React Flow's default
 * nodes, in the same page, alternating which goes first, with a GC before every mount.
 */
export async function canvasScale(browser: Browser, url: string): Promise<FigureResult> {
  const samples = new Map<number, Samples>(
    config.canvas.sizes.map((size) => [
      size,
      { libraryMeasured: [], librarySettled: [], baseline: [] },
    ]),
  );
  const statuses: Record<number, Record<string, number>> = {};
  for (let run = 0; run < config.canvas.runs; run += 1) {
    const page = await openBenchPage(browser, url);
    const api = bench(page);
    // Warm-up: compile both code paths once, so the first measured mount is not penalised.
    for (const kind of ['library', 'baseline'] as const) {
      await api.mountCanvas({ kind, count: config.canvas.warmupNodes });
    }
    for (const size of config.canvas.sizes) {
      const order =
        run % 2 === 0 ? (['library', 'baseline'] as const) : (['baseline', 'library'] as const);
      for (const kind of order) {
        await api.unmount();
        await api.collectGarbage();
        await api.frames(5);
        const result = await api.mountCanvas({ kind, count: size });
        const series = samples.get(size)!;
        if (kind === 'baseline') series.baseline.push(result.measuredMs);
        else {
          series.libraryMeasured.push(result.measuredMs);
          series.librarySettled.push(result.settledMs);
          statuses[size] = result.statusCounts;
        }
      }
    }
    await closePage(page);
  }

  const rows: Row[] = [];
  for (const [size, series] of samples) {
    const ratio = summarize(pairedRatios(series.librarySettled, series.baseline));
    rows.push({
      figure: '1 Canvas scale',
      metric: `mount → ${size.toLocaleString('en')} nodes rendered`,
      unit: 'ms',
      library: summarize(series.librarySettled),
      baseline: summarize(series.baseline),
      ratio,
      budget:
        size === 1_000
          ? { text: `ratio ≤ ${budgets.renderRatio}×`, pass: ratio.median <= budgets.renderRatio }
          : null,
    });
  }
  const largest = Math.max(...config.canvas.sizes);
  return {
    rows,
    details: { samples: Object.fromEntries(samples), statusCounts: statuses },
    notes: [
      `Library "rendered" = every node measured, painted and showing its credential state ` +
        `(states at ${largest.toLocaleString('en')} nodes: ${JSON.stringify(statuses[largest])}).`,
    ],
  };
}
