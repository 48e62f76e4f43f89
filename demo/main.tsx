import '@xyflow/react/dist/style.css';
import 'pipeline-connect/styles.css';
import './demo.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHttpCredentialsBackend } from 'pipeline-connect';
import { startMockBackend } from 'pipeline-connect/mocks/browser';
import { DemoApp } from './demo-app';

// The mock backend must be listening before the first request, so it starts before render.
// `?scenario=slow|empty|mixed|server-errors|rate-limited` switches the backend's behaviour.
const scenario = new URLSearchParams(window.location.search).get('scenario') ?? undefined;
const mock = await startMockBackend({ scenario, quiet: true });

const backend = createHttpCredentialsBackend({ baseUrl: `${window.location.origin}/api` });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DemoApp backend={backend} resetBackend={() => mock.store.reset()} />
  </StrictMode>,
);
