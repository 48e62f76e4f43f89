import type { ReactNode } from 'react';
import { render } from 'vitest-browser-react';
import {
  PipelineConnectProvider,
  createHttpCredentialsBackend,
  createPipelineConnectQueryClient,
  type BuiltInLocale,
  type ColorMode,
} from 'pipeline-connect';
// The shared worker is the browser tests' infrastructure, not part of the package.
import { resetMockBackend, type MockBackendOptions } from '../../mocks/shared-worker';

/** Options of {@link renderWithBackend}. */
export interface RenderWithBackendOptions extends MockBackendOptions {
  colorMode?: ColorMode;
  locale?: BuiltInLocale;
}

/**
 * Renders `ui` the way a host would: inside `PipelineConnectProvider` with the real HTTP adapter,
 * talking to the MSW mock backend through a real service worker, with a fresh QueryClient and a
 * fresh store for every test.
 */
export async function renderWithBackend(ui: ReactNode, options: RenderWithBackendOptions = {}) {
  const store = await resetMockBackend(options);
  const queryClient = createPipelineConnectQueryClient();
  const backend = createHttpCredentialsBackend({ baseUrl: `${window.location.origin}/api` });
  const screen = await render(
    <PipelineConnectProvider
      backend={backend}
      queryClient={queryClient}
      colorMode={options.colorMode}
      locale={options.locale}
    >
      {ui}
    </PipelineConnectProvider>,
  );
  return { screen, store, queryClient, backend };
}
