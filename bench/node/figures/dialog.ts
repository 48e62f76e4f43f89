import type { Browser, Locator, Page } from 'playwright';
import type { CanvasKind } from '../../shared/bench-api';
import { bench, closePage, openBenchPage } from '../browser';
import { budgets, config } from '../config';
import { pairedRatios, percentile, summarize } from '../stats';
import { repeatWithin } from '../time-box';
import type { FigureResult, Row } from '../types';

/** A Jina Reader node following its default (see bench/page/graph.ts). */
const JINA_NODE_ID = 'ds-1';

/** Clicks `trigger`, returns click → dialog painted, then closes the dialog with Escape. */
async function openOnce(page: Page, trigger: Locator): Promise<number> {
  const api = bench(page);
  await api.armDialogProbe();
  await trigger.click();
  const latency = await api.dialogLatency();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[role="dialog"]'), null, {
    timeout: 5_000,
  });
  await api.frames(3);
  return latency;
}

async function openTimes(page: Page, kind: CanvasKind): Promise<number[]> {
  const api = bench(page);
  let trigger: Locator;
  if (kind === 'library') {
    await api.mountCanvas({ kind, count: config.dialog.nodes });
    await api.settle();
    // Select a Jina Reader node: its panel's Connect button opens Add API Key directly.
    await api.selectNode(JINA_NODE_ID);
    trigger = page.locator('.pc-panel button[aria-label$=": Add API Key"]');
  } else {
    await api.mountCanvas({ kind, count: config.dialog.nodes, withBaselineDialog: true });
    trigger = page.locator('.bench-baseline-trigger');
  }
  await trigger.waitFor({ state: 'visible' });
  const latencies: number[] = [];
  for (let open = 0; open < config.dialog.warmupOpens + config.dialog.opens; open += 1) {
    const latency = await openOnce(page, trigger);
    if (open >= config.dialog.warmupOpens) latencies.push(latency);
  }
  await api.unmount();
  return latencies;
}

/**
 * Figure 4: click on Add API Key (the side panel of a Jina Reader node on a 100-node canvas) →
 * dialog painted, against a bare Radix dialog over React Flow's default canvas of 100 nodes.
 */
export async function dialogLatency(
  browser: Browser,
  url: string,
  endsAt: number,
): Promise<FigureResult> {
  const p50: Record<CanvasKind, number[]> = { library: [], baseline: [] };
  const p95: Record<CanvasKind, number[]> = { library: [], baseline: [] };
  const runs = await repeatWithin(config.dialog.runs, endsAt, async (run) => {
    const page = await openBenchPage(browser, url);
    const order: CanvasKind[] = run % 2 === 0 ? ['library', 'baseline'] : ['baseline', 'library'];
    for (const kind of order) {
      const latencies = await openTimes(page, kind);
      p50[kind].push(percentile(latencies, 50));
      p95[kind].push(percentile(latencies, 95));
    }
    await closePage(page);
  });
  const row = (label: 'p50' | 'p95', series: Record<CanvasKind, number[]>): Row => {
    const library = summarize(series.library);
    return {
      figure: '4 Dialog latency',
      metric: `click Add API Key → dialog painted, ${label} of ${config.dialog.opens}`,
      unit: 'ms',
      library,
      baseline: summarize(series.baseline),
      ratio: summarize(pairedRatios(series.library, series.baseline)),
      budget:
        label === 'p95'
          ? { text: `≤ ${budgets.dialogP95Ms} ms`, pass: library.median <= budgets.dialogP95Ms }
          : null,
    };
  };
  return {
    rows: [row('p50', p50), row('p95', p95)],
    details: { runs, p50PerRun: p50, p95PerRun: p95 },
    notes: [],
  };
}
