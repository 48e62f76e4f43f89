import { writeFile } from 'node:fs/promises';
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
import { viewport } from './figures/viewport';
import { describeMachine } from './machine';
import { formatTable } from './report';
import { serveDirectory, type StaticServer } from './server';
import { createSchedule } from './time-box';
import type { FigureResult } from './types';

const resultsPath = resolve(import.meta.dirname, '../results.json');
const out = (text: string) => process.stdout.write(`${text}\n`);

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  out(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * `npm run bench`: builds the bench pages, serves them on 127.0.0.1, measures every figure in
 * headless Chromium, prints the table and writes bench/results.json. Never part of `npm test`.
 */
export async function main(): Promise<void> {
  const started = performance.now();
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
    const production = await serveDirectory(pageDirs.production);
    const profiling = await serveDirectory(pageDirs.profiling);
    servers.push(production, profiling);
    browser = await launchChromium();
    const b = browser;
    out('Measuring in Chromium…');
    // Leave time at the end for the report and for closing the browser.
    const schedule = createSchedule(started + config.deadlineMs - 15_000, config.weights);
    const figures: FigureResult[] = [
      await timed('1 canvas scale', () =>
        canvasScale(b, production.url, schedule.endFor('canvas')),
      ),
      await timed('1 pan and zoom', () => viewport(b, production.url, schedule.endFor('viewport'))),
      await timed('2 request economy', () =>
        requestEconomy(b, production.url, schedule.endFor('requests')),
      ),
      await timed('3 re-render scope', () =>
        renderScope(b, profiling.url, schedule.endFor('renders')),
      ),
      await timed('4 dialog latency', () =>
        dialogLatency(b, production.url, schedule.endFor('dialog')),
      ),
      bundle,
    ];
    const machine = describeMachine(b.version());
    const runtimeMs = Math.round(performance.now() - started);
    const rows = figures.flatMap((figure) => figure.rows);

    out('');
    out(formatTable(rows));
    out('');
    for (const note of figures.flatMap((figure) => figure.notes)) out(`* ${note}`);
    out('');
    out(
      `Machine: ${machine.nproc} CPUs, ${machine.cpu}, ${machine.memoryGb} GB; ` +
        `Chromium ${machine.chromium} (headless); Node ${machine.node}. ` +
        `Total ${(runtimeMs / 1000).toFixed(1)} s.`,
    );
    const misses = rows.filter((row) => row.budget && !row.budget.pass);
    out(misses.length === 0 ? 'Every budget met.' : `Budgets missed: ${misses.length}.`);

    await writeFile(
      resultsPath,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine,
          runtimeMs,
          config,
          rows,
          details: Object.fromEntries(
            ['canvasScale', 'viewport', 'requests', 'renders', 'dialog', 'bundle'].map(
              (name, index) => [name, figures[index]!.details],
            ),
          ),
        },
        null,
        2,
      )}\n`,
    );
    out(`Wrote ${resultsPath}`);
  } finally {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
    clearTimeout(watchdog);
  }
}
