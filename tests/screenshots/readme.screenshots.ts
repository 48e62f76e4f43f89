import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { dataSourceNode } from '../e2e/support/canvas';
import { freshStart } from '../e2e/support/fresh-start';
import { reloadWithPreferences, type DemoPreferences } from '../e2e/support/demo-shell';

/*
 * The README's screenshots of the demo: the canvas with a node's panel in light and dark,
 * zh-Hans, the outage scenario, phone width, and the Add API Key dialog. Each one starts as a
 * new visitor, so the images do not depend on what ran before.
 */

const outDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

async function open(page: Page, search: string, preferences: DemoPreferences) {
  await freshStart(page, search);
  await reloadWithPreferences(page, { locale: 'en', colorMode: 'light', ...preferences });
}

async function openPanel(page: Page, provider: string) {
  await dataSourceNode(page, provider).click();
  await expect(panel(page)).toBeVisible();
}

/** The node's side panel, in any language (its accessible name is translated). */
function panel(page: Page) {
  return page.locator('.pc-panel');
}

/** Waits for fades and toasts to settle, then writes `docs/screenshots/<name>.png`. */
async function shoot(page: Page, name: string) {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  await page.screenshot({ path: `${outDir}${name}.png` });
}

test('canvas, light', async ({ page }) => {
  await open(page, '?scenario=mixed', { colorMode: 'light' });
  await openPanel(page, 'Notion');
  await shoot(page, 'canvas-light');
});

test('canvas, dark', async ({ page }) => {
  await open(page, '?scenario=mixed', { colorMode: 'dark' });
  await openPanel(page, 'Notion');
  await shoot(page, 'canvas-dark');
});

test('zh-Hans', async ({ page }) => {
  await open(page, '?scenario=mixed', { locale: 'zh-Hans' });
  await openPanel(page, 'Notion');
  await shoot(page, 'zh-hans');
});

test('the outage scenario', async ({ page }) => {
  await open(page, '?scenario=outage', {});
  await openPanel(page, 'Notion');
  // Reads are retried a few times before the outage shows.
  await expect(panel(page)).not.toContainText('Checking connection', { timeout: 15_000 });
  await shoot(page, 'outage');
});

test('phone width, with the panel', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '?scenario=mixed', {});
  await openPanel(page, 'Notion');
  await shoot(page, 'phone');
});

test('the Add API Key dialog', async ({ page }) => {
  await open(page, '', {});
  await openPanel(page, 'Firecrawl');
  await page
    .getByRole('complementary')
    .getByRole('button', { name: /Connect/ })
    .click();
  await expect(page.getByRole('dialog', { name: 'Add API Key' })).toBeVisible();
  await shoot(page, 'add-api-key');
});
