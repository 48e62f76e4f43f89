import { expect, test, type Locator, type Page } from '@playwright/test';
import { freshStart } from './support/fresh-start';

/*
 * Keyboard only, no mouse: from page load to an open Add API Key dialog on the first data-source
 * node, counting the key presses; focus back on the node when its panel closes and never on
 * <body> after Save or Escape; the avatar menu → Settings → Configure → Add API Key → Save; and
 * Add OAuth's popup started from the keyboard.
 */

// A key in Jina's real format, which the mock (like the server) accepts.
const JINA_KEY = 'jina_bfa4ac5ec4c31302ae532b273b524c01du1gc3TBD03aUPBq8WV8oZd25swp';

test.beforeEach(async ({ page }) => {
  await freshStart(page);
});

const isFocused = (target: Locator) =>
  target.evaluate((el) => el === document.activeElement).catch(() => false);

/** Presses `key` until `target` has focus (bounded), as a keyboard user would. */
async function pressUntil(page: Page, target: Locator, key = 'Tab', max = 80): Promise<number> {
  let presses = 0;
  while (presses < max && !(await isFocused(target))) {
    await page.keyboard.press(key);
    presses += 1;
  }
  await expect(target).toBeFocused();
  return presses;
}

/** Whether focus fell to the page itself (lost), rather than staying on a control. */
const focusOnBody = (page: Page) => page.evaluate(() => document.activeElement === document.body);

/** In the open Add API Key dialog: a name, Tab, Jina's key, Enter; the dialog closes. */
async function saveJinaKeyByKeyboard(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Add API Key' });
  await expect(dialog.getByLabel(/Authorization Name/)).toBeFocused();
  await page.keyboard.type('Keyboard key');
  await page.keyboard.press('Tab');
  await page.keyboard.type(JINA_KEY);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}

const dataSourceNode = (page: Page, provider: string) =>
  page.locator('.react-flow__node-dataSource', { hasText: provider });

test('from page load to an open Add API Key dialog on the first data-source node in at most 10 key presses', async ({
  page,
}) => {
  const first = page.locator('.react-flow__node-dataSource').first();
  await expect(first).toContainText('Notion');
  const panel = page.getByRole('complementary', { name: 'Notion connection' });

  let presses = await pressUntil(page, first);
  await page.keyboard.press('Enter');
  presses += 1;
  // Opened from the keyboard, the panel takes focus.
  await expect(panel.getByRole('heading', { name: 'Notion' })).toBeFocused();
  presses += await pressUntil(page, panel.getByRole('button', { name: 'Connect' }));
  await page.keyboard.press('Enter');
  presses += 1;
  presses += await pressUntil(
    page,
    page.getByRole('menuitem', { name: 'Add API Key' }),
    'ArrowDown',
    5,
  );
  await page.keyboard.press('Enter');
  presses += 1;

  const dialog = page.getByRole('dialog', { name: 'Add API Key' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/Authorization Name/)).toBeFocused();
  // eslint-disable-next-line no-console -- the count is reported in the issue's note
  console.log(`Key presses from page load to the open Add API Key dialog: ${presses}`);
  expect(presses).toBeLessThanOrEqual(10);
});

test('focus stays on a live control after Save and returns to the node on Escape', async ({
  page,
}) => {
  const jina = dataSourceNode(page, 'Jina Reader');
  const panel = page.getByRole('complementary', { name: 'Jina Reader connection' });
  await pressUntil(page, jina);
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'Jina Reader' })).toBeFocused();

  // Escape closes the panel and gives focus back to the node.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(jina).toBeFocused();

  await page.keyboard.press('Enter');
  await pressUntil(page, panel.getByRole('button', { name: /Connect/ }), 'Tab', 5);
  await page.keyboard.press('Enter');
  await saveJinaKeyByKeyboard(page);
  await expect(jina).toContainText('Connected · Keyboard key');
  // The control that opened the dialog is still there (now "Add credential") and has focus.
  await expect(panel.getByRole('button', { name: /Add credential/ })).toBeFocused();
  expect(await focusOnBody(page)).toBe(false);

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(jina).toBeFocused();
  expect(await focusOnBody(page)).toBe(false);
});

test('Settings → Data Sources → Configure → Add API Key, by keyboard alone', async ({ page }) => {
  await expect(page.locator('.react-flow__node-dataSource')).toHaveCount(6);
  await pressUntil(page, page.getByRole('button', { name: /Account menu/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Enter');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();

  const configure = settings
    .getByRole('region', { name: 'Jina Reader' })
    .getByRole('button', { name: /Configure/ });
  await pressUntil(page, configure);
  await page.keyboard.press('Enter');
  await saveJinaKeyByKeyboard(page);
  // Focus returns to the control that opened the dialog.
  await expect(configure).toBeFocused();
  await expect(settings.getByRole('region', { name: 'Jina Reader' })).toContainText('Keyboard key');

  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(dataSourceNode(page, 'Jina Reader')).toContainText('Connected · Keyboard key');
});

test('Add OAuth from the keyboard opens the consent popup; Allow Access connects the node', async ({
  page,
}) => {
  const drive = dataSourceNode(page, 'Google Drive');
  await pressUntil(page, drive);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Google Drive connection' });
  const connect = panel.getByRole('button', { name: /Connect/ });
  await pressUntil(page, connect);
  const popupOpened = page.context().waitForEvent('page');
  await page.keyboard.press('Enter');
  const popup = await popupOpened;
  const allow = popup.getByRole('button', { name: 'Allow Access' });
  await expect(allow).toBeVisible();
  const closed = popup.waitForEvent('close');
  await allow.focus();
  await popup.keyboard.press('Enter');
  await closed;
  await expect(drive).toContainText('Connected · ada@example.com');
});
