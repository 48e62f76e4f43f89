import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  CredentialsError,
  createHttpCredentialsBackend,
  type CredentialsBackend,
} from 'pipeline-connect';
import { errorResponse } from 'pipeline-connect/mocks';
import { describe, expect, it } from 'vitest';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { createMockHttp } from '../../mocks/mock-http';
// Internal on purpose: the stand-in key formats the mock and the server verify keys with.
import { exampleProviderKey } from '../../src/rules/provider-key-formats';
import { API, rejectionOf, useContractBackend } from './support/contract-harness';

const FIRECRAWL_KEY = exampleProviderKey('firecrawl');

/** The errors every operation documents (and the lint rule enforces). */
type CommonStatus = 401 | 403 | 429 | 500 | 503;

const envelopes: Record<
  CommonStatus,
  { code: string; message: string; retryable: boolean; headers?: Record<string, string> }
> = {
  401: { code: 'unauthorized', message: 'Sign in again.', retryable: false },
  403: { code: 'forbidden', message: 'Not allowed.', retryable: false },
  429: {
    code: 'rate_limited',
    message: 'Slow down.',
    retryable: true,
    headers: { 'Retry-After': '30' },
  },
  500: { code: 'server_error', message: 'Broken.', retryable: false },
  503: {
    code: 'server_error',
    message: 'Down for a moment.',
    retryable: true,
    headers: { 'Retry-After': '5' },
  },
};

const api = createMockHttp(API);

interface Operation {
  name: keyof CredentialsBackend;
  call: (backend: CredentialsBackend) => Promise<unknown>;
  /** A typed override: the status must be documented for the operation, or this file fails to compile. */
  fail: (status: CommonStatus) => HttpHandler;
}

function envelope(status: CommonStatus) {
  const { headers, ...error } = envelopes[status];
  return [{ error }, { headers }] as const;
}

const operations: Operation[] = [
  {
    name: 'listProviders',
    call: (backend) => backend.listProviders(),
    fail: (status) =>
      api.get('/providers', ({ response }) => response(status).json(...envelope(status))),
  },
  {
    name: 'listCredentials',
    call: (backend) => backend.listCredentials({ providerId: 'notion' }),
    fail: (status) =>
      api.get('/credentials', ({ response }) => response(status).json(...envelope(status))),
  },
  {
    name: 'createApiKeyCredential',
    call: (backend) =>
      backend.createApiKeyCredential('firecrawl', { values: { firecrawl_api_key: FIRECRAWL_KEY } }),
    fail: (status) =>
      api.post('/providers/{providerId}/credentials', ({ response }) =>
        response(status).json(...envelope(status)),
      ),
  },
  {
    name: 'updateCredential',
    call: (backend) => backend.updateCredential('cred', 1, { name: 'x' }),
    fail: (status) =>
      api.patch('/credentials/{credentialId}', ({ response }) =>
        response(status).json(...envelope(status)),
      ),
  },
  {
    name: 'verifyApiKeyDraft',
    call: (backend) =>
      backend.verifyApiKeyDraft('firecrawl', { values: { firecrawl_api_key: FIRECRAWL_KEY } }),
    fail: (status) =>
      api.post('/providers/{providerId}/credentials/verify', ({ response }) =>
        response(status).json(...envelope(status)),
      ),
  },
  {
    name: 'verifyCredential',
    call: (backend) => backend.verifyCredential('cred'),
    fail: (status) =>
      api.post('/credentials/{credentialId}/verify', ({ response }) =>
        response(status).json(...envelope(status)),
      ),
  },
  {
    name: 'deleteCredential',
    call: (backend) => backend.deleteCredential('cred', 1),
    fail: (status) =>
      api.delete('/credentials/{credentialId}', ({ response }) =>
        response(status).json(...envelope(status)),
      ),
  },
  {
    name: 'setDefaultCredential',
    call: (backend) => backend.setDefaultCredential('notion', 'cred'),
    fail: (status) =>
      api.put('/providers/{providerId}/default-credential', ({ response }) =>
        response(status).json(...envelope(status)),
      ),
  },
  {
    name: 'getOAuthClient',
    call: (backend) => backend.getOAuthClient('notion'),
    fail: (status) =>
      api.get('/providers/{providerId}/oauth-client', ({ response }) =>
        response(status).json(...envelope(status)),
      ),
  },
  {
    name: 'saveOAuthClient',
    call: (backend) => backend.saveOAuthClient('notion', { mode: 'default' }),
    fail: (status) =>
      api.put('/providers/{providerId}/oauth-client', ({ response }) =>
        response(status).json(...envelope(status)),
      ),
  },
  {
    name: 'deleteOAuthClient',
    call: (backend) => backend.deleteOAuthClient('notion'),
    fail: (status) =>
      api.delete('/providers/{providerId}/oauth-client', ({ response }) =>
        response(status).json(...envelope(status)),
      ),
  },
  {
    name: 'startOAuth',
    call: (backend) => backend.startOAuth('notion'),
    fail: (status) =>
      api.post('/providers/{providerId}/oauth/flows', ({ response }) =>
        response(status).json(...envelope(status)),
      ),
  },
  {
    name: 'getOAuthFlow',
    call: (backend) => backend.getOAuthFlow('flow'),
    fail: (status) =>
      api.get('/oauth/flows/{flowId}', ({ response }) =>
        response(status).json(...envelope(status)),
      ),
  },
  {
    name: 'cancelOAuthFlow',
    call: (backend) => backend.cancelOAuthFlow('flow'),
    fail: (status) =>
      api.delete('/oauth/flows/{flowId}', ({ response }) =>
        response(status).json(...envelope(status)),
      ),
  },
  {
    name: 'completeOAuthCallback',
    call: (backend) => backend.completeOAuthCallback({ state: 's', code: 'c' }),
    fail: (status) =>
      api.post('/oauth/callback', ({ response }) => response(status).json(...envelope(status))),
  },
];

