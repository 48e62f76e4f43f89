import '@xyflow/react/dist/style.css';
import 'pipeline-connect/styles.css';
import './bench.css';
import { createHttpCredentialsBackend } from 'pipeline-connect';
import { createBenchApi } from './bench-api';
import { countingFetch } from './requests';

/*
 * The bench page: the library from its sources (package aliases, as the demo does), talking
 * through the real HTTP adapter to the mock backend's handlers, which the bench's Node server
 * answers on this origin (bench/node/mock-api.ts), off the page's main thread as a real server
 * would be. The driver (bench/node) calls `window.__bench` once it exists.
 */
const backend = createHttpCredentialsBackend({
  baseUrl: `${window.location.origin}/api`,
  fetch: countingFetch,
});

async function resetStore(): Promise<void> {
  const response = await fetch('/__bench/reset', { method: 'POST' });
  if (!response.ok) throw new Error(`resetting the mock store: ${response.status}`);
}

window.__bench = createBenchApi(backend, resetStore);
