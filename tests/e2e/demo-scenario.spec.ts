import { expect, test, type Page } from '@playwright/test';
import { canvasReady, freshStart } from './support/fresh-start';
import { reloadWithPreferences } from './support/demo-shell';

/*
 * The demo's `?scenario=` is never silent: the header names the scenario in effect, also a data
 * scenario whose dataset outlives the parameter, and Back to normal leaves it. Mock only: the
 * full stack has no scenarios (playwright.stack.config.ts does not run this file).
 */

function banner(page: Page) {
  return page.getByRole('banner').locator('.demo-scenario');
}

function nodes(page: Page) {
  return page.locator('.react-flow__node-dataSource');
}

test('the plain demo names no scenario', async ({ page }) => {
  await freshStart(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/^Scenario:/)).toHaveCount(0);
});

test('outage: the header says so, and Back to normal drops the parameter', async ({ page }) => {
  await freshStart(page, '?scenario=outage');
  await expect(banner(page)).toContainText('Scenario: outage');
  await expect(banner(page)).toContainText('Every request fails with 503.');
  // The catalog cannot load, yet the sample pipeline's nodes still say which provider they read.
  await expect(nodes(page).first()).toContainText('Notion');

  await banner(page).getByRole('button', { name: 'Back to normal' }).click();
  await expect(page).not.toHaveURL(/scenario=/);
  await canvasReady(page);
  await expect(page.getByText(/^Scenario:/)).toHaveCount(0);
  await expect(nodes(page).first()).toContainText('Not connected');
});

test('mixed: its dataset outlives the parameter, so the header still names it until Back to normal', async ({
  page,
}) => {
  await freshStart(page, '?scenario=mixed');
  await expect(banner(page)).toContainText('Scenario: mixed');
  await expect(nodes(page).filter({ hasText: 'Connected ·' }).first()).toBeVisible();

  // The parameter is gone, the sample credentials are not: that is still the scenario.
  await page.goto('/');
  await canvasReady(page);
  await expect(banner(page)).toContainText('Scenario: mixed');

  await banner(page).getByRole('button', { name: 'Back to normal' }).click();
  await canvasReady(page);
  await expect(page.getByText(/^Scenario:/)).toHaveCount(0);
  await expect(nodes(page)).toHaveCount(6);
  await expect(nodes(page).filter({ hasText: 'Not connected' })).toHaveCount(6);

  // And it stays normal after another reload.
  await page.reload();
  await canvasReady(page);
  await expect(page.getByText(/^Scenario:/)).toHaveCount(0);
});

test('the banner speaks the chosen language', async ({ page }) => {
  await freshStart(page, '?scenario=outage');
  await reloadWithPreferences(page, { locale: 'zh-Hans' });
  await expect(banner(page)).toContainText('场景：outage');
  await expect(banner(page).getByRole('button', { name: '恢复正常' })).toBeVisible();
});

test('the demo has a favicon and requests no missing file', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await freshStart(page);
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await page.request.get(new URL(href!, page.url()).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  expect(missing).toEqual([]);
});

test('at phone width the header fits: the name, the scenario with its button, the avatar', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await freshStart(page, '?scenario=server-errors');
  const header = page.getByRole('banner');
  const parts = [
    page.getByRole('heading', { level: 1 }),
    banner(page).getByText('Scenario: server-errors'),
    banner(page).getByRole('button', { name: 'Back to normal' }),
    header.getByRole('button', { name: /^AL · / }),
  ];
  for (const part of parts) {
    const box = await part.boundingBox();
    expect(box, String(part)).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }
  expect(await header.evaluate((element) => element.scrollWidth)).toBeLessThanOrEqual(390);
});
