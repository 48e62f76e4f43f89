import { expect, test, type Page } from '@playwright/test';
import { canvasReady, E2E_BACKEND, freshStart } from './support/fresh-start';

/*
 * Add OAuth as a new user takes it, with real popup windows: the simulated provider's consent
 * page opens in a popup, Allow Access redirects to the demo's completion page, which hands the
 * code to the (mock) backend, tells the opener and closes.
 */

test.beforeEach(async ({ page }) => {
  // Every journey starts as a new user: no saved pipeline, a fresh mock backend.
  await freshStart(page);
});

function node(page: Page, provider: string) {
  return page.locator('.react-flow__node-dataSource', { hasText: provider });
}

async function openPanel(page: Page, provider: string) {
  await node(page, provider).click();
  const panel = page.getByRole('complementary', { name: `${provider} connection` });
  await expect(panel).toBeVisible();
  return panel;
}

test('Google Drive: Connect → Add OAuth → consent shows the scopes → Allow Access → connected', async ({
  page,
}) => {
  const panel = await openPanel(page, 'Google Drive');
  const popupOpened = page.context().waitForEvent('page');
  // Google Drive offers only OAuth, so Connect goes straight to Add OAuth.
  await panel.getByRole('button', { name: /Connect/ }).click();
  const popup = await popupOpened;

  await expect(page.getByRole('dialog', { name: 'Connecting Google Drive' })).toBeVisible();
  await expect(
    popup.getByRole('heading', { name: /Pipeline Connect wants to access your Google Drive/ }),
  ).toBeVisible();
  await expect(popup.getByText('See and download all your Google Drive files')).toBeVisible();
  await expect(popup.getByText('See your primary Google Account email address')).toBeVisible();
  // The mock names the platform client; the stand-in authorization server shows its id too.
  await expect(popup.getByTestId('consent-client')).toHaveText(
    /Pipeline Connect \(?platform client\)?/,
  );
  await expect(popup.getByTestId('consent-account')).toContainText('ada@example.com');

  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Allow Access' }).click();
  await closed;

  await expect(node(page, 'Google Drive')).toContainText('Connected · ada@example.com');
  await expect(page.getByRole('dialog', { name: 'Connecting Google Drive' })).toBeHidden();
  await expect(page.getByText('Google Drive connected as ada@example.com')).toBeVisible();
});

