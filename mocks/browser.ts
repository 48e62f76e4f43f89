/**
 * `pipeline-connect/mocks/browser`: the mock backend in a page, behind MSW's service worker, for
 * a host's dev server, demo or stories (the demo runs on it). Apart from `pipeline-connect/mocks`
 * so that a Node test of the mock never loads `msw/browser`, which needs a service worker.
 *
 * @packageDocumentation
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { handlersForScenario, isScenarioName, scenarioNames } from './scenarios';
import { createMockStore, MOCK_STORE_KEY, type MockStore } from './store';

/** Options of {@link startMockBackend}. */
export interface StartMockBackendOptions {
  /** A scenario name (see `scenarioNames`); none for the plain happy path. */
  scenario?: string;
  /**
   * Silences MSW's console messages about intercepted requests (default true: MSW would print
   * request bodies, secrets included).
   */
  quiet?: boolean;
  /** Where the contract is mounted (default `/api`). */
  baseUrl?: string;
  /** The worker script's URL (default `/mockServiceWorker.js`). */
  serviceWorkerUrl?: string;
  /** The localStorage key holding the state. */
  storageKey?: string;
  /**
   * The app's origin: the OAuth redirect URI (`<origin>/oauth-callback.html`) and the simulated
   * consent page are built from it, never from a request. Default: this page's origin.
   */
  appOrigin?: string;
}

/** A running mock backend in the browser. */
export interface MockBackend {
  worker: SetupWorker;
  store: MockStore;
  /** Stops intercepting requests. */
  stop(): void;
}

/**
 * Starts the MSW mock backend in the browser: a service worker answering the REST contract
 * under `baseUrl` from a store in localStorage, which every window of the origin shares (the
 * OAuth popup and completion page included; each calls this too). Other requests pass through.
 * Rejects on an unknown scenario name rather than silently serving another behaviour.
 */
export async function startMockBackend(
  options: StartMockBackendOptions = {},
): Promise<MockBackend> {
  const {
    scenario,
    quiet = true,
    baseUrl = '/api',
    serviceWorkerUrl = '/mockServiceWorker.js',
    appOrigin = window.location.origin,
  } = options;
  if (scenario !== undefined && !isScenarioName(scenario)) {
    throw new Error(
      `Unknown mock scenario "${scenario}". Use one of: ${scenarioNames.join(', ')}.`,
    );
  }
  const store = createMockStore({
    storage: window.localStorage,
    key: options.storageKey ?? MOCK_STORE_KEY,
  });
  const worker = setupWorker(...handlersForScenario(scenario, { store, baseUrl, appOrigin }));
  const apiPath = new URL(baseUrl, window.location.href).pathname.replace(/\/$/, '');
  await worker.start({
    serviceWorker: { url: serviceWorkerUrl },
    quiet,
    onUnhandledRequest(request, print) {
      // Only a request to the contract that no handler knows is a mistake worth a warning;
      // the app's own assets and pages pass through.
      const { pathname } = new URL(request.url);
      if (pathname === apiPath || pathname.startsWith(`${apiPath}/`)) print.warning();
    },
  });
  return { worker, store, stop: () => worker.stop() };
}
