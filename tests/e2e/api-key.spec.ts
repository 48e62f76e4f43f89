import { expect, test, type Page } from '@playwright/test';
import { E2E_BACKEND, freshStart } from './support/fresh-start';

const MOCK_BACKEND_KEY = 'pipeline-connect:mock-backend';

test.beforeEach(async ({ page }) => {
  // Every journey starts as a new user: no saved pipeline, a fresh mock backend.
  await freshStart(page);
});

function firecrawlNode(page: Page) {
  return page.locator('.react-flow__node-dataSource', { hasText: 'Firecrawl' });
}

async function openAddApiKey(page: Page) {
  await firecrawlNode(page).click();
  const panel = page.getByRole('complementary', { name: 'Firecrawl connection' });
  await panel.getByRole('button', { name: /Connect/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Add API Key' });
  await expect(dialog).toBeVisible();
  return { panel, dialog };
}

test('a new user adds an API key and the node is connected with it', async ({ page }) => {
  const secret = 'fc-8b01d7b2e8525a7502a148cac29ed893';
  const { panel, dialog } = await openAddApiKey(page);

  await expect(dialog.getByText('Your key is stored encrypted')).toBeVisible();
  await dialog.getByLabel(/Authorization Name/).fill('Production');
  await dialog.getByLabel('API Key', { exact: true }).fill(secret);
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText('“Production” was added.')).toBeVisible();
  await expect(firecrawlNode(page)).toContainText('Connected · Production');
  await expect(panel.getByRole('list', { name: 'Firecrawl credentials' })).toContainText(
    'Production',
  );

  // The key is nowhere but in the (mock) backend: not on the page, not in the saved pipeline.
  await expect(page.locator('body')).not.toContainText(secret);
  const leaked = await page.evaluate(
    ({ secret, backendKey }) =>
      [localStorage, sessionStorage].flatMap((storage) =>
        Object.keys(storage).filter(
          (key) => key !== backendKey && (storage.getItem(key) ?? '').includes(secret),
        ),
      ),
    { secret, backendKey: MOCK_BACKEND_KEY },
  );
  expect(leaked).toEqual([]);
});

test('Test asks the provider before anything is saved, and Test connection asks again later', async ({
  page,
}) => {
  const { panel, dialog } = await openAddApiKey(page);
  const key = dialog.getByLabel('API Key', { exact: true });
  const test = dialog.getByRole('button', { name: 'Test' });

  await key.fill('fc-not-a-real-key');
  await test.click();
  await expect(dialog.getByText(/^Firecrawl refused this key\./)).toBeVisible();
  await expect(key).toHaveAttribute('aria-invalid', 'true');

  await key.fill('fc-2f6c0e1b9d8a7c6b5a4f3e2d1c0b9a8f');
  await expect(dialog.getByText(/^Firecrawl refused this key\./)).toBeHidden();
  await test.click();
  await expect(dialog.getByText('Firecrawl accepted this key.')).toBeVisible();
  // A test stores nothing: the node still waits for a credential.
  await expect(firecrawlNode(page)).not.toContainText('Connected');

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(firecrawlNode(page)).toContainText('Connected');

  await panel.getByRole('button', { name: /^More actions for / }).click();
  await page.getByRole('menuitem', { name: 'Test connection' }).click();
  await expect(page.getByText(/”: Firecrawl accepted this key\.$/)).toBeVisible();
  // Its row says when the provider last accepted it (moments ago), the full date on hover.
  await expect(
    panel
      .getByRole('list', { name: 'Firecrawl credentials' })
      .getByText(/^Verified (now|1 minute ago)/),
  ).toHaveAttribute('title', /\d/);
});

test('a key with a space inside is refused before anything is sent', async ({ page }) => {
  const { dialog } = await openAddApiKey(page);

  await dialog.getByLabel('API Key', { exact: true }).fill('fc-12 34');
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(
    dialog.getByText('Remove the spaces or line breaks inside the value.'),
  ).toBeVisible();
  await expect(dialog.getByLabel('API Key', { exact: true })).toBeFocused();
});

test('when the provider cannot verify the key (it is rate-limiting) nothing typed is lost', async ({
  page,
}) => {
  // A well-formed Firecrawl key whose tail starts with the stand-in's `dead0429` marker: the
  // provider answers 429, on the mock (which judges keys as the stand-ins do) and on the full
  // stack (where the server really asks the stand-in provider API).
  const throttled = 'fc-dead04290123456789abcdef01234567';
  const { dialog } = await openAddApiKey(page);

  await dialog.getByLabel(/Authorization Name/).fill('Production');
  await dialog.getByLabel('API Key', { exact: true }).fill(throttled);
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(dialog.getByRole('alert')).toContainText('Trying again may help.');
  await expect(dialog.getByLabel(/Authorization Name/)).toHaveValue('Production');
  await expect(dialog.getByLabel('API Key', { exact: true })).toHaveValue(throttled);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(firecrawlNode(page)).toContainText('Not connected');
});

test('when the backend refuses (rate limited) nothing typed is lost', async ({ page }) => {
  // `?scenario=` steers the mock only; the server's real rate limits need far more requests to
  // trip than a journey makes (server/test/rate-limit-http.test.ts covers them). On the full
  // stack the journey above shows the same promise with a refusal the server really gets.
  test.skip(E2E_BACKEND === 'stack', '?scenario= is the mock backend’s; see the journey above');
  await page.goto('/?scenario=rate-limited');
  const { dialog } = await openAddApiKey(page);

  await dialog.getByLabel(/Authorization Name/).fill('Production');
  await dialog.getByLabel(/Base URL/).fill('https://crawler.example.com');
  await dialog.getByLabel('API Key', { exact: true }).fill('fc-8b01d7b2e8525a7502a148cac29ed893');
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(dialog.getByRole('alert')).toContainText(
    'Too many requests. Wait a moment and try again.',
  );
  // One live countdown, not a fixed "30 seconds" beside it.
  await expect(dialog).toContainText(/You can try again in \d+ s\./);
  await expect(dialog).not.toContainText('30 seconds');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(dialog.getByLabel(/Authorization Name/)).toHaveValue('Production');
  await expect(dialog.getByLabel(/Base URL/)).toHaveValue('https://crawler.example.com');
  await expect(firecrawlNode(page)).toContainText('Not connected');
});

test('rename and delete from the panel; the node then says its credential is missing', async ({
  page,
}) => {
  const { panel, dialog } = await openAddApiKey(page);
  await dialog.getByLabel(/Authorization Name/).fill('Production');
  await dialog.getByLabel('API Key', { exact: true }).fill('fc-8b01d7b2e8525a7502a148cac29ed893');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(firecrawlNode(page)).toContainText('Connected · Production');

  // Rename with the keyboard only.
  await panel.getByRole('button', { name: 'More actions for Production' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Rename' })).toBeFocused();
  await page.keyboard.press('Enter');
  const input = panel.getByRole('textbox', { name: 'New name for Production' });
  await expect(input).toBeFocused();
  await input.fill('Crawler');
  await page.keyboard.press('Enter');
  await expect(firecrawlNode(page)).toContainText('Connected · Crawler');

  await panel.getByRole('button', { name: 'More actions for Crawler' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete credential' });
  await expect(confirm).toContainText('Used by 1 node:');
  await expect(confirm.getByRole('listitem')).toHaveText('Firecrawl');
  await confirm.getByRole('button', { name: 'Delete' }).click();

  await expect(confirm).toBeHidden();
  await expect(page.getByText('“Crawler” was deleted.')).toBeVisible();
  await expect(firecrawlNode(page)).toContainText('Credential missing');
});
