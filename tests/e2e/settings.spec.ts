import { expect, test, type Page } from '@playwright/test';
import { E2E_BACKEND, freshStart } from './support/fresh-start';

/*
 * Settings → Data Sources, the second entry point, as a new user takes it: changes made there
 * show on the canvas at once, without a reload.
 */

function node(page: Page, provider: string) {
  return page.locator('.react-flow__node-dataSource', { hasText: provider });
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: /^AL · Account menu/ }).click();
  await page.getByRole('menuitem', { name: /Settings/ }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  return settings;
}

test('Firecrawl: Configure → Add API Key → Save → the canvas node shows connected', async ({
  page,
}) => {
  await freshStart(page);
  await expect(node(page, 'Firecrawl')).toContainText('Not connected');
  const settings = await openSettings(page);
  await expect(page).toHaveURL(/#\/settings\/data-sources$/);

  const card = settings.getByRole('region', { name: 'Firecrawl' });
  await card.getByRole('button', { name: /Configure/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Add API Key' });
  await dialog.getByLabel('Authorization Name').fill('Docs crawler');
  await dialog.getByLabel('API Key', { exact: true }).fill('fc-6dd56e65d43ce38aeda1c7f8de23c308');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText('Docs crawler')).toBeVisible();

  await settings.getByRole('button', { name: 'Close settings' }).click();
  await expect(settings).toBeHidden();
  await expect(node(page, 'Firecrawl')).toContainText('Connected · Docs crawler');
});

test('Settings has its own URL and survives a reload', async ({ page }) => {
  await freshStart(page);
  await page.goto('/#/settings/data-sources');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('region', { name: 'Notion' })).toBeVisible();
  await page.reload();
  await expect(settings.getByRole('region', { name: 'Notion' })).toBeVisible();
});

test('Notion: Configure → Add OAuth → Allow Access → the credential appears on the card', async ({
  page,
}) => {
  await freshStart(page);
  const settings = await openSettings(page);
  const card = settings.getByRole('region', { name: 'Notion' });
  await card.getByRole('button', { name: 'Configure' }).click();
  const popupOpened = page.context().waitForEvent('page');
  await page.getByRole('menuitem', { name: 'Add OAuth' }).click();
  const popup = await popupOpened;
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Allow Access' }).click();
  await closed;
  await expect(card.getByText("Ada's Workspace", { exact: true }).first()).toBeVisible();
  await expect(card.getByText('Not configured yet')).toBeHidden();
});

test('an expired Google Drive credential is flagged and re-authorized from its card', async ({
  page,
}) => {
  await freshStart(page, '?scenario=mixed');
  await expect(node(page, 'Google Drive')).toContainText('Expired');
  await expect(
    page.getByRole('button', { name: /^AL · Account menu \(\d+ need attention\)/ }),
  ).toBeVisible();
  const settings = await openSettings(page);
  const card = settings.getByRole('region', { name: 'Google Drive' });
  await expect(card.getByText('1 credential needs attention')).toBeVisible();

  await card
    .getByRole('button', { name: /More actions for/ })
    .first()
    .click();
  const popupOpened = page.context().waitForEvent('page');
  await page.getByRole('menuitem', { name: 'Re-authorize' }).click();
  const popup = await popupOpened;
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Allow Access' }).click();
  await closed;

  await expect(card.getByText('1 credential needs attention')).toBeHidden();
  await settings.getByRole('button', { name: 'Close settings' }).click();
  await expect(node(page, 'Google Drive')).toContainText('Connected');
});

test('a node’s panel links to its provider’s card', async ({ page }) => {
  await freshStart(page);
  await node(page, 'Dropbox').click();
  await page
    .getByRole('complementary', { name: 'Dropbox connection' })
    .getByRole('button', { name: 'Open in Settings' })
    .click();
  await expect(page).toHaveURL(/#\/settings\/data-sources\/dropbox$/);
  await expect(page.getByRole('region', { name: 'Dropbox' })).toBeFocused();
});

test('an outage reads as one in Settings: the server’s words and Try again, no unknown providers', async ({
  page,
}) => {
  test.skip(E2E_BACKEND === 'stack', '?scenario= is the mock backend’s');
  await freshStart(page, '?scenario=outage');
  const settings = await openSettings(page);
  const alert = settings.getByRole('alert');
  await expect(alert).toContainText('The data source service is unavailable.');
  await expect(alert).toContainText('The credentials service is temporarily unavailable.');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(settings.getByText(/Unknown provider/)).toHaveCount(0);
});

test.describe('at phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('Settings takes the screen: search, the filter and every card fit, and the filter works', async ({
    page,
  }) => {
    await freshStart(page, '?scenario=mixed');
    const settings = await openSettings(page);
    await expect(settings.getByRole('region', { name: 'Notion' })).toBeVisible();
    const box = await settings.boundingBox();
    expect(box?.x).toBe(0);
    expect(box?.width).toBe(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    const search = await settings
      .getByRole('searchbox', { name: 'Search data sources' })
      .boundingBox();
    expect(search?.width).toBeGreaterThan(300);
    for (const card of await settings.locator('.pc-settings-card').all()) {
      const rect = await card.boundingBox();
      expect((rect?.x ?? 0) + (rect?.width ?? 0)).toBeLessThanOrEqual(390);
    }

    await settings.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: 'Needs attention' }).click();
    await expect(settings.getByRole('region', { name: 'Google Drive' })).toBeVisible();
    await expect(settings.getByRole('region', { name: 'Firecrawl' })).toBeHidden();
  });
});
