import { expect, test, type Locator } from '@playwright/test';
import { freshStart } from './support/fresh-start';

// A phone held upright (an iPhone 12–15's CSS viewport).
test.use({ viewport: { width: 390, height: 844 } });

const providers = ['Notion', 'Jina Reader', 'Firecrawl', 'Google Drive', 'Dropbox', 'OneDrive'];
// A key in Notion's real format (ntn_ and 46 letters and digits); the mock accepts it.
const NOTION_SECRET = 'ntn_4kP9sQ2xV7mW1cZ8bN3fH6jL0tR5yD2gA9eU4iO7pK1qS8';

/** Wholly on the 390×844 screen (by its box: `toBeInViewport` counts sub-pixel edges). */
async function expectOnScreen(locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(box!.y + box!.height).toBeLessThanOrEqual(844);
}

test.beforeEach(async ({ page }) => {
  await freshStart(page);
});

test('at phone width a new user connects a data source with an API key and opens Settings', async ({
  page,
}) => {
  const nodes = page.locator('.react-flow__node-dataSource');
  await expect(nodes).toHaveCount(6);
  // The view fits the data sources: every one is wholly on screen.
  for (const name of providers) {
    await expectOnScreen(nodes.filter({ hasText: name }));
  }
  // The palette is one button, not a 200 px column.
  await expectOnScreen(page.getByRole('button', { name: 'Add data source' }));
  await expect(page.getByRole('toolbar', { name: 'Data sources' })).toHaveCount(0);

  const notion = nodes.filter({ hasText: 'Notion' });
  await notion.click();
  const panel = page.getByRole('complementary', { name: 'Notion connection' });
  await expectOnScreen(panel);

  await panel.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('menuitem', { name: 'Add API Key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add API Key' });
  await expectOnScreen(dialog);
  await dialog.getByLabel(/Authorization Name/).fill('Phone key');
  await dialog.getByLabel('API Key', { exact: true }).fill(NOTION_SECRET);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(notion).toContainText('Connected · Phone key');
  await expect(notion).toBeInViewport();

  await page.getByRole('button', { name: /Account menu|AL/ }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expectOnScreen(settings);
  await expect(settings.getByText('Phone key').first()).toBeVisible();
});

test('at phone width the folded palette adds a node from the keyboard and returns focus', async ({
  page,
}) => {
  const nodes = page.locator('.react-flow__node-dataSource');
  await expect(nodes).toHaveCount(6);
  const open = page.getByRole('button', { name: 'Add data source' });
  await open.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expectOnScreen(menu);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(open).toBeFocused();

  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Add Firecrawl node' }).click();
  await expect(nodes).toHaveCount(7);
  await expect(nodes.filter({ hasText: 'Firecrawl #2' })).toHaveCount(1);
  await expect(open).toBeFocused();
});
