import { expect, test } from '@playwright/test';
import { freshStart } from './support/fresh-start';

const providers = ['Notion', 'Jina Reader', 'Firecrawl', 'Google Drive', 'Dropbox', 'OneDrive'];

test.beforeEach(async ({ page }) => {
  // Every journey starts as a new user: no saved pipeline, a fresh mock backend.
  await freshStart(page);
});

test('a new user sees one data-source node per provider, each not connected', async ({ page }) => {
  const nodes = page.locator('.react-flow__node-dataSource');
  await expect(nodes).toHaveCount(6);
  for (const name of providers) {
    const node = nodes.filter({ hasText: name });
    await expect(node).toHaveCount(1);
    await expect(node).toContainText('Not connected');
  }
  await expect(page.locator('.react-flow__node-knowledgeBase')).toContainText('Knowledge Base');
});

test('selecting a node opens its panel with Connect; Escape closes it', async ({ page }) => {
  await page.locator('.react-flow__node-dataSource', { hasText: 'Notion' }).click();
  const panel = page.getByRole('complementary', { name: 'Notion connection' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Connect' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('a provider with one method goes straight to its dialog', async ({ page }) => {
  await page.locator('.react-flow__node-dataSource', { hasText: 'Jina Reader' }).click();
  const panel = page.getByRole('complementary', { name: 'Jina Reader connection' });
  await panel.getByRole('button', { name: /Connect/ }).click();
  await expect(page.getByRole('dialog', { name: 'Add API Key' })).toBeVisible();
});

test('a node added from the palette survives a reload with the rest of the pipeline', async ({
  page,
}) => {
  const nodes = page.locator('.react-flow__node-dataSource');
  await expect(nodes).toHaveCount(6);
  await page.getByRole('button', { name: 'Add Firecrawl node' }).click();
  await expect(nodes).toHaveCount(7);
  await expect(nodes.filter({ hasText: 'Firecrawl' })).toHaveCount(2);
  await page.reload();
  await expect(nodes).toHaveCount(7);
  await expect(nodes.filter({ hasText: 'Firecrawl' })).toHaveCount(2);
});

test('a selected node is deleted with the keyboard', async ({ page }) => {
  const nodes = page.locator('.react-flow__node-dataSource');
  await expect(nodes).toHaveCount(6);
  await nodes.filter({ hasText: 'Dropbox' }).click();
  await page.keyboard.press('Delete');
  await expect(nodes).toHaveCount(5);
  await expect(nodes.filter({ hasText: 'Dropbox' })).toHaveCount(0);
});

test('keyboard only: the first data-source node is the third Tab stop', async ({ page }) => {
  const notion = page.locator('.react-flow__node-dataSource', { hasText: 'Notion' });
  await expect(notion).toBeVisible();
  // The avatar menu, the palette (one toolbar stop), then the nodes: edges take no Tab stop.
  for (let presses = 0; presses < 3; presses += 1) await page.keyboard.press('Tab');
  await expect(notion).toBeFocused();
  await expect(notion).toHaveAccessibleName('Notion Not connected');
  await page.keyboard.press('Enter');
  await expect(notion).toHaveClass(/selected/);
});

test('keyboard only: Tab to a node, select it, reach Connect', async ({ page }) => {
  const notion = page.locator('.react-flow__node-dataSource', { hasText: 'Notion' });
  await expect(notion).toBeVisible();
  // Tab until the Notion node has focus (header, palette and controls come first).
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    if (await notion.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(notion).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Notion connection' });
  await expect(panel).toBeVisible();
  const connect = panel.getByRole('button', { name: 'Connect' });
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (await connect.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(connect).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Add API Key' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Add OAuth' })).toBeVisible();
});
