import type { Browser } from 'playwright';
import type { CanvasKind, ViewportMotion } from '../../shared/bench-api';
import { bench, closePage, openBenchPage } from '../browser';
import { budgets, config } from '../config';
import { pairedRatios, percentile, summarize } from '../stats';
import { repeatWithin } from '../time-box';
import type { FigureResult, Row } from '../types';

const motions: ViewportMotion[] = ['pan', 'zoom'];

/**
 * Figure 1b: p95 frame time while the 1,000-node canvas pans and zooms (setViewport once per
 * frame), library and baseline in the same page. "Frame time" is the interval between frames;
 * the main-thread work per frame is kept as a detail, to tell script from raster cost.
 */
export async function viewport(
  browser: Browser,
  url: string,
  endsAt: number,
): Promise<FigureResult> {
  type Series = Record<CanvasKind, number[]>;
  const interval = new Map<ViewportMotion, Series>();
  const work = new Map<ViewportMotion, Series>();
  for (const motion of motions) {
    interval.set(motion, { library: [], baseline: [] });
    work.set(motion, { library: [], baseline: [] });
  }
  const runs = await repeatWithin(config.viewport.runs, endsAt, async (run) => {
    const page = await openBenchPage(browser, url);
    const api = bench(page);
    const order: CanvasKind[] = run % 2 === 0 ? ['library', 'baseline'] : ['baseline', 'library'];
    for (const kind of order) {
      await api.mountCanvas({ kind, count: config.viewport.nodes });
      await api.settle();
      await api.collectGarbage();
      await api.frames(10);
      for (const motion of motions) {
        const samples = await api.driveViewport(motion, config.viewport.frames);
        interval.get(motion)![kind].push(percentile(samples.intervals, 95));
        work.get(motion)![kind].push(percentile(samples.work, 95));
      }
      await api.unmount();
    }
    await closePage(page);
  });

  const rows: Row[] = motions.map((motion) => {
    const series = interval.get(motion)!;
    const library = summarize(series.library);
    return {
      figure: '1 Canvas scale',
      metric: `${motion} ${config.viewport.nodes.toLocaleString('en')} nodes, p95 frame`,
      unit: 'ms',
      library,
      baseline: summarize(series.baseline),
      ratio: summarize(pairedRatios(series.library, series.baseline)),
      budget: { text: `≤ ${budgets.frameMs} ms`, pass: library.median <= budgets.frameMs },
    };
  });
  const workSummary = Object.fromEntries(
    motions.map((motion) => {
      const series = work.get(motion)!;
      return [motion, { library: summarize(series.library), baseline: summarize(series.baseline) }];
    }),
  );
  const fmt = (motion: ViewportMotion, kind: CanvasKind) =>
    workSummary[motion]![kind].median.toFixed(1);
  return {
    rows,
    details: {
      runs,
      framesPerSeries: config.viewport.frames,
      p95IntervalPerRun: Object.fromEntries(interval),
      p95MainThreadWorkPerRun: Object.fromEntries(work),
    },
    notes: [
      `Frame = interval between animation frames (vsync-quantised: 16.7 ms at 60 Hz). p95 ` +
        `main-thread work per frame (setViewport → painted): pan ${fmt('pan', 'library')} ms ` +
        `library / ${fmt('pan', 'baseline')} ms baseline; zoom ${fmt('zoom', 'library')} / ` +
        `${fmt('zoom', 'baseline')} ms.`,
    ],
  };
}
