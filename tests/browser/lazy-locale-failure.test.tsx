import { DataSourceSettings } from 'pipeline-connect';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { renderWithBackend } from '../support/render-with-backend';
import { chineseCatalog } from './locale-catalog';

/*
 * The Chinese catalog cannot be fetched (a lost network, a deploy that removed the old chunk):
 * the page still works, in English, and the next mount tries again. On a fresh test page.
 */
describe('a Chinese catalog that fails to load', () => {
  it('falls back to English, and a later mount shows Chinese', async () => {
    const catalog = chineseCatalog('fail');
    const first = await renderWithBackend(<DataSourceSettings />, {
      handlers: [catalog.handler],
      locale: 'zh-Hans',
    });
    await expect
      .element(page.getByRole('searchbox', { name: 'Search data sources' }))
      .toBeVisible();
    expect(catalog.requested()).toBe(true);
    await first.screen.unmount();

    catalog.release();
    await renderWithBackend(<DataSourceSettings />, {
      handlers: [catalog.handler],
      locale: 'zh-Hans',
    });
    await expect.element(page.getByRole('searchbox', { name: '搜索数据源' })).toBeVisible();
  });
});
