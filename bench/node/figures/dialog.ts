import type { Browser, Locator, Page } from 'playwright';
import { bench, closePage, openBenchPage } from '../browser';
import { budgets, config } from '../config';
import { pairedRatios, percentile, summarize } from '../stats';
import { repeatWithin } from '../time-box';
import type { FigureResult, Row } from '../types';

/** A Jina Reader node following its default (see bench/page/graph.ts). */
const JINA_NODE_ID = 'ds-1';

/**
 * `library`: the side panel's Connect button (Add API Key directly, Jina Reader has one method).
 * `baseline`: a bare Radix dialog. `standalone` (diagnostic, first run only): the library's
 * dialog opened by its own button, outside the panel.
 */
type Opener = 'library' | 'baseline' | 'standalone';

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

async function mountOpener(page: Page, opener: Opener): Promise<Locator> {
  const api = bench(page);
  const count = config.dialog.nodes;
  if (opener === 'baseline') {
    await api.mountCanvas({ kind: 'baseline', count, withBaselineDialog: true });
    return page.locator('.bench-baseline-trigger');
  }
  await api.mountCanvas({ kind: 'library', count, withStandaloneDialog: opener === 'standalone' });
  await api.settle();
  if (opener === 'standalone') return page.locator('.bench-standalone-trigger');
  await api.selectNode(JINA_NODE_ID);
  return page.locator('.pc-panel button[aria-label$=": Add API Key"]');
}

async function openTimes(page: Page, opener: Opener): Promise<number[]> {
  const trigger = await mountOpener(page, opener);
  await trigger.waitFor({ state: 'visible' });
  const latencies: number[] = [];
  for (let open = 0; open < config.dialog.warmupOpens + config.dialog.opens; open += 1) {
    const latency = await openOnce(page, trigger);
    if (open >= config.dialog.warmupOpens) latencies.push(latency);
  }
  await bench(page).unmount();
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
  const p50: Record<Opener, number[]> = { library: [], baseline: [], standalone: [] };
  const p95: Record<Opener, number[]> = { library: [], baseline: [], standalone: [] };
  const runs = await repeatWithin(config.dialog.runs, endsAt, async (run) => {
    const page = await openBenchPage(browser, url);
    const openers: Opener[] = run % 2 === 0 ? ['library', 'baseline'] : ['baseline', 'library'];
    if (run === 0) openers.push('standalone');
    for (const opener of openers) {
      const latencies = await openTimes(page, opener);
      p50[opener].push(percentile(latencies, 50));
      p95[opener].push(percentile(latencies, 95));
    }
    await closePage(page);
  });

  const row = (opener: Opener, label: 'p50' | 'p95'): Row => {
    const series = label === 'p50' ? p50 : p95;
    const library = summarize(series[opener]);
    // The diagnostic ran in the first run only: pair it with that run's baseline.
    const baseline = opener === 'standalone' ? series.baseline.slice(0, 1) : series.baseline;
    return {
      figure: '4 Dialog latency',
      metric:
        opener === 'library'
          ? `click Add API Key → dialog painted, ${label} of ${config.dialog.opens}`
          : `same, dialog alone (own button, no panel), ${label}`,
      unit: 'ms',
      library,
      baseline: summarize(baseline),
      ratio: summarize(pairedRatios(series[opener], baseline)),
      budget:
        opener === 'library' && label === 'p95'
          ? { text: `≤ ${budgets.dialogP95Ms} ms`, pass: library.median <= budgets.dialogP95Ms }
          : null,
    };
  };
  return {
    rows: [row('library', 'p50'), row('library', 'p95'), row('standalone', 'p95')],
    details: { runs, p50PerRun: p50, p95PerRun: p95 },
    notes: [],
  };
}
