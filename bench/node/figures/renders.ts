import type { Browser } from 'playwright';
import type { RenderCounts } from '../../shared/bench-api';
import { bench, closePage, openBenchPage } from '../browser';
import { config } from '../config';
import { summarize } from '../stats';
import { repeatWithin } from '../time-box';
import type { FigureResult, Row } from '../types';

/** The provider whose credentials change (see the page's changeOneCredential). */
const CHANGED_PROVIDER = 'jina-reader';

/**
 * Figure 3: which data-source nodes re-render when one provider's credentials change, counted
 * with a <Profiler> around each node in React's profiling build. Every node of that provider
 * is expected to re-render (each selects its provider's slice); no other node should.
 */
export async function renderScope(
  browser: Browser,
  url: string,
  endsAt: number,
): Promise<FigureResult> {
  const rendered: number[] = [];
  const others: number[] = [];
  const durations: number[] = [];
  let expected = 0;
  let last = null as RenderCounts | null; // assigned in the callback below
  const runs = await repeatWithin(config.renders.runs, endsAt, async () => {
    const page = await openBenchPage(browser, url);
    const api = bench(page);
    await api.mountCanvas({ kind: 'library', count: config.renders.nodes, profiled: true });
    await api.settle();
    await api.frames(5);
    await api.armRenderCounter();
    await api.changeOneCredential();
    await api.frames(5);
    const counts = await api.renderCounts();
    if (counts.callbacks === 0) {
      throw new Error('The Profiler never reported: is the profiling build of React in use?');
    }
    const entries = Object.entries(counts.byProvider);
    expected = counts.byProvider[CHANGED_PROVIDER]!.total;
    rendered.push(entries.reduce((sum, [, entry]) => sum + entry.rendered, 0));
    others.push(
      entries
        .filter(([provider]) => provider !== CHANGED_PROVIDER)
        .reduce((sum, [, entry]) => sum + entry.rendered, 0),
    );
    durations.push(counts.actualDurationMs);
    last = counts;
    await api.unmount();
    await closePage(page);
  });

  const library = summarize(rendered);
  const rows: Row[] = [
    {
      figure: '3 Re-render scope',
      metric: `nodes re-rendered / ${config.renders.nodes.toLocaleString('en')} when one provider's credentials change`,
      unit: 'nodes',
      library,
      baseline: summarize([expected]),
      ratio: summarize(rendered.map((count) => count / expected)),
      budget: {
        text: `= ${expected} (that provider's nodes only)`,
        pass: library.max === expected && Math.max(...others) === 0,
      },
    },
  ];
  return {
    rows,
    details: {
      runs,
      changedProvider: CHANGED_PROVIDER,
      renderedPerRun: rendered,
      otherProvidersRenderedPerRun: others,
      profilerActualDurationMsPerRun: durations,
      byProviderLastRun: last?.byProvider,
    },
    notes: [
      `Re-render scope: a ${CHANGED_PROVIDER} API key is added; baseline column = expected ` +
        `(${expected} ${CHANGED_PROVIDER} nodes); nodes of other providers re-rendered: ` +
        `${others.join(', ')} per run; Profiler actualDuration ${summarize(durations).median.toFixed(1)} ms.`,
    ],
  };
}
