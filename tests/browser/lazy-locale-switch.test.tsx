import {
  DataSourceSettings,
  PipelineConnectProvider,
  createHttpCredentialsBackend,
  createPipelineConnectQueryClient,
  type BuiltInLocale,
  type CredentialsBackend,
} from 'pipeline-connect';
import type { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
// Test infrastructure: the shared worker (mocks/shared-worker.ts).
import { resetMockBackend } from '../../mocks/shared-worker';
import { chineseCatalog } from './locale-catalog';

function Host(props: { locale: BuiltInLocale; backend: CredentialsBackend; client: QueryClient }) {
  return (
    <PipelineConnectProvider
      backend={props.backend}
      queryClient={props.client}
      locale={props.locale}
    >
      <DataSourceSettings />
    </PipelineConnectProvider>
  );
}

/*
 * A host switches its language while the page is open (the demo's account menu does): the
 * Chinese catalog is fetched then, on a fresh test page. Nothing the user has on screen is torn
 * down for it.
 */
describe('switching to Chinese while its catalog loads', () => {
  it('keeps the English page, with what the user typed, until Chinese arrives', async () => {
    const catalog = chineseCatalog('hold');
    await resetMockBackend({ handlers: [catalog.handler] });
    const backend = createHttpCredentialsBackend({ baseUrl: `${window.location.origin}/api` });
    const client = createPipelineConnectQueryClient();
    const screen = await render(<Host locale="en" backend={backend} client={client} />);

    const search = page.getByRole('searchbox', { name: 'Search data sources' });
    await userEvent.fill(search, 'fire');
    const input = search.element();

    await screen.rerender(<Host locale="zh-Hans" backend={backend} client={client} />);
    await expect.poll(() => catalog.requested()).toBe(true);
    await expect.element(search).toHaveValue('fire');

    catalog.release();
    const chinese = page.getByRole('searchbox', { name: '搜索数据源' });
    await expect.element(chinese).toHaveValue('fire');
    // The same input: the switch re-rendered the page, it did not mount a new one.
    expect(chinese.element()).toBe(input);
  });
});
