import { expect, test, type Page } from '@playwright/test';
import { canvasReady, freshStart } from './support/fresh-start';

/*
 * Providers such as Google and Microsoft send Cross-Origin-Opener-Policy: the opener's
 * reference to the popup is severed, reads `closed`, and can neither close nor focus it, while
 * the consent page stays open. The mock provider sends no such header, so an init script on the
 * canvas page plays the browser's part: the window `window.open` returns reads closed 0.5 s
 * after it opened, and from then on its close() and focus() do nothing.
 */

test.beforeEach(async ({ page }) => {
  await freshStart(page);
  await page.addInitScript(() => {
    const open = window.open.bind(window);
    window.open = (...args: Parameters<typeof window.open>) => {
      const popup = open(...args);
      if (!popup) return popup;
      let severed = false;
      setTimeout(() => (severed = true), 500);
      const reference = {
        get closed() {
          return severed || popup.closed;
        },
        close() {
          if (!severed) popup.close();
        },
        focus() {
          if (!severed) popup.focus();
        },
        get location() {
          return popup.location;
        },
        get document() {
          return popup.document;
        },
      };
      return reference as unknown as Window;
    };
  });
  await page.reload();
  await canvasReady(page);
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

async function connectGoogleDrive(page: Page) {
  const panel = await openPanel(page, 'Google Drive');
  const popupOpened = page.context().waitForEvent('page');
  await panel.getByRole('button', { name: /Connect/ }).click();
  const popup = await popupOpened;
  const status = page.getByRole('dialog', { name: 'Connecting Google Drive' });
  // The reference reads closed: the dialog says so, and keeps waiting.
  await expect(status).toContainText('Waiting for the provider… (the window may have closed)');
  await expect(status.getByRole('button', { name: 'I closed it — cancel' })).toBeVisible();
  await expect(status.getByRole('button', { name: 'Open it again' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Allow Access' })).toBeVisible();
  return { panel, popup, status };
}

test('a popup severed by COOP is not a cancel: Allow Access 6 s later connects', async ({
  page,
}) => {
  const { popup, status } = await connectGoogleDrive(page);

  // The user reads the scopes for a while; the old client gave up after ~3 s as "cancelled".
  await page.waitForTimeout(6_000);
  await expect(status).toContainText('(the window may have closed)');
  await popup.getByRole('button', { name: 'Allow Access' }).click();

  await expect(node(page, 'Google Drive')).toContainText('Connected · ada@example.com');
  await expect(status).toBeHidden();
  await expect(page.getByText('Google Drive connected as ada@example.com')).toBeVisible();
  await expect(page.getByText(/cancelled/i)).toHaveCount(0);
  await expect(page.getByText(/nothing was saved/i)).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('“I closed it — cancel” cancels the flow: Allow Access in the still-open popup stores nothing', async ({
  page,
}) => {
  const { panel, popup, status } = await connectGoogleDrive(page);

  const cancelled = page.waitForResponse(
    (response) =>
      response.request().method() === 'DELETE' &&
      new URL(response.url()).pathname.startsWith('/api/oauth/flows/'),
  );
  await status.getByRole('button', { name: 'I closed it — cancel' }).click();
  await expect(status).toBeHidden();
  await expect(panel.getByRole('button', { name: /Connect/ })).toBeFocused();
  expect((await cancelled).status()).toBe(200);

  // The consent page was in fact still open (COOP hid it); the user clicks Allow Access anyway.
  await popup.getByRole('button', { name: 'Allow Access' }).click();
  await expect(
    popup.getByText(/This connection was cancelled, so nothing was saved/),
  ).toBeVisible();
  await expect(node(page, 'Google Drive')).toContainText('Not connected');

  // Nothing was stored: on a fresh load the node (which follows the provider's default
  // credential) is still not connected.
  await page.reload();
  await expect(node(page, 'Google Drive')).toContainText('Not connected');
});
