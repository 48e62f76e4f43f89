import { delay, http as untypedHttp, HttpResponse, type HttpHandler } from 'msw';
import { createOpenApiHttp } from 'openapi-msw';
import type { paths } from '../src/credentials/api-types';
import { idempotencyFingerprint } from '../src/rules/idempotency';
import { isDotSegment } from '../src/rules/path-ids';
import * as body from './request-body';
import type { MockStore } from './store';
import { MockHttpError, type ErrorBody } from './store/http-error';
import { sha256Hex } from './store/random';

/** Options of {@link createHandlers}. */
export interface CreateHandlersOptions {
  /** The state and rules the handlers serve. */
  store: MockStore;
  /** Where the contract is mounted (default `/api`; in Node, an absolute URL such as `http://localhost/api`). */
  baseUrl?: string;
  /** Added to every response, to make loading states visible. */
  latencyMs?: number;
  /**
   * The origin of the app the mock serves, where the OAuth completion page
   * (`/oauth-callback.html`) and the simulated consent page live: the redirect URI and the
   * authorization URL are built from it, never from a request's `Host` or URL. Default: the
   * page's origin in a browser, else the origin of an absolute `baseUrl`, else
   * `http://localhost`.
   */
  appOrigin?: string;
}

/**
 * The mock backend's happy path: one openapi-msw handler per contract operation, each a thin
 * translation between HTTP and the store. Error and edge cases come from the store's own rules
 * or from overrides placed before these handlers (see `scenarios.ts`). Around them, every
 * request under `baseUrl` gets the contract's error envelope however malformed it is (see
 * {@link createRequestGuards}), an unknown route a 404, and every response
 * `Cache-Control: no-store`.
 */
export function createHandlers({
  store,
  baseUrl = '/api',
  latencyMs = 0,
  appOrigin = defaultAppOrigin(baseUrl),
}: CreateHandlersOptions): HttpHandler[] {
  const http = createOpenApiHttp<paths>({ baseUrl });

  /**
   * Waits the latency, runs the operation, and answers in the contract's terms: the store's
   * refusals as the error envelope, anything unexpected as a bare 500 envelope (never a stack),
   * and every response uncacheable.
   */
  async function serve<R>(
    response: { untyped(response: Response): R },
    run: () => R | Promise<R>,
  ): Promise<R> {
    if (latencyMs > 0) await delay(latencyMs);
    let result: R;
    try {
      result = await run();
    } catch (error) {
      // Every status the store throws is documented for the operations that can reach it.
      if (error instanceof MockHttpError)
        return response.untyped(errorResponse(error.status, error.body, error.headers));
      console.error('[pipeline-connect mock] A handler failed:', error);
      return response.untyped(errorResponse(500, SERVER_ERROR));
    }
    if (result instanceof Response) result.headers.set('Cache-Control', 'no-store');
    return result;
  }

  return [
    ...createRequestGuards(baseUrl),

    http.get('/providers', ({ response }) =>
      serve(response, () => response(200).json({ providers: store.listProviders() })),
    ),

    http.get('/credentials', ({ query, response }) =>
      serve(response, () => {
        const providerId = query.get('providerId') ?? undefined;
        return response(200).json({ credentials: store.listCredentials({ providerId }) });
      }),
    ),

    http.post('/providers/{providerId}/credentials', ({ params, request, response }) =>
      serve(response, async () => {
        const key = body.readIdempotencyKey(request);
        const input = body.parseCreateApiKeyInput(await body.readJsonBody(request));
        const idempotency =
          key === null
            ? undefined
            : { key, bodyHash: await sha256Hex(idempotencyFingerprint(input)) };
        return response(201).json(
          store.createApiKeyCredential(params.providerId, input, idempotency),
        );
      }),
    ),

    http.post('/providers/{providerId}/credentials/verify', ({ params, request, response }) =>
      serve(response, async () => {
        const input = body.parseVerifyApiKeyInput(await body.readJsonBody(request));
        return response(200).json(store.verifyApiKeyDraft(params.providerId, input.values));
      }),
    ),

    http.post('/credentials/{credentialId}/verify', ({ params, request, response }) =>
      serve(response, async () => {
        const input = body.parseVerifyCredentialInput(await body.readJsonBody(request));
        return response(200).json(store.verifyCredential(params.credentialId, input.values));
      }),
    ),

    http.patch('/credentials/{credentialId}', ({ params, request, response }) =>
      serve(response, async () => {
        const input = body.parseUpdateCredentialInput(await body.readJsonBody(request));
        const credential = store.updateCredential(
          params.credentialId,
          request.headers.get('If-Match'),
          input,
        );
        return response(200).json(credential);
      }),
    ),

    http.delete('/credentials/{credentialId}', ({ params, request, response }) =>
      serve(response, () => {
        store.deleteCredential(params.credentialId, request.headers.get('If-Match'));
        return response(204).empty();
      }),
    ),

    http.put('/providers/{providerId}/default-credential', ({ params, request, response }) =>
      serve(response, async () => {
        const { credentialId } = body.parseSetDefaultInput(await body.readJsonBody(request));
        store.setDefaultCredential(params.providerId, credentialId);
        return response(204).empty();
      }),
    ),

    http.get('/providers/{providerId}/oauth-client', ({ params, response }) =>
      serve(response, () => response(200).json(store.getOAuthClient(params.providerId, appOrigin))),
    ),

    http.put('/providers/{providerId}/oauth-client', ({ params, request, response }) =>
      serve(response, async () => {
        const input = body.parseSaveOAuthClientInput(await body.readJsonBody(request));
        return response(200).json(store.saveOAuthClient(params.providerId, input, appOrigin));
      }),
    ),

    http.delete('/providers/{providerId}/oauth-client', ({ params, response }) =>
      serve(response, () =>
        response(200).json(store.deleteOAuthClient(params.providerId, appOrigin)),
      ),
    ),

    http.post('/providers/{providerId}/oauth/flows', ({ params, request, response }) =>
      serve(response, async () => {
        const input = body.parseStartOAuthFlowInput(await body.readJsonBody(request));
        return response(201).json(await store.startOAuthFlow(params.providerId, input, appOrigin));
      }),
    ),

    http.get('/oauth/flows/{flowId}', ({ params, response }) =>
      serve(response, () => response(200).json(store.getOAuthFlow(params.flowId))),
    ),

    http.delete('/oauth/flows/{flowId}', ({ params, response }) =>
      serve(response, () => response(200).json(store.cancelOAuthFlow(params.flowId))),
    ),

    http.post('/oauth/callback', ({ request, response }) =>
      serve(response, async () => {
        const input = body.parseOAuthCallbackInput(await body.readJsonBody(request));
        return response(200).json(await store.completeOAuthCallback(input));
      }),
    ),

    // Last: whatever no operation matched under the base is a 404 in the envelope.
    untypedHttp.all(
      ({ request }) => apiPathOf(request.url, baseUrl) !== null,
      () =>
        errorResponse(404, {
          code: 'not_found',
          message: 'There is no such endpoint.',
          retryable: false,
        }),
    ),
  ];
}