const statuses: CommonStatus[] = [401, 403, 429, 500, 503];
const cases = operations.flatMap((operation) =>
  statuses.map((status) => [operation.name, status, operation] as const),
);

describe('errors every operation documents', () => {
  const ctx = useContractBackend();

  it('covers every method of the port', () => {
    const methods = Object.keys(ctx.backend).sort();
    expect(operations.map((operation) => operation.name).sort()).toEqual(methods);
  });

  it.each(cases)(
    '%s: %i becomes a CredentialsError from the envelope',
    async (_name, status, operation) => {
      ctx.server.use(operation.fail(status));
      const error = await rejectionOf(operation.call(ctx.backend));
      const expected = envelopes[status];

      expect(error).toMatchObject({
        name: 'CredentialsError',
        status,
        code: expected.code,
        message: expected.message,
        retryable: expected.retryable,
        fieldErrors: {},
        retryAfterSeconds: expected.headers ? Number(expected.headers['Retry-After']) : null,
      });
    },
  );

  it.each(operations.map((operation) => [operation.name, operation] as const))(
    '%s: a network failure becomes status 0 network_error, retryable',
    async (_name, operation) => {
      // Every operation at once: a catch-all, which no one contract path types.
      ctx.server.use(http.all(`${API}/*`, () => HttpResponse.error()));
      const error = await rejectionOf(operation.call(ctx.backend));

      expect(error).toMatchObject({
        status: 0,
        code: 'network_error',
        retryable: true,
        retryAfterSeconds: null,
      });
      expect(error.cause).toBeInstanceOf(TypeError);
    },
  );
});

