import { DataSourceSettings } from 'pipeline-connect';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { renderWithBackend } from '../support/render-with-backend';
import { chineseCatalog, watchForText } from './locale-catalog';

/*
 * Built-in locales other than English are chunks of their own. Here the first render in Chinese
 * comes while that chunk is still on its way (the test page is fresh, as each test file is).
 * A switch of locale is in lazy-locale-switch, a failed load in lazy-locale-failure.
 */
describe('a Chinese page whose catalog is still loading', () => {
  it('shows nothing until the catalog is there, then Chinese: never English first', async () => {
    const catalog = chineseCatalog('hold');
    const english = watchForText('Search data sources');
    await renderWithBackend(<DataSourceSettings />, {
      handlers: [catalog.handler],
      locale: 'zh-Hans',
    });
    await expect.poll(() => catalog.requested()).toBe(true);
    await expect.element(page.getByRole('searchbox')).not.toBeInTheDocument();

    catalog.release();
    await expect.element(page.getByRole('searchbox', { name: '搜索数据源' })).toBeVisible();
    english.stop();
    expect(english.seen()).toBe(false);
  });
});
