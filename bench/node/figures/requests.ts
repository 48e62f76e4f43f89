import type { Browser } from 'playwright';
import type { RequestRecord } from '../../shared/bench-api';
import { bench, closePage, openBenchPage } from '../browser';
import { budgets, config } from '../config';
import { summarize } from '../stats';
import { repeatWithin } from '../time-box';
import type { FigureResult, Row } from '../types';

function byEndpoint(log: RequestRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { method, path } of log) {
    const key = `${method} ${path}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * Figure 2: requests the library issues, counted at the HTTP adapter's fetch: to load the
 * credential state of 100 and of 1,000 nodes (O(1) means the same count), then after one
 * credential is added (the write, plus whatever the canvas refetches).
 */
export async function requestEconomy(
  browser: Browser,
  url: string,
  endsAt: number,
): Promise<FigureResult> {
  const [small, large] = config.requests.sizes;
  const load: Record<number, number[]> = { [small]: [], [large]: [] };
  const afterChange: number[] = [];
  const endpoints: Record<string, Record<string, number>> = {};
  const runs = await repeatWithin(config.requests.runs, endsAt, async () => {
    const page = await openBenchPage(browser, url);
    const api = bench(page);
    for (const size of config.requests.sizes) {
      await api.clearRequestLog();
      await api.mountCanvas({ kind: 'library', count: size });
      await api.settle();
      const log = await api.requestLog();
      load[size]!.push(log.length);
      endpoints[`load ${size} nodes`] = byEndpoint(log);
      if (size === large) {
        await api.clearRequestLog();
        await api.changeOneCredential();
        const changed = await api.requestLog();
        afterChange.push(changed.length);
        endpoints[`after one change, ${size} nodes`] = byEndpoint(changed);
      }
      await api.unmount();
    }
    await closePage(page);
  });

  const row = (metric: string, counts: number[], limit: number): Row => ({
    figure: '2 Requests',
    metric,
    unit: 'requests',
    library: summarize(counts),
    baseline: null,
    ratio: null,
    budget: { text: `≤ ${limit}`, pass: Math.max(...counts) <= limit },
  });
  const rows: Row[] = [
    ...config.requests.sizes.map((size) =>
      row(
        `requests to load a canvas of ${size.toLocaleString('en')} nodes`,
        load[size]!,
        budgets.requestsPerCanvas,
      ),
    ),
    row(
      `requests after one credential is added (${large.toLocaleString('en')} nodes)`,
      afterChange,
      budgets.requestsAfterChange,
    ),
  ];
  return {
    rows,
    details: { runs, endpointsLastRun: endpoints },
    notes: [
      `Requests by endpoint (last run): ${Object.entries(endpoints)
        .map(([when, counts]) => `${when}: ${JSON.stringify(counts)}`)
        .join('; ')}.`,
    ],
  };
}