test('Dropbox: OAuth Client Settings → Custom → Save and Authorize → consent names the client → connected', async ({
  page,
}) => {
  const panel = await openPanel(page, 'Dropbox');
  await panel.getByRole('button', { name: 'OAuth Client Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'OAuth Client Settings' });
  await expect(dialog).toBeVisible();
  // Dropbox has no platform client: no one-option radio, the custom fields straight away.
  await expect(dialog.getByText('Dropbox needs your own OAuth app')).toBeVisible();
  await expect(dialog.getByRole('radiogroup')).toHaveCount(0);
  await dialog.getByLabel('Client ID').fill('dbx-e2e-client-42');
  await dialog.getByLabel('Client Secret').fill('dbx-e2e-secret');

  const popupOpened = page.context().waitForEvent('page');
  await dialog.getByRole('button', { name: 'Save and Authorize' }).click();
  const popup = await popupOpened;

  await expect(popup.getByTestId('consent-client')).toHaveText('dbx-e2e-client-42');
  await expect(popup.getByText('View content of your Dropbox files and folders')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('dialog', { name: 'Connecting Dropbox' })).toBeVisible();

  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Allow Access' }).click();
  await closed;

  await expect(node(page, 'Dropbox')).toContainText('Connected · ada.lovelace@example.com');
});

test('Cancel on the consent page: a clear message, and nothing is created', async ({ page }) => {
  const panel = await openPanel(page, 'Google Drive');
  const popupOpened = page.context().waitForEvent('page');
  await panel.getByRole('button', { name: /Connect/ }).click();
  const popup = await popupOpened;

  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Cancel' }).click();
  await closed;

  const status = page.getByRole('dialog', { name: 'Access was not granted' });
  await expect(status).toBeVisible();
  await expect(status).toContainText('Nothing was saved.');
  await status.getByRole('button', { name: 'Not now' }).click();
  await expect(status).toBeHidden();
  await expect(node(page, 'Google Drive')).toContainText('Not connected');
  // Focus goes back to where the user was.
  await expect(panel.getByRole('button', { name: /Connect/ })).toBeFocused();
});

test('closing the popup before consent: the dialog says it may have closed; “I closed it — cancel” ends it', async ({
  page,
}) => {
  const panel = await openPanel(page, 'Google Drive');
  const popupOpened = page.context().waitForEvent('page');
  await panel.getByRole('button', { name: /Connect/ }).click();
  const popup = await popupOpened;
  await expect(popup.getByRole('button', { name: 'Allow Access' })).toBeVisible();
  await popup.close();

  // A window that reads closed may only be hidden (COOP): never a cancel by itself.
  const status = page.getByRole('dialog', { name: 'Connecting Google Drive' });
  await expect(status).toContainText('Waiting for the provider… (the window may have closed)');
  await expect(status).not.toContainText('Nothing was saved');
  await status.getByRole('button', { name: 'I closed it — cancel' }).click();
  await expect(status).toBeHidden();
  await expect(panel.getByRole('button', { name: /Connect/ })).toBeFocused();
  await expect(node(page, 'Google Drive')).toContainText('Not connected');
});

test('closing the popup before consent, then “Open it again” → Allow Access → connected', async ({
  page,
}) => {
  const panel = await openPanel(page, 'Google Drive');
  const firstOpened = page.context().waitForEvent('page');
  await panel.getByRole('button', { name: /Connect/ }).click();
  const first = await firstOpened;
  await expect(first.getByRole('button', { name: 'Allow Access' })).toBeVisible();
  await first.close();

  const status = page.getByRole('dialog', { name: 'Connecting Google Drive' });
  const reopen = status.getByRole('button', { name: 'Open it again' });
  await expect(reopen).toBeVisible();
  const againOpened = page.context().waitForEvent('page');
  await reopen.click();
  const again = await againOpened;
  await expect(status.getByRole('button', { name: 'Focus the window' })).toBeVisible();

  const closed = again.waitForEvent('close');
  await again.getByRole('button', { name: 'Allow Access' }).click();
  await closed;
  await expect(node(page, 'Google Drive')).toContainText('Connected · ada@example.com');
  await expect(status).toBeHidden();
});

test('a blocked popup offers Try again and a new tab', async ({ page }) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  await page.reload();
  const panel = await openPanel(page, 'Google Drive');
  await panel.getByRole('button', { name: /Connect/ }).click();

  const status = page.getByRole('dialog', { name: 'The sign-in window was blocked' });
  await expect(status).toBeVisible();
  await expect(status.getByRole('link', { name: 'Open in a new tab' })).toHaveAttribute(
    'href',
    // The consent page's address: the mock's simulated provider, or the stand-in's.
    /\/authorize(\.html)?\?.*code_challenge_method=S256/,
  );
  await status.getByRole('button', { name: 'Try again' }).click();
  await expect(status).toContainText('blocked again');
  await expect(node(page, 'Google Drive')).toContainText('Not connected');
});

test('blocked → Open in a new tab → Allow Access in the tab → connected', async ({ page }) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  await page.reload();
  const panel = await openPanel(page, 'Google Drive');
  await panel.getByRole('button', { name: /Connect/ }).click();
  const status = page.getByRole('dialog', { name: 'The sign-in window was blocked' });
  const link = status.getByRole('link', { name: 'Open in a new tab' });
  await expect(link).toBeVisible();

  const tabOpened = page.context().waitForEvent('page');
  await link.click();
  const tab = await tabOpened;
  await expect(page.getByRole('dialog', { name: 'Connecting Google Drive' })).toBeVisible();
  await tab.getByRole('button', { name: 'Allow Access' }).click();

  // Without an opener the tab cannot close itself; it says so, and the canvas still learns.
  await expect(tab.getByText('Connected — you can close this window.')).toBeVisible();
  await expect(node(page, 'Google Drive')).toContainText('Connected · ada@example.com');
});

test('opened at another address than the backend’s public one: OAuth Client Settings says the sign-in would not come back', async ({
  page,
}) => {
  test.skip(
    E2E_BACKEND !== 'stack',
    'The mock derives its redirect URI from the page’s own origin: the two cannot differ.',
  );
  // The server's PUBLIC_ORIGIN is 127.0.0.1; the same server, opened as localhost.
  const publicOrigin = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4180').origin;
  const here = new URL(publicOrigin);
  here.hostname = 'localhost';
  await page
    .context()
    .addCookies([{ name: 'pc-dev-tenant', value: `e2e-${crypto.randomUUID()}`, url: here.origin }]);
  await page.goto(`${here.origin}/`);
  await canvasReady(page);

  const panel = await openPanel(page, 'Dropbox');
  await panel.getByRole('button', { name: 'OAuth Client Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'OAuth Client Settings' });
  await expect(
    dialog.getByText(
      `The backend will send Dropbox back to ${publicOrigin}, but this page is at ${here.origin} (another host).`,
    ),
  ).toBeVisible();
  await expect(dialog.getByLabel('Redirect URI', { exact: true })).toHaveValue(
    `${publicOrigin}/oauth-callback.html`,
  );
});
