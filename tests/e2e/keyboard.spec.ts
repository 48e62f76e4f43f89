import { expect, test, type Locator, type Page } from '@playwright/test';
import { freshStart } from './support/fresh-start';

/*
 * Keyboard only, no mouse: the avatar menu → Settings → Data Sources → Configure → Add API Key →
 * Save, then back on the canvas, and Add OAuth's popup started from the keyboard.
 */

test.beforeEach(async ({ page }) => {
  await freshStart(page);
});

/** Presses Tab until `target` has focus (bounded), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('Settings → Data Sources → Configure → Add API Key, by keyboard alone', async ({ page }) => {
  await expect(page.locator('.react-flow__node-dataSource')).toHaveCount(6);
  await tabTo(page, page.getByRole('button', { name: 'Account menu' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Enter');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();

  const configure = settings
    .getByRole('region', { name: 'Jina Reader' })
    .getByRole('button', { name: /Configure/ });
  await tabTo(page, configure);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add API Key' });
  await expect(dialog.getByLabel(/Authorization Name/)).toBeFocused();
  await page.keyboard.type('Keyboard key');
  await page.keyboard.press('Tab');
  await page.keyboard.type('jina_bfa4ac5ec4c31302ae532b273b524c01du1gc3TBD03aUPBq8WV8oZd25swp');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // Focus returns to the control that opened the dialog.
  await expect(configure).toBeFocused();
  await expect(settings.getByRole('region', { name: 'Jina Reader' })).toContainText('Keyboard key');

  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(
    page.locator('.react-flow__node-dataSource', { hasText: 'Jina Reader' }),
  ).toContainText('Connected · Keyboard key');
});

test('Add OAuth from the keyboard opens the consent popup; Allow Access connects the node', async ({
  page,
}) => {
  const drive = page.locator('.react-flow__node-dataSource', { hasText: 'Google Drive' });
  await tabTo(page, drive);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Google Drive connection' });
  const connect = panel.getByRole('button', { name: /Connect/ });
  await tabTo(page, connect);
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
