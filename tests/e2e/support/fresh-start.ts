import type { Page } from '@playwright/test';

/**
 * Opens the demo as a new user: no saved pipeline, a fresh mock backend. It waits for MSW's
 * service worker to control the page before clearing storage and loading again: MSW reloads a
 * page that loaded before its worker took control, and that reload would race the test's own
 * next navigation.
 */
export async function freshStart(page: Page, search = ''): Promise<void> {
  await page.goto(`/${search}`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`/${search}`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
  await page.locator('.react-flow__node').first().waitFor();
}
