import type { Browser, Locator, Page } from 'playwright';
import type { DialogOpen } from '../../shared/bench-api';
import { bench, closePage, openBenchPage } from '../browser';
import { budgets, config } from '../config';
import { pairedRatios, percentile, summarize } from '../stats';
import { repeatWithin } from '../time-box';
import type { FigureResult, Row } from '../types';

/** A Jina Reader node following its default (see bench/page/graph.ts). */
const JINA_NODE_ID = 'ds-1';

/**
 * `library`: the side panel's Connect button (Add API Key directly, Jina Reader has one method).
 * `baseline`: a bare Radix dialog over React Flow's default canvas. `standalone` (diagnostic,
 * first round only): the library's dialog opened by its own button, outside the panel.
 */
type Opener = 'library' | 'baseline' | 'standalone';

interface Subject {
  page: Page;
  trigger: Locator;
}

/** Clicks `trigger`, returns click → dialog painted, then closes the dialog with Escape. */
async function openOnce({ page, trigger }: Subject): Promise<DialogOpen> {
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

/** A page of its own per opener, mounted once, its first opens discarded. */
async function openSubject(browser: Browser, url: string, opener: Opener): Promise<Subject> {
  const page = await openBenchPage(browser, url);
  const api = bench(page);
  const count = config.dialog.nodes;
  let trigger: Locator;
  if (opener === 'baseline') {
    await api.mountCanvas({ kind: 'baseline', count, withBaselineDialog: true });
    trigger = page.locator('.bench-baseline-trigger');
  } else {
    await api.mountCanvas({
      kind: 'library',
      count,
      withStandaloneDialog: opener === 'standalone',
    });
    await api.settle();
    if (opener === 'standalone') {
      trigger = page.locator('.bench-standalone-trigger');
    } else {
      await api.selectNode(JINA_NODE_ID);
      trigger = page.locator('.pc-panel button[aria-label$=": Add API Key"]');
    }
  }
  await trigger.waitFor({ state: 'visible' });
  const subject = { page, trigger };
  for (let open = 0; open < config.dialog.warmupOpens; open += 1) await openOnce(subject);
  return subject;
}

/**
 * Figure 4: click on Add API Key (the side panel of a Jina Reader node on a 100-node canvas) →
 * dialog painted, against a bare Radix dialog over React Flow's default canvas of 100 nodes.
 * Both stay mounted in pages of their own; opens alternate between them one by one, so a burst
 * of load on the machine hits both. Each round gives one p95 per opener and one ratio.
 */
export async function dialogLatency(
  browser: Browser,
  url: string,
  endsAt: number,
): Promise<FigureResult> {
  const subjects: Record<Opener, Subject> = {
    library: await openSubject(browser, url, 'library'),
    baseline: await openSubject(browser, url, 'baseline'),
    standalone: await openSubject(browser, url, 'standalone'),
  };
  const p50: Record<Opener, number[]> = { library: [], baseline: [], standalone: [] };
  const p95: Record<Opener, number[]> = { library: [], baseline: [], standalone: [] };
  /** Measured opens whose click came before the dialogs' chunk had arrived. */
  const early: Record<Opener, number> = { library: 0, baseline: 0, standalone: 0 };
  const runs = await repeatWithin(config.dialog.runs, endsAt, async (run) => {
    const openers: Opener[] =
      run === 0 ? ['library', 'baseline', 'standalone'] : ['library', 'baseline'];
    const latencies = new Map<Opener, number[]>(openers.map((opener) => [opener, []]));
    for (let open = 0; open < config.dialog.opens; open += 1) {
      const order = (open + run) % 2 === 0 ? openers : [...openers].reverse();
      for (const opener of order) {
        const result = await openOnce(subjects[opener]);
        latencies.get(opener)!.push(result.latencyMs);
        if (!result.codeArrivedBeforeClick) early[opener] += 1;
      }
    }
    for (const [opener, series] of latencies) {
      p50[opener].push(percentile(series, 50));
      p95[opener].push(percentile(series, 95));
    }
  });
  for (const subject of Object.values(subjects)) await closePage(subject.page);

  const row = (opener: Opener, label: 'p50' | 'p95'): Row => {
    const series = label === 'p50' ? p50 : p95;
    // The diagnostic ran in the first round only: pair it with that round's baseline.
    const baseline = opener === 'standalone' ? series.baseline.slice(0, 1) : series.baseline;
    const ratio = summarize(pairedRatios(series[opener], baseline));
    return {
      figure: '4 Dialog',
      metric:
        opener === 'library'
          ? `click Add API Key → dialog painted, ${label} of ${config.dialog.opens}`
          : `same, dialog alone (own button, no panel), ${label}`,
      unit: 'ms',
      library: summarize(series[opener]),
      baseline: summarize(baseline),
      ratio,
      budget:
        opener === 'library' && label === 'p95'
          ? {
              text: `≤ ${budgets.dialogP95Ratio.toFixed(2)}×`,
              pass: ratio.median <= budgets.dialogP95Ratio,
            }
          : null,
    };
  };
  return {
    rows: [row('library', 'p50'), row('library', 'p95'), row('standalone', 'p95')],
    details: {
      runs,
      opensPerRound: config.dialog.opens,
      p50PerRound: p50,
      p95PerRound: p95,
      opensBeforeTheDialogsChunkArrived: early,
    },
    notes: [
      `Dialog: the dialogs' code is a chunk preloaded when the page is idle; measured opens ` +
        `clicked before it had arrived (they wait for it): library ${early.library}, ` +
        `standalone ${early.standalone} (the baseline has no chunk).`,
    ],
  };
}
