import type { SetupServer } from 'msw/node';
import { afterEach, beforeEach, expect } from 'vitest';
import { createMockServer } from '../../../mocks/node';
import { createMockStore, type MockStore } from '../../../mocks/store';
import type { SeedName } from '../../../mocks/store/seeds';
import type { CredentialsBackend } from '../../../src/credentials/backend';
import { CredentialsError } from '../../../src/credentials/credentials-error';
import { createHttpCredentialsBackend } from '../../../src/credentials/http-backend';

/** Where the contract is served in these tests. */
export const API = 'http://localhost/api';

/** The instant every test starts at. */
export const START = Date.parse('2026-03-02T09:00:00.000Z');

/** One exchange as it crossed the wire, body as raw text. */
export interface RecordedExchange {
  method: string;
  url: string;
  requestBody: string;
  status: number;
  responseBody: string;
}

/** What a contract test works with; fields are replaced before every test. */
export interface ContractContext {
  server: SetupServer;
  store: MockStore;
  /** The real HTTP adapter, pointed at the mock server. */
  backend: CredentialsBackend;
  /** Every exchange the adapter made, in order. */
  exchanges: RecordedExchange[];
  /** Moves the store's clock forward. */
  advance(ms: number): void;
}

/**
 * Starts a fresh mock server on a fresh in-memory store (with an injected clock) before each
 * test, unhandled requests failing the test, and the HTTP adapter with a fetch that records
 * every raw body.
 */
export function useContractBackend(options: { seed?: SeedName } = {}): ContractContext {
  const context = {} as ContractContext;

  beforeEach(() => {
    let now = START;
    const store = createMockStore({ now: () => now, seed: options.seed });
    const { server } = createMockServer({ store, baseUrl: API });
    server.listen({ onUnhandledRequest: 'error' });
    const exchanges: RecordedExchange[] = [];

    const recordingFetch = async (request: Request): Promise<Response> => {
      const requestBody = await request.clone().text();
      const response = await fetch(request);
      exchanges.push({
        method: request.method,
        url: request.url,
        requestBody,
        status: response.status,
        responseBody: await response.clone().text(),
      });
      return response;
    };

    Object.assign(context, {
      server,
      store,
      exchanges,
      backend: createHttpCredentialsBackend({ baseUrl: API, fetch: recordingFetch }),
      advance: (ms: number) => {
        now += ms;
      },
    });
  });

  afterEach(() => {
    context.server.close();
  });

  return context;
}

/** The CredentialsError a call rejects with (fails the test when it resolves or rejects otherwise). */
export async function rejectionOf(pending: Promise<unknown>): Promise<CredentialsError> {
  const outcome = await pending.then(
    (value) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved)
    throw new Error(`Expected a rejection, got ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(CredentialsError);
  if (!(outcome.error instanceof CredentialsError)) throw outcome.error;
  return outcome.error;
}

/** A raw request to the mock server, for what the adapter never sends (malformed bodies, missing headers). */
export function rawRequest(
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string> } = {},
) {
  return fetch(`${API}${path}`, {
    method,
    body: init.body,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}
