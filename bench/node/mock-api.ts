import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { getResponse } from 'msw';
import { createMockStore, handlersForScenario } from '../../mocks/index';

/** Where the bench page finds the contract, and the path that resets the store between mounts. */
export const API_PREFIX = '/api/';
export const RESET_PATH = '/__bench/reset';

/**
 * The mock backend's own handlers and store, answered from the bench's Node server over real
 * HTTP. In the page (MSW's service worker) they ran on the page's main thread, between the
 * canvas's frames, which no real backend does; here the page pays only for its requests and
 * responses, as it would with a server. Every mount resets the store to the `mixed` seed.
 */
export function createMockApi(origin: string) {
  const store = createMockStore({ seed: 'mixed' });
  const handlers = handlersForScenario(undefined, {
    store,
    baseUrl: `${origin}/api`,
    appOrigin: origin,
  });
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = request.url ?? '/';
    if (path === RESET_PATH && request.method === 'POST') {
      store.reset('mixed');
      response.writeHead(204).end();
      return true;
    }
    if (!path.startsWith(API_PREFIX)) return false;
    const answer = await getResponse(handlers, toFetchRequest(origin, request));
    const { status, headers } = answer ?? new Response(null, { status: 404 });
    response.writeHead(status, Object.fromEntries(headers));
    response.end(answer ? Buffer.from(await answer.arrayBuffer()) : undefined);
    return true;
  };
}

function toFetchRequest(origin: string, request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(new URL(request.url ?? '/', origin), {
    method: request.method,
    headers,
    body: hasBody ? (Readable.toWeb(request) as ReadableStream<Uint8Array>) : undefined,
    // @ts-expect-error Node's fetch needs `duplex` for a streamed body; the DOM types lack it.
    duplex: hasBody ? 'half' : undefined,
  });
}
