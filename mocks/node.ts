import { setupServer, type SetupServer } from 'msw/node';
import { handlersForScenario, type ScenarioName } from './scenarios';
import { createMockStore, type MockStore } from './store';

/** Options of {@link createMockServer}. */
export interface CreateMockServerOptions {
  /** The store to serve; a fresh in-memory one by default. */
  store?: MockStore;
  /** A scenario; none for the plain happy path. */
  scenario?: ScenarioName;
  /** Where the contract is mounted. Node has no page origin, so it is absolute (default `http://localhost/api`). */
  baseUrl?: string;
  /**
   * The app's origin, which the OAuth redirect URI is built from, never from a request.
   * Default: the origin of `baseUrl` (`http://localhost`).
   */
  appOrigin?: string;
}

/** A mock backend for Node (Vitest, scripts). */
export interface MockServer {
  /** MSW's server: `listen()` before the tests, `use()` for per-test overrides, `close()` after. */
  server: SetupServer;
  store: MockStore;
}

/** Creates (without starting) the MSW mock backend for Node, on an in-memory store by default. */
export function createMockServer(options: CreateMockServerOptions = {}): MockServer {
  const store = options.store ?? createMockStore();
  const baseUrl = options.baseUrl ?? 'http://localhost/api';
  const appOrigin = options.appOrigin ?? new URL(baseUrl).origin;
  return {
    server: setupServer(...handlersForScenario(options.scenario, { store, baseUrl, appOrigin })),
    store,
  };
}
