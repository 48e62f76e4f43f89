import { expect, test } from '@playwright/test';
import { canvasReady, freshStart } from './support/fresh-start';
import { accountMenuButton, chooseInAccountMenu, openAccountMenu } from './support/demo-shell';

/*
 * The demo shows the library's `locale` and `colorMode` options: Language and Theme in the avatar
 * menu, remembered across reloads, applied to the demo's shell and to Pipeline Connect alike.
 */

test.beforeEach(async ({ page }) => {
  await freshStart(page);
});

test('简体中文 and Dark are remembered across a reload, in the shell and in the library', async ({
  page,
}) => {
  await chooseInAccountMenu(page, '简体中文');
  await chooseInAccountMenu(page, '深色');

  await page.reload();
  await canvasReady(page);

  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('.demo-shell')).toHaveAttribute('data-color-mode', 'dark');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('知识流水线');
  // The library's words and React Flow's canvas follow the provider's props.
  await expect(page.locator('.react-flow__node-dataSource').first()).toContainText('未连接');
  await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/);

  const menu = await openAccountMenu(page);
  // The menu sits in the dark shell, so it takes the dark surface of the header beside it.
  const headerBackground = await page
    .getByRole('banner')
    .evaluate((header) => getComputedStyle(header).backgroundColor);
  expect(headerBackground).not.toBe('rgb(255, 255, 255)');
  await expect(menu).toHaveCSS('background-color', headerBackground);
  await expect(menu.getByRole('menuitem', { name: '设置' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: '重置演示' })).toBeVisible();
  await expect(menu.getByRole('group', { name: '语言' })).toBeVisible();
  await expect(menu.getByRole('menuitemradio', { name: '简体中文' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(menu.getByRole('menuitemradio', { name: '深色' })).toHaveAttribute(
    'aria-checked',
    'true',
  );

  await menu.getByRole('menuitem', { name: '设置' }).click();
  const settings = page.getByRole('dialog', { name: '设置' });
  await expect(settings).toHaveAttribute('data-color-mode', 'dark');
  await expect(settings.getByRole('heading', { name: '数据源', level: 2 })).toBeVisible();
  await expect(settings.getByRole('button', { name: '关闭设置' })).toBeVisible();
});

test('English and Light can be chosen back', async ({ page }) => {
  await chooseInAccountMenu(page, '简体中文');
  await chooseInAccountMenu(page, '浅色');
  await chooseInAccountMenu(page, 'English');

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.demo-shell')).toHaveAttribute('data-color-mode', 'light');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Knowledge Pipeline');
  await expect(accountMenuButton(page)).toHaveAccessibleName('AL · Account menu');
  await expect(page.locator('.react-flow__node-dataSource').first()).toContainText('Not connected');
});

test('System follows prefers-color-scheme, live and after a reload', async ({ page }) => {
  await chooseInAccountMenu(page, 'Dark');
  await chooseInAccountMenu(page, 'System');
  const shell = page.locator('.demo-shell');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(shell).toHaveAttribute('data-color-mode', 'dark');
  await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/);

  await page.emulateMedia({ colorScheme: 'light' });
  await expect(shell).toHaveAttribute('data-color-mode', 'light');
  await expect(page.locator('.react-flow')).not.toHaveClass(/\bdark\b/);

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await canvasReady(page);
  await expect(shell).toHaveAttribute('data-color-mode', 'dark');
  const menu = await openAccountMenu(page);
  await expect(menu.getByRole('menuitemradio', { name: 'System' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
});

test('the avatar button is named by what it shows, and the page has one level-one heading', async ({
  page,
}) => {
  await expect(accountMenuButton(page)).toHaveText('AL');
  await expect(accountMenuButton(page)).toHaveAccessibleName('AL · Account menu');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Knowledge Pipeline');
});