describe('responses outside the contract', () => {
  const ctx = useContractBackend();

  it.each([
    [502, 'text/html', '<html>Bad Gateway</html>', 'server_error', true],
    [500, 'application/json', '{"message":"boom"}', 'server_error', true],
    [404, 'text/plain', 'Not Found', 'not_found', false],
    [409, 'application/json', '{"error":"duplicate"}', 'conflict', false],
    [401, 'text/plain', '', 'unauthorized', false],
    [418, 'text/plain', "I'm a teapot", 'http_error', false],
  ])(
    'a %i %s body becomes a status-derived error',
    async (status, contentType, body, code, retryable) => {
      // Bodies outside the contract on purpose: the path is typed, the answer untyped.
      ctx.server.use(
        api.get('/providers', ({ response }) =>
          response.untyped(
            new HttpResponse(body, { status, headers: { 'Content-Type': contentType } }),
          ),
        ),
      );
      const error = await rejectionOf(ctx.backend.listProviders());

      expect(error).toMatchObject({ status, code, retryable, fieldErrors: {} });
      expect(error.message).toContain(String(status));
    },
  );

  it('keeps only well-formed field errors from an envelope', async () => {
    ctx.server.use(
      api.post('/providers/{providerId}/credentials', () =>
        errorResponse(422, {
          code: 'validation_failed',
          message: 'Check it.',
          fieldErrors: { api_key: 'Required.' },
          retryable: false,
        }),
      ),
    );
    const error = await rejectionOf(
      ctx.backend.createApiKeyCredential('firecrawl', { values: {} }),
    );
    expect(error.fieldErrors).toEqual({ api_key: 'Required.' });
  });

  it('reports a success that is not JSON (an HTML fallback page) as invalid_response', async () => {
    ctx.server.use(
      api.get('/providers', ({ response }) =>
        response.untyped(HttpResponse.html('<!doctype html><title>App</title>')),
      ),
    );
    const error = await rejectionOf(ctx.backend.listProviders());
    expect(error).toMatchObject({ status: 200, code: 'invalid_response', retryable: false });
  });

  it('reports an empty success where a body was due as invalid_response', async () => {
    ctx.server.use(
      api.get('/oauth/flows/{flowId}', ({ response }) =>
        response.untyped(new HttpResponse(null, { status: 200 })),
      ),
    );
    const error = await rejectionOf(ctx.backend.getOAuthFlow('flow'));
    expect([error.status, error.code]).toEqual([200, 'invalid_response']);
  });

  it('reads Retry-After given as an HTTP date, and ignores a malformed one', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    // Bare `{}` bodies (no envelope) on purpose: only the Retry-After header is read here.
    ctx.server.use(
      api.get('/providers', ({ response }) =>
        response.untyped(
          HttpResponse.json({}, { status: 429, headers: { 'Retry-After': inTwoMinutes } }),
        ),
      ),
      api.get('/credentials', ({ response }) =>
        response.untyped(
          HttpResponse.json({}, { status: 503, headers: { 'Retry-After': 'soon' } }),
        ),
      ),
    );
    const dated = await rejectionOf(ctx.backend.listProviders());
    expect(dated.retryAfterSeconds).toBeGreaterThanOrEqual(118);
    expect(dated.retryAfterSeconds).toBeLessThanOrEqual(120);
    expect((await rejectionOf(ctx.backend.listCredentials())).retryAfterSeconds).toBeNull();
  });
});

describe('cancellation', () => {
  const ctx = useContractBackend();

  it('rejects an aborted call with the AbortError itself, not a CredentialsError', async () => {
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    ctx.server.use(
      api.get('/providers', async ({ response }) => {
        arrived();
        // A slow answer, which the abort below must not wait for.
        await delay(2000);
        return response(200).json({ providers: [] });
      }),
    );
    const controller = new AbortController();
    const pending = ctx.backend.listProviders({ signal: controller.signal });
    // Abort while the request is in flight: once the backend has it.
    await reached;
    controller.abort();

    const error: unknown = await pending.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(CredentialsError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });

  it('passes a custom abort reason through unchanged', async () => {
    const reason = new Error('navigated away');
    const controller = new AbortController();
    controller.abort(reason);
    await expect(ctx.backend.getOAuthFlow('flow', { signal: controller.signal })).rejects.toBe(
      reason,
    );
  });
});

describe('headers option', () => {
  const ctx = useContractBackend();
  const seen = (): string[] => {
    const values: string[] = [];
    ctx.server.events.on('request:start', ({ request }) => {
      values.push(request.headers.get('Authorization') ?? '(none)');
    });
    return values;
  };

  it('sends fixed headers with every request', async () => {
    const values = seen();
    const backend = createHttpCredentialsBackend({
      baseUrl: API,
      headers: { Authorization: 'Bearer fixed' },
    });
    await backend.listProviders();
    await backend.createApiKeyCredential('firecrawl', {
      values: { firecrawl_api_key: FIRECRAWL_KEY },
    });
    expect(values).toEqual(['Bearer fixed', 'Bearer fixed']);
  });

  it('calls a headers function before every request, async ones included', async () => {
    const values = seen();
    let issued = 0;
    const backend = createHttpCredentialsBackend({
      baseUrl: API,
      headers: async () => {
        issued += 1;
        return { Authorization: `Bearer token-${issued}` };
      },
    });
    await backend.listProviders();
    await backend.listCredentials();
    expect(values).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('keeps the contract’s own headers when host headers are added', async () => {
    const created = await ctx.backend.createApiKeyCredential('firecrawl', {
      values: { firecrawl_api_key: FIRECRAWL_KEY },
    });
    const backend = createHttpCredentialsBackend({
      baseUrl: API,
      headers: () => ({ Authorization: 'Bearer x' }),
    });
    const renamed = await backend.updateCredential(created.id, 1, { name: 'Renamed' });
    expect(renamed.name).toBe('Renamed');
  });
});
