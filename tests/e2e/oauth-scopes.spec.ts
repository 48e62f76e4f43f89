import { expect, test, type Page } from '@playwright/test';
import { dataSourceNode as node, openPanel } from './support/canvas';
import { freshStart } from './support/fresh-start';

/*
 * Scopes needed vs granted, with real popups: Google's and Microsoft's consent pages let the
 * user untick scopes, and a grant missing one connects but cannot read everything. On the mock
 * the consent page is the simulated provider's; on the full stack it is the stand-in
 * authorization server's (oidc-provider), and the scopes come from its real token response.
 */

test.beforeEach(async ({ page }) => {
  await freshStart(page);
});

/** In the consent popup `click` opens: untick `untick` (by their words), then Allow Access. */
async function consentWithout(page: Page, click: () => Promise<void>, untick: string[]) {
  const popupOpened = page.context().waitForEvent('page');
  await click();
  const popup = await popupOpened;
  await popup.getByRole('button', { name: 'Allow Access' }).waitFor();
  for (const words of untick) {
    const box = popup.getByRole('checkbox', { name: words });
    await expect(box).toBeChecked();
    await box.uncheck();
  }
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Allow Access' }).click();
  await closed;
}

test('Google Drive with its files unticked: Missing permission → Re-authorize to add → connected, same credential', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const panel = await openPanel(page, 'Google Drive');
  await consentWithout(page, () => panel.getByRole('button', { name: /Connect/ }).click(), [
    'See and download all your Google Drive files',
  ]);

  await expect(node(page, 'Google Drive')).toContainText('Missing permission');
  await expect(node(page, 'Google Drive').locator('.pc-data-source-node')).toHaveAttribute(
    'data-status',
    'missing-permission',
  );
  const needs = panel.getByRole('region', { name: 'Permissions' });
  await expect(needs.getByRole('listitem')).toHaveText(
    'See and download your Google Drive files, not granted',
  );

  // Asked again, everything is left ticked this time.
  await consentWithout(
    page,
    () =>
      panel
        .getByRole('button', {
          name: 'Re-authorize to add “See and download your Google Drive files”',
        })
        .click(),
    [],
  );
  await expect(node(page, 'Google Drive')).toContainText('Connected · ada@example.com');
  await expect(needs.getByRole('listitem')).toHaveText(
    'See and download your Google Drive files, granted',
  );
  await expect(panel.getByRole('button', { name: /Re-authorize to add/ })).toHaveCount(0);
  // Renewed in place: one credential in the list.
  await expect(
    panel.getByRole('list', { name: 'Google Drive credentials' }).getByRole('listitem'),
  ).toHaveCount(1);
});

test('OneDrive without “Maintain access”: no refresh token, the node turns amber before it expires', async ({
  page,
}) => {
  const panel = await openPanel(page, 'OneDrive');
  await panel.getByRole('button', { name: 'OAuth Client Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'OAuth Client Settings' });
  await dialog.getByLabel('Client ID').fill('contoso-e2e-client');
  await dialog.getByLabel('Client Secret').fill('contoso-e2e-secret');
  await consentWithout(
    page,
    () => dialog.getByRole('button', { name: 'Save and Authorize' }).click(),
    ['Maintain access to data you have given it access to'],
  );

  await expect(node(page, 'OneDrive')).toContainText('Expires, won’t renew · ada@contoso.example');
  const view = node(page, 'OneDrive').locator('.pc-data-source-node');
  await expect(view).toHaveAttribute('data-status', 'expiring');
  // Amber: the status line is drawn in the warning colour.
  const colors = await view.evaluate((element) => {
    const status = element.querySelector('.pc-node-status') as HTMLElement;
    const probe = document.createElement('span');
    probe.style.color = 'var(--pc-warning)';
    element.append(probe);
    const warning = getComputedStyle(probe).color;
    probe.remove();
    return { status: getComputedStyle(status).color, warning };
  });
  expect(colors.status).toBe(colors.warning);

  await expect(panel.getByText(/cannot renew itself/)).toBeVisible();
  // "Expires in 59 minutes" on the mock; "now" on the stack, whose tokens last 30 seconds.
  await expect(panel.getByText(/^Expires (in .*|now) — re-authorize to renew/)).toBeVisible();
  // Reading the files was granted: nothing is missing, it just will not last.
  await expect(panel.getByRole('region', { name: 'Permissions' }).getByRole('listitem')).toHaveText(
    'Read all the files you can open, granted',
  );
});
