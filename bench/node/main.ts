import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser } from 'playwright';
import { launchChromium } from './browser';
import { buildPages, pageDirs } from './build';
import { config } from './config';
import { bundleSize } from './figures/bundle';
import { canvasScale } from './figures/canvas-scale';
import { dialogLatency } from './figures/dialog';
import { renderScope } from './figures/renders';
import { requestEconomy } from './figures/requests';
import { serverFigures } from './figures/server';
import { viewport } from './figures/viewport';
import { currentLoad, describeMachine } from './machine';
import { describeRun, formatBudgets, formatMarkdown, formatTable } from './report';
import { serveDirectory, type StaticServer } from './server';
import { createSchedule } from './time-box';
import type { FigureResult } from './types';

/** `--quick` figures are not worth keeping: they go under the git-ignored .tmp/. */
const resultsDir = config.quick
  ? resolve(import.meta.dirname, '../../.tmp/bench/results-quick')
  : resolve(import.meta.dirname, '../results');
/** Every sample, the machine and its load: committed, so a change can be judged against it. */
const resultsPath = resolve(resultsDir, 'latest.json');
/** The table as Markdown with the machine line, ready for the README's Performance section. */
const markdownPath = resolve(resultsDir, 'latest.md');

type Measure = (browser: Browser, url: string, endsAt: number) => Promise<FigureResult>;

/** The browser figures, in order; the names are config.weights' keys. */
const figures: {
  name: keyof typeof config.weights;
  label: string;
  page: 'production' | 'profiling';
  measure: Measure;
}[] = [
  { name: 'canvas', label: '1 canvas mount', page: 'production', measure: canvasScale },
  { name: 'viewport', label: '1 pan and zoom', page: 'production', measure: viewport },
  { name: 'requests', label: '2 request economy', page: 'production', measure: requestEconomy },
  // React's profiling build: the only one in which <Profiler> reports.
  { name: 'renders', label: '3 re-render scope', page: 'profiling', measure: renderScope },
  { name: 'dialog', label: '4 dialog latency', page: 'production', measure: dialogLatency },
];
const out = (text: string) => process.stdout.write(`${text}\n`);

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  out(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * `npm run bench`: builds the bench pages, serves them on 127.0.0.1, measures every figure in
 * headless Chromium, prints the table and every budget, and writes bench/results/. Never part
 * of `npm test`, and never fails on a missed budget (it reports them).
 */
export async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = currentLoad();
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench: over ${config.deadlineMs / 1000} s, giving up\n`);
    process.exit(2);
  }, config.deadlineMs);
  watchdog.unref();

  const servers: StaticServer[] = [];
  let browser: Browser | null = null;
  try {
    out('Building…');
    await timed('bench pages', buildPages);
    const bundle = await timed('5 bundle (library builds)', bundleSize);
    const server = await timed('6 reference server', serverFigures);
    const production = await serveDirectory(pageDirs.production);
    const profiling = await serveDirectory(pageDirs.profiling);
    servers.push(production, profiling);
    browser = await launchChromium();
    const urls = { production: production.url, profiling: profiling.url };
    out('Measuring in Chromium…');
    // Leave time at the end for the report and for closing the browser.
    const schedule = createSchedule(started + config.deadlineMs - 15_000, config.weights);
    const results: Record<string, FigureResult> = {};
    for (const figure of figures) {
      const endsAt = schedule.endFor(figure.name);
      const chromium = browser;
      results[figure.name] = await timed(figure.label, () =>
        figure.measure(chromium, urls[figure.page], endsAt),
      );
    }
    results.bundle = bundle;
    results.server = server;
    const rows = Object.values(results).flatMap((figure) => figure.rows);
    const machine = describeMachine(browser.version(), loadAtStart);
    const runtimeMs = Math.round(performance.now() - started);
    const date = new Date().toISOString();
    const run = describeRun(machine, runtimeMs, date);

    out('');
    out(formatTable(rows));
    out('');
    for (const note of Object.values(results).flatMap((figure) => figure.notes)) out(`* ${note}`);
    out('');
    out(`Machine: ${run}`);
    out('');
    out('Budgets:');
    out(formatBudgets(rows));
    const misses = rows.filter((row) => row.budget && !row.budget.pass);
    out(misses.length === 0 ? 'Every budget met.' : `Budgets missed: ${misses.length}.`);

    await mkdir(resultsDir, { recursive: true });
    await writeFile(
      resultsPath,
      `${JSON.stringify(
        {
          date,
          machine,
          runtimeMs,
          budgetsMet: misses.length === 0,
          config,
          rows,
          notes: Object.values(results).flatMap((figure) => figure.notes),
          details: Object.fromEntries(
            Object.entries(results).map(([name, figure]) => [name, figure.details]),
          ),
        },
        null,
        2,
      )}\n`,
    );
    await writeFile(markdownPath, `${formatMarkdown(rows)}\n\n${run}\n`);
    out(`Wrote ${resultsPath} and ${markdownPath}`);
  } finally {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
    clearTimeout(watchdog);
  }
}
