import { delay, HttpResponse, type HttpHandler } from 'msw';
import { createOpenApiHttp } from 'openapi-msw';
import type { paths } from '../src/credentials/api-types';
import * as body from './request-body';
import type { MockStore } from './store';
import { MockHttpError, type ErrorBody } from './store/http-error';

/** Options of {@link createHandlers}. */
export interface CreateHandlersOptions {
  /** The state and rules the handlers serve. */
  store: MockStore;
  /** Where the contract is mounted (default `/api`; in Node, an absolute URL such as `http://localhost/api`). */
  baseUrl?: string;
  /** Added to every response, to make loading states visible. */
  latencyMs?: number;
}

/**
 * The mock backend's happy path: one openapi-msw handler per contract operation, each a thin
 * translation between HTTP and the store. Error and edge cases come from the store's own rules
 * or from overrides placed before these handlers (see `scenarios.ts`).
 */
export function createHandlers({
  store,
  baseUrl = '/api',
  latencyMs = 0,
}: CreateHandlersOptions): HttpHandler[] {
  const http = createOpenApiHttp<paths>({ baseUrl });

  /** Waits the latency, then turns the store's refusals into the contract's error envelope. */
  async function serve<R>(
    response: { untyped(response: Response): R },
    run: () => R | Promise<R>,
  ): Promise<R> {
    if (latencyMs > 0) await delay(latencyMs);
    try {
      return await run();
    } catch (error) {
      // Every status the store throws is documented for the operations that can reach it.
      if (error instanceof MockHttpError)
        return response.untyped(errorResponse(error.status, error.body));
      throw error;
    }
  }

  return [
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
        const input = body.parseCreateApiKeyInput(await body.readJsonBody(request));
        return response(201).json(store.createApiKeyCredential(params.providerId, input));
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

    http.get('/providers/{providerId}/oauth-client', ({ params, request, response }) =>
      serve(response, () =>
        response(200).json(store.getOAuthClient(params.providerId, originOf(request))),
      ),
    ),

    http.put('/providers/{providerId}/oauth-client', ({ params, request, response }) =>
      serve(response, async () => {
        const input = body.parseSaveOAuthClientInput(await body.readJsonBody(request));
        return response(200).json(
          store.saveOAuthClient(params.providerId, input, originOf(request)),
        );
      }),
    ),

    http.delete('/providers/{providerId}/oauth-client', ({ params, request, response }) =>
      serve(response, () =>
        response(200).json(store.deleteOAuthClient(params.providerId, originOf(request))),
      ),
    ),

    http.post('/providers/{providerId}/oauth/flows', ({ params, request, response }) =>
      serve(response, async () => {
        const input = body.parseStartOAuthFlowInput(await body.readJsonBody(request));
        return response(201).json(
          await store.startOAuthFlow(params.providerId, input, originOf(request)),
        );
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
  ];
}

/** A response in the contract's error envelope. */
export function errorResponse(
  status: number,
  error: ErrorBody,
  headers?: HeadersInit,
): HttpResponse<{ error: ErrorBody }> {
  return HttpResponse.json({ error }, { status, headers });
}

function originOf(request: Request): string {
  return new URL(request.url).origin;
}
