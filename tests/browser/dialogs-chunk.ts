import { DataSourceSettings } from 'pipeline-connect';
import { createElement } from 'react';
import { expect } from 'vitest';
import { page } from 'vitest/browser';
import { renderWithBackend } from '../support/render-with-backend';
import { moduleRequest } from './module-request';

/** The dialogs' chunk as the dev server serves it: src/dialogs/lazy-dialogs-chunk.ts. */
const DIALOGS_CHUNK = /\/src\/dialogs\/lazy-dialogs-chunk\.ts/;

/**
 * Settings on a fresh page whose dialogs' code is `initially` failed, held or let through, once
 * the page's idle preload has asked for it; `configure` opens Firecrawl's Add API Key.
 */
export async function settingsWithDialogsChunk(initially: 'fail' | 'hold') {
  const chunk = moduleRequest(DIALOGS_CHUNK, initially);
  await renderWithBackend(createElement(DataSourceSettings), { handlers: [chunk.handler] });
  const configure = page
    .getByRole('region', { name: 'Firecrawl' })
    .getByRole('button', { name: /Configure/ });
  await expect.element(configure).toBeVisible();
  await expect.poll(() => chunk.requested()).toBe(true);
  return { chunk, configure };
}
