import { expect, test } from '@playwright/test';
import { freshStart } from './support/fresh-start';

test('a credential added in one tab shows in the other without a reload', async ({
  context,
  page,
}) => {
  await freshStart(page);
  const other = await context.newPage();
  await other.goto('/');
  const otherNode = other.locator('.react-flow__node-dataSource', { hasText: 'Jina Reader' });
  await expect(otherNode).toContainText('Not connected');

  await page.locator('.react-flow__node-dataSource', { hasText: 'Jina Reader' }).click();
  await page
    .getByRole('complementary', { name: 'Jina Reader connection' })
    .getByRole('button', { name: /Connect/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Add API Key' });
  await dialog.getByLabel('Authorization Name').fill('Shared reader');
  await dialog
    .getByLabel(/^API Key/)
    .fill('jina_9766e0c844f087cbf658d4ce20ed810de22mIY_kIwmRnt-07CmgQ_pelLf_');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The other tab never reloads: it hears of the change and refetches.
  await expect(otherNode).toContainText('Connected · Shared reader');
});
