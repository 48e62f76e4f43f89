import { chromium, type Browser, type Page } from 'playwright';
import type { BenchApi } from '../shared/bench-api';
import { chromiumArgs, chromiumExecutablePath } from '../../tests/support/chromium';

/** One window size for every figure, so every run lays out the same canvas. */
const VIEWPORT = { width: 1280, height: 800 };
const PAGE_READY_TIMEOUT_MS = 30_000;

/**
 * Debian's Chromium, headless, with the tests' flags (no background network, no component
 * updates, no sync, no first-run UI). `--expose-gc` lets the page collect garbage between
 * mounts, so one mount's garbage is not collected during the next one's timing.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutablePath(),
    args: [...chromiumArgs, '--js-flags=--expose-gc'],
    headless: true,
    timeout: 30_000,
  });
}

/** A page of the bench app in a fresh context, once `window.__bench` exists. */
export async function openBenchPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
  page.on('console', (message) => {
    if (message.type() === 'error') process.stderr.write(`[page console] ${message.text()}\n`);
  });
  await page.goto(url, { timeout: PAGE_READY_TIMEOUT_MS });
  await page.waitForFunction(() => window.__bench !== undefined, null, {
    timeout: PAGE_READY_TIMEOUT_MS,
  });
  return page;
}

export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

type AsyncMethods = {
  [K in keyof BenchApi]: BenchApi[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

/**
 * Calls `window.__bench` from Node. `page.evaluate` has no timeout of its own, so every call is
 * raced against one: a stuck page fails the bench instead of hanging it.
 */
export function bench(page: Page, timeoutMs = 60_000): AsyncMethods {
  return new Proxy({} as AsyncMethods, {
    get:
      (_target, method: string) =>
      (...args: unknown[]) => {
        const call = page.evaluate(
          ([name, params]) => {
            const api = window.__bench as unknown as Record<string, (...a: unknown[]) => unknown>;
            return api[name]!(...params);
          },
          [method, args] as const,
        );
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`__bench.${method}() took over ${timeoutMs} ms`)),
            timeoutMs,
          );
        });
        return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
      },
  });
}
