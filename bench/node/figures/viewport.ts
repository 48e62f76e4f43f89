import type { Browser } from 'playwright';
import type { CanvasKind, ViewportMotion } from '../../shared/bench-api';
import { bench, closePage, openBenchPage } from '../browser';
import { budgets, config } from '../config';
import { pairedRatios, percentile, summarize } from '../stats';
import { repeatWithin } from '../time-box';
import type { FigureResult, Row } from '../types';

interface Case {
  label: string;
  count: number;
  motions: ViewportMotion[];
  /** Diagnostics run once; the budgeted case runs every time. */
  everyRun: boolean;
}

const cases: Case[] = [
  {
    label: `${config.viewport.nodes.toLocaleString('en')} nodes`,
    count: config.viewport.nodes,
    motions: ['pan', 'zoom'],
    everyRun: true,
  },
  // What this machine and headless Chromium manage with almost nothing to draw.
  {
    label: '10 nodes (machine floor)',
    count: 10,
    motions: ['pan'],
    everyRun: false,
  },
];

type Series = Record<CanvasKind, number[]>;
const key = (index: number, motion: ViewportMotion) => `${index}:${motion}`;

/**
 * Figure 1b: p95 frame time while the canvas pans and zooms (setViewport once per animation
 * frame), library and baseline in the same page. "Frame time" is the interval between
 * animation frames; the main-thread work per frame is kept too, to tell script and layout from
 * compositing and raster.
 */
export async function viewport(
  browser: Browser,
  url: string,
  endsAt: number,
): Promise<FigureResult> {
  const interval = new Map<string, Series>();
  const work = new Map<string, Series>();
  const series = (map: Map<string, Series>, id: string) => {
    if (!map.has(id)) map.set(id, { library: [], baseline: [] });
    return map.get(id)!;
  };

  const runs = await repeatWithin(config.viewport.runs, endsAt, async (run) => {
    const page = await openBenchPage(browser, url);
    const api = bench(page);
    for (const [index, test] of cases.entries()) {
      if (!test.everyRun && run > 0) continue;
      const order: CanvasKind[] = run % 2 === 0 ? ['library', 'baseline'] : ['baseline', 'library'];
      for (const kind of order) {
        await api.mountCanvas({ kind, count: test.count });
        await api.settle();
        await api.collectGarbage();
        await api.frames(10);
        for (const motion of test.motions) {
          const samples = await api.driveViewport(motion, config.viewport.frames);
          series(interval, key(index, motion))[kind].push(percentile(samples.intervals, 95));
          series(work, key(index, motion))[kind].push(percentile(samples.work, 95));
        }
        await api.unmount();
      }
    }
    await closePage(page);
  });

  const rows: Row[] = cases.flatMap((test, index) =>
    test.motions.map((motion): Row => {
      const { library, baseline } = interval.get(key(index, motion))!;
      const summary = summarize(library);
      return {
        figure: '1 Canvas scale',
        metric: `${motion} ${test.label}, p95 frame`,
        unit: 'ms',
        library: summary,
        baseline: summarize(baseline),
        ratio: summarize(pairedRatios(library, baseline)),
        budget: test.everyRun
          ? { text: `≤ ${budgets.frameMs} ms`, pass: summary.median <= budgets.frameMs }
          : null,
      };
    }),
  );
  const workText = cases
    .flatMap((test, index) =>
      test.motions.map((motion) => {
        const { library, baseline } = work.get(key(index, motion))!;
        return (
          `${motion} ${test.label} ${summarize(library).median.toFixed(1)} / ` +
          `${summarize(baseline).median.toFixed(1)} ms`
        );
      }),
    )
    .join('; ');
  return {
    rows,
    details: {
      runs,
      framesPerSeries: config.viewport.frames,
      cases: cases.map(({ label }) => label),
      p95IntervalMs: Object.fromEntries(interval),
      p95MainThreadWorkMs: Object.fromEntries(work),
    },
    notes: [
      `Frame = interval between animation frames (vsync-quantised: 16.7, 33.3, 50 ms…). p95 ` +
        `main-thread work per frame (setViewport → painted), library / baseline: ${workText}.`,
    ],
  };
}
