import type { Page } from '@playwright/test';

/** Which backend the journeys run on: the MSW mock (default) or the full stack (`npm start`). */
export const E2E_BACKEND: 'mock' | 'stack' = process.env.E2E_BACKEND === 'stack' ? 'stack' : 'mock';

/**
 * Opens the demo as a new user: no saved pipeline, a fresh backend.
 *
 * - On the mock, it waits for MSW's service worker to control the page before clearing storage
 *   and loading again: MSW reloads a page that loaded before its worker took control, and that
 *   reload would race the test's own next navigation.
 * - On the full stack, the journey takes a tenant of its own (the development server reads it
 *   from the `pc-dev-tenant` cookie), so it starts with no credentials whatever ran before.
 */
export async function freshStart(page: Page, search = ''): Promise<void> {
  if (E2E_BACKEND === 'stack') {
    await page.context().addCookies([
      {
        name: 'pc-dev-tenant',
        value: `e2e-${crypto.randomUUID()}`,
        url: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4180',
      },
    ]);
    await page.goto(`/${search}`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`/${search}`);
    await canvasReady(page);
    return;
  }
  await page.goto(`/${search}`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`/${search}`);
  await canvasReady(page);
}

/** After a load: the backend answers (on the mock, once its worker controls the page) and the canvas shows. */
export async function canvasReady(page: Page): Promise<void> {
  if (E2E_BACKEND === 'mock') {
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
  }
  await page.locator('.react-flow__node').first().waitFor();
}
