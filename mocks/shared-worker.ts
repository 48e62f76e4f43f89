/**
 * The one MSW service worker of a browser test run or Storybook, shared by every test and story:
 * each resets it to a fresh in-memory store of its own.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { handlersForScenario, type ScenarioName } from './scenarios';
import { createMemoryStorage, createMockStore, type MockStore, type SeedName } from './store';
import type { HttpHandler } from 'msw';

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

async function sharedWorker(): Promise<SetupWorker> {
  if (worker) return worker;
  starting ??= (async () => {
    const created = setupWorker();
    await created.start({
      quiet: true,
      onUnhandledRequest: 'bypass',
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
  const store = createMockStore({ storage: createMemoryStorage(), seed: options.seed ?? 'empty' });
  await options.prepare?.(store);
  active.resetHandlers(
    ...(options.handlers ?? []),
    ...handlersForScenario(options.scenario, { store, baseUrl: '/api' }),
  );
  return store;
}
