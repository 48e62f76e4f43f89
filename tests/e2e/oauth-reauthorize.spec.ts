import { expect, test, type Page } from '@playwright/test';
import { E2E_BACKEND, freshStart } from './support/fresh-start';

/*
 * Re-authorize an expired credential from its node's panel: the credential keeps its id and
 * name, gets new tokens, and the node shows it connected again.
 *
 * How the credential expired differs by backend. On the mock, a dataset holds an expired Google
 * Drive grant. On the full stack it happens for real: the user connects Google Drive, then
 * removes the app's access on the provider's account page (the stand-in authorization server's),
 * and the server's background refresh gets `invalid_grant` and marks the credential expired —
 * the stack runs with 30-second access tokens (`playwright.stack.config.ts`) so the refresh is
 * due at once and the 15-second sweep reaches it within the journey.
 */

function node(page: Page) {
  return page.locator('.react-flow__node-dataSource', { hasText: 'Google Drive' });
}

async function openPanel(page: Page) {
  await node(page).click();
  const panel = page.getByRole('complementary', { name: 'Google Drive connection' });
  await expect(panel).toBeVisible();
  return panel;
}

/** Allow Access in the consent popup `click` opens; resolves once the popup closed. */
async function allowInPopup(page: Page, click: () => Promise<void>): Promise<URL> {
  const popupOpened = page.context().waitForEvent('page');
  await click();
  const popup = await popupOpened;
  await popup.getByRole('button', { name: 'Allow Access' }).waitFor();
  const consentUrl = new URL(popup.url());
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Allow Access' }).click();
  await closed;
  return consentUrl;
}

/** Connects Google Drive, then removes its access at the provider; resolves once it shows expired. */
async function connectThenRemoveAccessAtTheProvider(page: Page): Promise<void> {
  await freshStart(page);
  const panel = await openPanel(page);
  const consent = await allowInPopup(page, () =>
    panel.getByRole('button', { name: /Connect/ }).click(),
  );
  await expect(node(page)).toContainText('Connected · ada@example.com');

  // The provider's own account page, in a tab of its own, as a user would open it.
  const account = await page.context().newPage();
  await account.goto(`${consent.origin}/google-drive/account`);
  await expect(account.getByText('Signed in as ada@example.com')).toBeVisible();
  await account.getByRole('button', { name: /Remove access of pipeline-connect-platform/ }).click();
  await expect(account.getByTestId('access-removed')).toBeVisible();
  await account.close();

  // The server finds out on its next refresh; the page shows it on its next read.
  await expect(async () => {
    await page.reload();
    await expect(node(page)).toContainText('Expired', { timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000] });
}

test('an expired Google Drive credential: Re-authorize in its panel → Allow Access → connected again, same credential', async ({
  page,
}) => {
  test.setTimeout(120_000);
  if (E2E_BACKEND === 'stack') await connectThenRemoveAccessAtTheProvider(page);
  else await freshStart(page, '?scenario=mixed');
  await expect(node(page)).toContainText('Expired');

  const panel = await openPanel(page);
  await expect(
    panel.getByText('This credential has expired. Re-authorize it to keep the pipeline running.'),
  ).toBeVisible();
  // The warning's own button (the credential list below offers one too).
  await allowInPopup(page, () =>
    panel.getByRole('button', { name: 'Re-authorize' }).first().click(),
  );

  await expect(page.getByText('Google Drive re-authorized as ada@example.com')).toBeVisible();
  await expect(node(page)).toContainText('Connected · ada@example.com');
  await expect(panel.getByText(/has expired/)).toBeHidden();
  // The same credential, not a second one beside it.
  await expect(page.getByText('ada@example.com (2)')).toHaveCount(0);
});

test('the same Google account connected a second time: no copy, the user is told which credential it refreshed', async ({
  page,
}) => {
  await freshStart(page);
  const panel = await openPanel(page);
  await allowInPopup(page, () => panel.getByRole('button', { name: /Connect/ }).click());
  await expect(node(page)).toContainText('Connected · ada@example.com');

  // Connect again, as someone does who forgot it was done: the same account at the provider.
  await allowInPopup(page, () => panel.getByRole('button', { name: /Add credential/ }).click());
  await expect(
    page.getByText(
      'Google Drive was already connected as ada@example.com: “ada@example.com” was re-authorized instead of adding a copy',
    ),
  ).toBeVisible();
  await expect(
    panel.getByRole('list', { name: 'Google Drive credentials' }).getByRole('listitem'),
  ).toHaveCount(1);
  await expect(node(page)).toContainText('Connected · ada@example.com');
});
