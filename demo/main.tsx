import '@xyflow/react/dist/style.css';
import 'pipeline-connect/styles.css';
import './demo.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHttpCredentialsBackend } from 'pipeline-connect';
import { findActiveScenario } from './active-scenario';
import { DemoApp } from './demo-app';

/**
 * `npm run dev` builds on the embedded MSW mock; `npm start` (Vite mode `stack`) on the reference
 * server, which serves this page and the API from one origin, so no service worker is registered.
 */
const onMock = import.meta.env.MODE !== 'stack';

// The mock backend must be listening before the first request, so it starts before render.
// `?scenario=slow|empty|mixed|server-errors|outage|rate-limited` switches the backend's behaviour.
const requestedScenario = new URLSearchParams(window.location.search).get('scenario') ?? undefined;
const mock = onMock
  ? await Promise.all([
      import('pipeline-connect/mocks/browser'),
      import('pipeline-connect/mocks'),
    ]).then(async ([{ startMockBackend }, { MOCK_STORE_KEY }]) => {
      const backend = await startMockBackend({ scenario: requestedScenario, quiet: true });
      return {
        store: backend.store,
        scenario: findActiveScenario(requestedScenario, backend.store, MOCK_STORE_KEY),
      };
    })
  : null;

const backend = createHttpCredentialsBackend({ baseUrl: `${window.location.origin}/api` });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DemoApp
      backend={backend}
      resetBackend={mock ? () => mock.store.reset() : undefined}
      scenario={mock?.scenario}
    />
  </StrictMode>,
);
