import { expect, type Page } from '@playwright/test';
import { canvasReady } from './fresh-start';

/**
 * The avatar button, in any language: its accessible name starts with the initials it shows
 * ("AL · Account menu", "AL · 账户菜单"), then any attention count.
 */
export function accountMenuButton(page: Page) {
  return page.getByRole('button', { name: /^AL · / });
}

/** Opens the avatar menu and waits for it. */
export async function openAccountMenu(page: Page) {
  await accountMenuButton(page).click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  return menu;
}

/** Picks a Language or Theme entry of the avatar menu (the menu closes on a pick). */
export async function chooseInAccountMenu(page: Page, item: string) {
  const menu = await openAccountMenu(page);
  await menu.getByRole('menuitemradio', { name: item, exact: true }).click();
  await expect(menu).toBeHidden();
}

/** What the avatar menu's Language and Theme save (the demo's `pipeline-connect-demo:preferences`). */
export interface DemoPreferences {
  locale?: 'en' | 'zh-Hans';
  colorMode?: 'light' | 'dark' | 'system';
}

/** Saves Language and Theme as the menu would, then reloads, for tests about other things. */
export async function reloadWithPreferences(page: Page, preferences: DemoPreferences) {
  await page.evaluate((value) => {
    localStorage.setItem('pipeline-connect-demo:preferences', JSON.stringify(value));
  }, preferences);
  await page.reload();
  await canvasReady(page);
}