/**
 * Handlers to place before any other for the contract under `baseUrl`: a path with broken
 * percent-encoding (`/oauth/flows/%E0%A4%A`, which MSW's routing cannot decode and would turn
 * into a 500 carrying a stack) is a 400, and a `.` or `..` segment (which the URL parser
 * normally resolves away, but a raw request line can carry) a 404, both in the envelope.
 */
export function createRequestGuards(baseUrl = '/api'): HttpHandler[] {
  return [
    untypedHttp.all(
      ({ request }) => pathProblem(apiPathOf(request.url, baseUrl)) !== null,
      ({ request }) =>
        pathProblem(apiPathOf(request.url, baseUrl)) === 'malformed'
          ? errorResponse(400, {
              code: 'bad_request',
              message: 'The request path is not valid percent-encoding.',
              retryable: false,
            })
          : errorResponse(404, {
              code: 'not_found',
              message: 'There is no such endpoint.',
              retryable: false,
            }),
    ),
  ];
}

/** A response in the contract's error envelope (uncacheable, as every response is). */
export function errorResponse(
  status: number,
  error: ErrorBody,
  headers?: HeadersInit,
): HttpResponse<{ error: ErrorBody }> {
  const all = new Headers(headers);
  all.set('Cache-Control', 'no-store');
  return HttpResponse.json({ error }, { status, headers: all });
}

const SERVER_ERROR: ErrorBody = {
  code: 'server_error',
  message: 'Something went wrong on our side.',
  retryable: false,
};

/** The origin the redirect URI is built from when none is configured. */
function defaultAppOrigin(baseUrl: string): string {
  if (typeof location !== 'undefined') return location.origin;
  return URL.canParse(baseUrl) ? new URL(baseUrl).origin : 'http://localhost';
}

/** The part of a request's path below `baseUrl` (`/providers`, or `''`), or null when outside it. */
function apiPathOf(requestUrl: string, baseUrl: string): string | null {
  const url = new URL(requestUrl);
  const base = new URL(baseUrl, typeof location === 'undefined' ? url.origin : location.href);
  if (base.origin !== url.origin) return null;
  const prefix = base.pathname.replace(/\/+$/, '');
  if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return null;
  return url.pathname.slice(prefix.length);
}

function pathProblem(path: string | null): 'malformed' | 'dot-segment' | null {
  if (path === null) return null;
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 'malformed';
    }
    if (isDotSegment(decoded)) return 'dot-segment';
  }
  return null;
}
