/**
 * The one MSW service worker of a browser test run or Storybook, shared by every test and story:
 * each resets it to a fresh in-memory store of its own.
 *
 * A request no handler answers is an error (`onUnhandledRequest: 'error'`): MSW logs it and fails
 * it (with a 500), and {@link takeUnhandledRequests} lists it for the browser tests' and the
 * stories' `afterEach` to fail on. Every request under `/api` is answered (an unknown route with
 * the contract's 404); Vite's modules, styles and fonts are not the backend's and pass through.
 */
import { isCommonAssetRequest, type HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { handlersForScenario, type ScenarioName } from './scenarios';
import { createMemoryStorage, createMockStore, type MockStore, type SeedName } from './store';

/** What a test or story says about the backend it wants. */
export interface MockBackendOptions {
  scenario?: ScenarioName;
  /** The dataset the store starts from (default `empty`). */
  seed?: SeedName;
  /** Per-test overrides, placed before the scenario's and the happy path's handlers. */
  handlers?: HttpHandler[];
  /** Adjusts the fresh store before the test starts (e.g. creates credentials). */
  prepare?: (store: MockStore) => void | Promise<void>;
}

let worker: SetupWorker | null = null;
let starting: Promise<SetupWorker> | null = null;
/** `METHOD url` of each request no handler answered since the last reset. */
let unhandled: string[] = [];

async function sharedWorker(): Promise<SetupWorker> {
  if (worker) return worker;
  starting ??= (async () => {
    const created = setupWorker();
    // The same exemption as the 'error' strategy's own: static assets are not the backend's.
    created.events.on('request:unhandled', ({ request }) => {
      if (!isCommonAssetRequest(request)) unhandled.push(`${request.method} ${request.url}`);
    });
    await created.start({
      quiet: true,
      onUnhandledRequest: 'error',
      serviceWorker: { url: '/mockServiceWorker.js' },
    });
    worker = created;
    return created;
  })();
  return starting;
}

/**
 * Points the (one, shared) service worker at a fresh in-memory store with the given scenario
 * and overrides. Each call replaces the previous test's handlers entirely.
 */
export async function resetMockBackend(options: MockBackendOptions = {}): Promise<MockStore> {
  const active = await sharedWorker();
  unhandled = [];
  const store = createMockStore({ storage: createMemoryStorage(), seed: options.seed ?? 'empty' });
  await options.prepare?.(store);
  active.resetHandlers(
    ...(options.handlers ?? []),
    ...handlersForScenario(options.scenario, { store, baseUrl: '/api' }),
  );
  return store;
}

/**
 * The requests (`METHOD url`) that no handler answered since the last {@link resetMockBackend},
 * and forgets them: a test or story that made any relied on a request the mock does not serve.
 */
export function takeUnhandledRequests(): string[] {
  const taken = unhandled;
  unhandled = [];
  return taken;
}
