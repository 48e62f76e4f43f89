import '@xyflow/react/dist/style.css';
import 'pipeline-connect/styles.css';
import './bench.css';
import { createHttpCredentialsBackend } from 'pipeline-connect';
import { startMockBackend } from 'pipeline-connect/mocks/browser';
import { createBenchApi } from './bench-api';
import { countingFetch } from './requests';

/*
 * The bench page: the library from its sources (package aliases, as the demo does), talking to
 * the MSW mock backend through the real HTTP adapter and a service worker, with the store in
 * this origin's localStorage under a bench-only key. The driver (bench/node) calls
 * `window.__bench` once it exists.
 */
const mock = await startMockBackend({ quiet: true, storageKey: 'pipeline-connect:bench' });
const backend = createHttpCredentialsBackend({
  baseUrl: `${window.location.origin}/api`,
  fetch: countingFetch,
});

window.__bench = createBenchApi(backend, () => mock.store.reset('mixed'));
