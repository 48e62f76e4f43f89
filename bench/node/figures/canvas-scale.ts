import type { Browser } from 'playwright';
import type { MountOptions } from '../../shared/bench-api';
import { bench, closePage, openBenchPage } from '../browser';
import { budgets, config } from '../config';
import { pairedRatios, summarize } from '../stats';
import { repeatWithin } from '../time-box';
import type { FigureResult, Row } from '../types';

/** What is mounted, and at which sizes; every variant is paired with the baseline. */
const variants = {
  library: { label: 'library', options: { kind: 'library' } },
  baseline: { label: 'baseline', options: { kind: 'baseline' } },
  // Diagnostics at the largest size only (see bench/README.md).
  warm: { label: 'state already cached', options: { kind: 'library', warmCache: true } },
  prototype: {
    label: 'prototype fix (bench only)',
    options: { kind: 'library', prototypeFix: true },
  },
} satisfies Record<string, { label: string; options: Omit<MountOptions, 'count'> }>;
type Variant = keyof typeof variants;

function variantsAt(size: number): Variant[] {
  const largest = Math.max(...config.canvas.sizes);
  return size === largest ? ['library', 'baseline', 'warm', 'prototype'] : ['library', 'baseline'];
}

function append<K>(map: Map<K, number[]>, key: K, value: number): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

/** Rotates the order by run, so no variant always pays for going first or last. */
function rotate<T>(items: T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/**
 * Figure 1a: mount → all nodes rendered, for the library's canvas and React Flow's default
 * nodes in the same page, with a GC before every mount. "Rendered" for the library means
 * measured, painted and showing each node's credential state (loaded from the mock backend).
 */
export async function canvasScale(
  browser: Browser,
  url: string,
  endsAt: number,
): Promise<FigureResult> {
  const times = new Map<string, number[]>();
  const measuredOnly = new Map<number, number[]>();
  const remeasures = new Map<string, number[]>();
  let statuses: Record<string, number> = {};

  const runs = await repeatWithin(config.canvas.runs, endsAt, async (run) => {
    const page = await openBenchPage(browser, url);
    const api = bench(page);
    // Warm-up: compile every code path once, so the first measured mount is not penalised.
    for (const variant of Object.values(variants)) {
      await api.mountCanvas({ ...variant.options, count: config.canvas.warmupNodes });
    }
    for (const size of config.canvas.sizes) {
      for (const variant of rotate(variantsAt(size), run)) {
        await api.unmount();
        await api.collectGarbage();
        await api.frames(5);
        const result = await api.mountCanvas({ ...variants[variant].options, count: size });
        append(times, `${variant}@${size}`, result.settledMs);
        append(remeasures, `${variant}@${size}`, result.batches);
        if (variant === 'library') {
          append(measuredOnly, size, result.measuredMs);
          statuses = result.statusCounts;
        }
      }
    }
    await closePage(page);
  });

  const rows: Row[] = [];
  const largest = Math.max(...config.canvas.sizes);
  for (const size of config.canvas.sizes) {
    const baseline = times.get(`baseline@${size}`)!;
    for (const variant of variantsAt(size).filter((v) => v !== 'baseline')) {
      const library = times.get(`${variant}@${size}`)!;
      const ratio = summarize(pairedRatios(library, baseline));
      const shipped = variant === 'library';
      rows.push({
        figure: '1 Canvas scale',
        metric: `mount → ${size.toLocaleString('en')} nodes rendered${shipped ? '' : `, ${variants[variant].label}`}`,
        unit: 'ms',
        library: summarize(library),
        baseline: summarize(baseline),
        ratio,
        budget:
          size === largest && shipped
            ? { text: `ratio ≤ ${budgets.renderRatio}×`, pass: ratio.median <= budgets.renderRatio }
            : null,
      });
    }
  }
  const median = (values: number[] | undefined) => summarize(values ?? [0]).median;
  return {
    rows,
    details: {
      runs,
      settledMs: Object.fromEntries(times),
      libraryMeasuredOnlyMs: Object.fromEntries(measuredOnly),
      reactFlowMeasureBatches: Object.fromEntries(remeasures),
      statusCounts: statuses,
    },
    notes: [
      `Canvas scale: states at ${largest.toLocaleString('en')} nodes ${JSON.stringify(statuses)}; ` +
        `the library's nodes are first painted (still loading) after ` +
        `${median(measuredOnly.get(largest)).toFixed(0)} ms; React Flow measured every node ` +
        `${median(remeasures.get(`library@${largest}`))}× (library), ` +
        `${median(remeasures.get(`baseline@${largest}`))}× (baseline), ` +
        `${median(remeasures.get(`prototype@${largest}`))}× (prototype).`,
    ],
  };
}
