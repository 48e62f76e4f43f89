import { expect, type Page } from '@playwright/test';

/** A data-source node on the canvas, by the provider name it shows. */
export function dataSourceNode(page: Page, provider: string) {
  return page.locator('.react-flow__node-dataSource', { hasText: provider });
}

/** Selects a provider's node and waits for its side panel (English names). */
export async function openPanel(page: Page, provider: string) {
  await dataSourceNode(page, provider).click();
  const panel = page.getByRole('complementary', { name: `${provider} connection` });
  await expect(panel).toBeVisible();
  return panel;
}
