import { DataSourceSettings } from 'pipeline-connect';
import { createElement } from 'react';
import { http, HttpResponse, passthrough } from 'msw';
import { expect } from 'vitest';
import { page } from 'vitest/browser';
import { renderWithBackend } from '../support/render-with-backend';

/** The dialogs' chunk as the dev server serves it: src/dialogs/lazy-dialogs-chunk.ts. */
const DIALOGS_CHUNK = /\/src\/dialogs\/lazy-dialogs-chunk\.ts/;

/**
 * An MSW handler for the request of the dialogs' code (the service worker sees module requests
 * too): it fails them (`fail`, as a lost network does), holds them (`hold`) until `release`, or
 * lets them through. `requested` says whether the page has asked for the chunk yet.
 */
export function dialogsChunk(initially: 'fail' | 'hold' | 'pass' = 'pass') {
  let mode = initially;
  let requests = 0;
  let release = () => {};
  let released = Promise.resolve();
  const hold = () => {
    mode = 'hold';
    released = new Promise<void>((resolve) => {
      release = resolve;
    });
  };
  if (initially === 'hold') hold();
  return {
    handler: http.get(DIALOGS_CHUNK, async () => {
      requests += 1;
      if (mode === 'fail') return HttpResponse.error();
      if (mode === 'hold') await released;
      return passthrough();
    }),
    requested: () => requests > 0,
    hold,
    release: () => {
      mode = 'pass';
      release();
    },
  };
}

/**
 * Settings on a fresh page whose dialogs' code is `initially` failed, held or let through, once
 * the page's idle preload has asked for it; `configure` opens Firecrawl's Add API Key.
 */
export async function settingsWithDialogsChunk(initially: 'fail' | 'hold') {
  const chunk = dialogsChunk(initially);
  await renderWithBackend(createElement(DataSourceSettings), { handlers: [chunk.handler] });
  const configure = page
    .getByRole('region', { name: 'Firecrawl' })
    .getByRole('button', { name: /Configure/ });
  await expect.element(configure).toBeVisible();
  await expect.poll(() => chunk.requested()).toBe(true);
  return { chunk, configure };
}
