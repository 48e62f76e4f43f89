import type { Browser, Page } from 'playwright';
import type { CanvasKind, FrameSamples, ViewportMotion } from '../../shared/bench-api';
import { bench, closePage, openBenchPage } from '../browser';
import { budgets, config } from '../config';
import { pairedRatios, percentile, summarize } from '../stats';
import { repeatWithin } from '../time-box';
import type { FigureResult, Row } from '../types';

const motions: ViewportMotion[] = ['pan', 'zoom'];
const kinds: CanvasKind[] = ['library', 'baseline'];
/** What this machine and headless Chromium manage with almost nothing to draw. */
const FLOOR_NODES = 10;
/** One 60 Hz frame, with room for timer jitter. */
const VSYNC_MS = 17;

type Series = Record<CanvasKind, number[]>;
const emptySeries = (): Series => ({ library: [], baseline: [] });

async function mountedPage(browser: Browser, url: string, kind: CanvasKind, count: number) {
  const page = await openBenchPage(browser, url);
  const api = bench(page);
  await api.mountCanvas({ kind, count });
  await api.settle();
  await api.collectGarbage();
  await api.frames(10);
  return page;
}

function drive(page: Page, motion: ViewportMotion, frames: number): Promise<FrameSamples> {
  const { warmupFrames } = config.viewport;
  return bench(page).driveViewport({ motion, frames, warmupFrames });
}

/**
 * Figure 1b: pan and zoom (setViewport once per animation frame) on a library canvas and a
 * baseline canvas, each mounted once in its own page, in short bursts that alternate between
 * them. THE figure is the p95 main-thread work per frame (setViewport → style, layout, paint
 * done), library vs baseline. Frame intervals are kept as information only: they are
 * quantised to vsync (16.7, 33.3, 50 ms…) and this machine does not reach 60 fps with a
 * 10-node canvas either, so an interval over 16.7 ms says nothing about the library.
 */
export async function viewport(
  browser: Browser,
  url: string,
  endsAt: number,
): Promise<FigureResult> {
  const { nodes, frames } = config.viewport;
  const pages: Record<CanvasKind, Page> = {
    library: await mountedPage(browser, url, 'library', nodes),
    baseline: await mountedPage(browser, url, 'baseline', nodes),
  };
  const work = new Map(motions.map((motion) => [motion, emptySeries()]));
  const medianWork = new Map(motions.map((motion) => [motion, emptySeries()]));
  const interval = new Map(motions.map((motion) => [motion, emptySeries()]));

  // Warm-up burst on each canvas, discarded.
  for (const kind of kinds) for (const motion of motions) await drive(pages[kind], motion, frames);
  const runs = await repeatWithin(config.viewport.runs, endsAt, async (run) => {
    const order = run % 2 === 0 ? kinds : [...kinds].reverse();
    for (const motion of motions) {
      for (const kind of order) {
        const samples = await drive(pages[kind], motion, frames);
        work.get(motion)![kind].push(percentile(samples.work, 95));
        medianWork.get(motion)![kind].push(percentile(samples.work, 50));
        interval.get(motion)![kind].push(percentile(samples.intervals, 95));
      }
    }
  });
  for (const page of Object.values(pages)) await closePage(page);

  const floorPage = await mountedPage(browser, url, 'baseline', FLOOR_NODES);
  const floor = percentile((await drive(floorPage, 'pan', frames)).intervals, 95);
  await closePage(floorPage);

  const label = `${nodes.toLocaleString('en')} nodes`;
  const row = (motion: ViewportMotion, what: 'work' | 'interval'): Row => {
    const { library, baseline } = (what === 'work' ? work : interval).get(motion)!;
    const ratio = summarize(pairedRatios(library, baseline));
    return {
      figure: '1 Canvas',
      metric:
        what === 'work'
          ? `${motion} ${label}: p95 main-thread work per frame`
          : `${motion} ${label}: p95 frame interval (information)`,
      unit: 'ms',
      library: summarize(library),
      baseline: summarize(baseline),
      ratio,
      budget:
        what === 'work'
          ? {
              text: `≤ ${budgets.frameWorkRatio.toFixed(2)}×`,
              pass: ratio.median <= budgets.frameWorkRatio,
            }
          : null,
    };
  };
  const medians = motions
    .map((motion) => {
      const { library, baseline } = medianWork.get(motion)!;
      const ratio = summarize(pairedRatios(library, baseline)).median;
      return `${motion} ${summarize(library).median.toFixed(1)} / ${summarize(baseline).median.toFixed(1)} ms (${ratio.toFixed(2)}×)`;
    })
    .join(', ');
  return {
    rows: [...motions.map((m) => row(m, 'work')), ...motions.map((m) => row(m, 'interval'))],
    details: {
      runs,
      framesPerBurst: frames,
      p95MainThreadWorkMs: Object.fromEntries(work),
      medianMainThreadWorkMs: Object.fromEntries(medianWork),
      p95IntervalMs: Object.fromEntries(interval),
      floorPanP95IntervalMs: floor,
    },
    notes: [
      `Pan/zoom: median main-thread work per frame, library / baseline: ${medians}. Frame ` +
        `intervals are vsync-quantised (16.7, 33.3, 50 ms…) and information only, never a ` +
        `miss: panning React Flow's default canvas of ${FLOOR_NODES} nodes gives a p95 ` +
        `interval of ${floor.toFixed(1)} ms here` +
        (floor > VSYNC_MS ? ', so this machine cannot show 60 fps at all.' : '.'),
    ],
  };
}
