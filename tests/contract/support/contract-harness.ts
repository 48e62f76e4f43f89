import type { SetupServer } from 'msw/node';
import {
  CredentialsError,
  createHttpCredentialsBackend,
  type CredentialsBackend,
} from 'pipeline-connect';
import { createMockStore, type MockStore, type SeedName } from 'pipeline-connect/mocks';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
// The msw/node starter is not a package entry (hosts call setupServer(...createHandlers())).
import { createMockServer } from '../../../mocks/node';

/**
 * Which backend the suite holds to the contract: the MSW mock (default) or the reference server
 * (`CONTRACT_TARGET=server`, in-process over PGlite, or PostgreSQL with `CONTRACT_DATABASE_URL`).
 */
export const CONTRACT_TARGET: 'mock' | 'server' =
  process.env.CONTRACT_TARGET === 'server' ? 'server' : 'mock';

/**
 * A test that inspects or steers the mock's own store or MSW (its scenarios, overrides, the
 * simulated provider): it means nothing against another backend, so it runs on the mock only.
 */
export const mockOnlyIt = it.runIf(CONTRACT_TARGET === 'mock');

/**
 * How long starting a target may take. The server target's first test in a worker also starts
 * its database and the stand-ins (PGlite, the provider APIs, the authorization server), which
 * takes seconds, more on a busy machine: longer than Vitest's default hook timeout.
 */
const SETUP_TIMEOUT_MS = CONTRACT_TARGET === 'server' ? 60_000 : 10_000;

/** Where the contract is served in these tests. */
export const API = 'http://localhost/api';

/** The instant every test starts at. */
export const START = Date.parse('2026-03-02T09:00:00.000Z');

/** One exchange as it crossed the wire, body as raw text. */
export interface RecordedExchange {
  method: string;
  url: string;
  /** The headers the adapter sent, names in lowercase (as `Headers` gives them). */
  requestHeaders: Record<string, string>;
  requestBody: string;
  status: number;
  responseBody: string;
}

/** What a contract test works with; fields are replaced before every test. */
export interface ContractContext {
  /** The MSW server (mock target only: reading it on the server target fails the test). */
  server: SetupServer;
  /** The mock's store (mock target only). */
  store: MockStore;
  /** The real HTTP adapter, pointed at the target. */
  backend: CredentialsBackend;
  /** Every exchange the adapter made, in order. */
  exchanges: RecordedExchange[];
  /** Moves the target's clock forward (the mock store's, or the server's injected clock). */
  advance(ms: number): void;
}

/**
 * Starts a fresh mock server on a fresh in-memory store (with an injected clock) before each
 * test, unhandled requests failing the test, and the HTTP adapter with a fetch that records
 * every raw body.
 */
export function useContractBackend(options: { seed?: SeedName } = {}): ContractContext {
  const context = {} as ContractContext;

  let stop: () => Promise<void> = async () => {};

  beforeEach(async () => {
    let now = START;
    const exchanges: RecordedExchange[] = [];
    if (CONTRACT_TARGET === 'server') {
      if (options.seed !== undefined && options.seed !== 'empty') {
        throw new Error('Seeded datasets are the mock’s: use mockOnlyIt or seed through the API.');
      }
      const { startServerTarget } = await import('./server-target');
      const target = await startServerTarget(() => now);
      const realFetch = globalThis.fetch;
      const cookies = createCookieJar();
      // The adapter, rawRequest and the consent helper call the global fetch, as in a browser:
      // route the contract's base URL to the server in-process, with the browser's cookies; let
      // the consent pages of the stand-in authorization server (a loopback port) through; refuse
      // anything else (nothing leaves the machine).
      vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        if (new URL(request.url).origin === target.authorizationOrigin) {
          return realFetch(input, init);
        }
        if (!request.url.startsWith(`${API}/`) && request.url !== API) {
          throw new Error(`Unexpected request outside the contract: ${request.url}`);
        }
        const response = await target.fetch(cookies.attach(request));
        cookies.keep(response);
        return response;
      });
      stop = async () => {
        vi.unstubAllGlobals();
        await target.close();
      };
    }

    const recordingFetch = async (request: Request): Promise<Response> => {
      const requestBody = await request.clone().text();
      const response = await fetch(request);
      exchanges.push({
        method: request.method,
        url: request.url,
        requestHeaders: Object.fromEntries(request.headers),
        requestBody,
        status: response.status,
        responseBody: await response.clone().text(),
      });
      return response;
    };

    const mockOnly = (what: string) => () => {
      throw new Error(`ctx.${what} belongs to the mock target: use mockOnlyIt for this test.`);
    };
    let mock: { server: SetupServer; store: MockStore } | null = null;
    if (CONTRACT_TARGET === 'mock') {
      const store = createMockStore({ now: () => now, seed: options.seed });
      const { server } = createMockServer({ store, baseUrl: API });
      server.listen({ onUnhandledRequest: 'error' });
      mock = { server, store };
      stop = async () => server.close();
    }
    Object.defineProperty(context, 'server', {
      configurable: true,
      get: mock ? () => mock.server : mockOnly('server'),
    });
    Object.defineProperty(context, 'store', {
      configurable: true,
      get: mock ? () => mock.store : mockOnly('store'),
    });

    Object.assign(context, {
      exchanges,
      backend: createHttpCredentialsBackend({ baseUrl: API, fetch: recordingFetch }),
      advance: (ms: number) => {
        now += ms;
      },
    });
  }, SETUP_TIMEOUT_MS);

  afterEach(async () => {
    await stop();
  });

  return context;
}

/**
 * The cookies a browser would keep for the API's origin. The server binds an OAuth flow to the
 * browser that started it (an HttpOnly cookie set on the start response, checked on the
 * callback), so the server target's fetch keeps what API responses set and sends it back, as
 * the browser does for the adapter's same-origin calls. One origin, one path (`/`), no expiry
 * but a removal (`Max-Age=0`): all this server's cookies need. The mock sets none.
 */
function createCookieJar() {
  const jar = new Map<string, string>();
  return {
    /** The request with the kept cookies added to any it carries. */
    attach(request: Request): Request {
      if (jar.size === 0) return request;
      const kept = [...jar].map(([name, value]) => `${name}=${value}`);
      const headers = new Headers(request.headers);
      headers.set('cookie', [headers.get('cookie'), ...kept].filter(Boolean).join('; '));
      return new Request(request, { headers });
    },
    /** Keeps (or removes) what the response's `Set-Cookie` headers say. */
    keep(response: Response): void {
      for (const header of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
        const separator = pair.indexOf('=');
        if (separator <= 0) continue;
        const name = pair.slice(0, separator);
        const removed = attributes.some((attribute) => /^max-age=(0|-\d+)$/i.test(attribute));
        if (removed) jar.delete(name);
        else jar.set(name, pair.slice(separator + 1));
      }
    },
  };
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
  init: {
    body?: string | Uint8Array<ArrayBuffer>;
    headers?: Record<string, string>;
    /**
     * The `Content-Type` sent (default `application/json`); `null` sends none (a text body then
     * goes as bytes, since fetch would label a string `text/plain`).
     */
    contentType?: string | null;
  } = {},
) {
  const { contentType = 'application/json' } = init;
  const body =
    contentType === null && typeof init.body === 'string'
      ? new TextEncoder().encode(init.body)
      : init.body;
  return fetch(`${API}${path}`, {
    method,
    body,
    headers: { ...(contentType === null ? {} : { 'Content-Type': contentType }), ...init.headers },
  });
}
