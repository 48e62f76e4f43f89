import { expect, test, type Page } from '@playwright/test';
import { freshStart } from './support/fresh-start';

/*
 * The API key journeys of the issue, as a new user takes them: Jina Reader connected and kept
 * across a reload, a refused empty key, a mistyped key the provider refuses, set as default, edit
 * without re-typing the secret — all with the keyboard where the flow allows it.
 */

const MOCK_BACKEND_KEY = 'pipeline-connect:mock-backend';

// Keys in the providers' real formats, which the mock (like the server) accepts.
const JINA_KEY = 'jina_aec1a21bface281cb39244530fd370ecw5HSn2BSQRGd8R5gkh1pmJg5RTZV';
const FIRST_KEY = 'fc-1c442870854b914bc0ee02561639322e';
const SECOND_KEY = 'fc-3471674c2332eb838d459fe0d2e64beb';

test.beforeEach(async ({ page }) => {
  await freshStart(page);
});

const node = (page: Page, provider: string) =>
  page.locator('.react-flow__node-dataSource', { hasText: provider });

/** What the mock backend (playing the server) stored for a credential. */
async function storedValues(page: Page, name: string) {
  return page.evaluate(
    ({ key, name }) => {
      const state = JSON.parse(localStorage.getItem(key) ?? '{}') as {
        credentials?: { name: string; values: Record<string, unknown> }[];
      };
      return state.credentials?.find((c) => c.name === name)?.values ?? null;
    },
    { key: MOCK_BACKEND_KEY, name },
  );
}

test('Jina Reader: Connect → Add API Key → Save → connected, and a reload keeps it', async ({
  page,
}) => {
  await node(page, 'Jina Reader').click();
  const panel = page.getByRole('complementary', { name: 'Jina Reader connection' });
  await panel.getByRole('button', { name: /Connect/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Add API Key' });
  await dialog.getByLabel(/Authorization Name/).fill('Reader key');
  await dialog.getByLabel(/^API Key/).fill(JINA_KEY);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(node(page, 'Jina Reader')).toContainText('Connected · Reader key');
  await expect(page.locator('body')).not.toContainText(JINA_KEY);

  await page.reload();
  await expect(node(page, 'Jina Reader')).toContainText('Connected · Reader key');
});

test('Firecrawl with an empty required key: an error on the field, nothing created', async ({
  page,
}) => {
  await node(page, 'Firecrawl').click();
  const panel = page.getByRole('complementary', { name: 'Firecrawl connection' });
  await panel.getByRole('button', { name: /Connect/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Add API Key' });
  await dialog.getByLabel(/Authorization Name/).fill('Empty');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const key = dialog.getByLabel('API Key', { exact: true });
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/Authorization Name/)).toHaveValue('Empty');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(node(page, 'Firecrawl')).toContainText('Not connected');
});

test('Firecrawl with a mistyped key: the provider’s refusal on the field, nothing created, then the right key', async ({
  page,
}) => {
  await node(page, 'Firecrawl').click();
  const panel = page.getByRole('complementary', { name: 'Firecrawl connection' });
  await panel.getByRole('button', { name: /Connect/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Add API Key' });
  await dialog.getByLabel(/Authorization Name/).fill('Crawler');
  const key = dialog.getByLabel('API Key', { exact: true });
  // One digit short of Firecrawl's format (fc- and 32 hexadecimal digits).
  await key.fill(FIRST_KEY.slice(0, -1));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('The provider refused this key.')).toBeVisible();
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(key).toHaveValue(FIRST_KEY.slice(0, -1));
  await expect(dialog.getByLabel(/Authorization Name/)).toHaveValue('Crawler');
  expect(await storedValues(page, 'Crawler')).toBeNull();

  await key.fill(FIRST_KEY);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(node(page, 'Firecrawl')).toContainText('Connected · Crawler');
});

test('by keyboard: add two keys, set the second as default, edit the first without re-typing its secret', async ({
  page,
}) => {
  const addKey = async (name: string, secret: string, trigger: RegExp) => {
    const panel = page.getByRole('complementary', { name: 'Firecrawl connection' });
    await panel.getByRole('button', { name: trigger }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add API Key' });
    await expect(dialog).toBeVisible();
    // The dialog puts focus in its first field; type and Tab through like a keyboard user.
    await expect(dialog.getByLabel(/Authorization Name/)).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(secret);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
  };

  await node(page, 'Firecrawl').click();
  await addKey('First', FIRST_KEY, /Connect/);
  await expect(node(page, 'Firecrawl')).toContainText('Connected · First');
  await addKey('Second', SECOND_KEY, /Add credential/);
  // The node now points at the credential it was connected with last.
  await expect(node(page, 'Firecrawl')).toContainText('Connected · Second');

  const panel = page.getByRole('complementary', { name: 'Firecrawl connection' });
  const list = panel.getByRole('list', { name: 'Firecrawl credentials' });
  await list.getByRole('button', { name: 'More actions for Second' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Set as default' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('“Second” is now the default.')).toBeVisible();
  // The toast is announced: sonner renders it inside a live region.
  await expect(
    page.locator('[aria-live]').filter({ hasText: '“Second” is now the default.' }),
  ).toHaveCount(1);

  await list.getByRole('button', { name: 'More actions for First' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Edit' }).focus();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit credential' });
  await expect(edit).toBeVisible();
  const secretInput = edit.getByLabel('API Key', { exact: true });
  await expect(secretInput).toHaveValue('');
  await edit.getByLabel(/Authorization Name/).fill('First (renamed)');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(list).toContainText('First (renamed)');
  // The backend kept the secret that was never re-typed.
  expect(await storedValues(page, 'First (renamed)')).toMatchObject({
    firecrawl_api_key: FIRST_KEY,
  });
});
