/**
 * Mock only: the HTTP adapter against responses no conforming backend sends, made with MSW
 * overrides. It tests the adapter's guards, not a backend, so it runs on the mock target alone.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { PathsFor } from 'openapi-msw';
import type { CredentialsBackend } from 'pipeline-connect';
import { describe, expect, it } from 'vitest';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { createMockHttp } from '../../mocks/mock-http';
import { API, rejectionOf, useContractBackend } from './support/contract-harness';

const api = createMockHttp(API);

const credential = {
  id: 'cred-1',
  providerId: 'firecrawl',
  name: 'Production',
  method: 'api_key',
  status: 'active',
  account: null,
  values: { firecrawl_api_key: '********' },
  isDefault: true,
  version: 1,
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  expiresAt: null,
  lastVerifiedAt: '2026-03-02T09:00:00.000Z',
  lastRefreshAt: null,
  lastError: null,
};
const report = {
  outcome: 'accepted',
  message: 'Firecrawl accepted this key.',
  fieldErrors: {},
  retryAfterSeconds: null,
  checkedAt: '2026-03-02T09:00:00.000Z',
} as const;
const flowStatus = {
  flowId: 'flow-1',
  providerId: 'notion',
  status: 'pending',
  credentialId: null,
  outcome: null,
  error: null,
} as const;
const settings = {
  providerId: 'notion',
  mode: 'default',
  hasPlatformClient: true,
  custom: null,
  redirectUri: 'http://localhost/oauth-callback.html',
};

/** A contract operation: a method and one of the contract's paths for it. */
type Route =
  | [method: 'get', path: PathsFor<typeof api.get>]
  | [method: 'post', path: PathsFor<typeof api.post>]
  | [method: 'patch', path: PathsFor<typeof api.patch>]
  | [method: 'put', path: PathsFor<typeof api.put>]
  | [method: 'delete', path: PathsFor<typeof api.delete>];

type Case = [
  label: string,
  ...route: Route,
  body: unknown,
  call: (backend: CredentialsBackend) => Promise<unknown>,
];

/**
 * Answers the operation with a 200 carrying `body`: a typed path, and an untyped answer, since
 * these bodies are the ones the contract rules out.
 */
function answerWith(route: Route, body: unknown): HttpHandler {
  const json = () => HttpResponse.json(body as object);
  switch (route[0]) {
    case 'get':
      return api.get(route[1], ({ response }) => response.untyped(json()));
    case 'post':
      return api.post(route[1], ({ response }) => response.untyped(json()));
    case 'patch':
      return api.patch(route[1], ({ response }) => response.untyped(json()));
    case 'put':
      return api.put(route[1], ({ response }) => response.untyped(json()));
    case 'delete':
      return api.delete(route[1], ({ response }) => response.untyped(json()));
  }
}

const wrongShapes: Case[] = [
  ['listProviders: {}', 'get', '/providers', {}, (b) => b.listProviders()],
  [
    'listProviders: a provider without fields',
    'get',
    '/providers',
    { providers: [{ id: 'x' }] },
    (b) => b.listProviders(),
  ],
  ['listCredentials: {}', 'get', '/credentials', {}, (b) => b.listCredentials()],
  ['listCredentials: an array', 'get', '/credentials', [credential], (b) => b.listCredentials()],
  [
    'listCredentials: a numeric id',
    'get',
    '/credentials',
    { credentials: [{ ...credential, id: 7 }] },
    (b) => b.listCredentials(),
  ],
  [
    'listCredentials: values not an object',
    'get',
    '/credentials',
    { credentials: [{ ...credential, values: 'x' }] },
    (b) => b.listCredentials(),
  ],
  [
    'createApiKeyCredential: {}',
    'post',
    '/providers/{providerId}/credentials',
    {},
    (b) => b.createApiKeyCredential('firecrawl', { values: {} }),
  ],
  [
    'updateCredential: a credential without a version',
    'patch',
    '/credentials/{credentialId}',
    { ...credential, version: undefined },
    (b) => b.updateCredential('cred-1', 1, { name: 'x' }),
  ],
  [
    'listCredentials: a credential without lastVerifiedAt',
    'get',
    '/credentials',
    { credentials: [{ ...credential, lastVerifiedAt: undefined }] },
    (b) => b.listCredentials(),
  ],
  [
    'listCredentials: a lastError without its code',
    'get',
    '/credentials',
    { credentials: [{ ...credential, lastError: { message: 'x', at: null } }] },
    (b) => b.listCredentials(),
  ],
  [
    'verifyApiKeyDraft: an unknown outcome',
    'post',
    '/providers/{providerId}/credentials/verify',
    { ...report, outcome: 'maybe' },
    (b) => b.verifyApiKeyDraft('firecrawl', { values: {} }),
  ],
  [
    'verifyCredential: a report without its credential',
    'post',
    '/credentials/{credentialId}/verify',
    { report },
    (b) => b.verifyCredential('cred-1'),
  ],
  [
    'getOAuthClient: {}',
    'get',
    '/providers/{providerId}/oauth-client',
    {},
    (b) => b.getOAuthClient('notion'),
  ],
  [
    'saveOAuthClient: an unknown mode',
    'put',
    '/providers/{providerId}/oauth-client',
    { ...settings, mode: 'other' },
    (b) => b.saveOAuthClient('notion', { mode: 'default' }),
  ],
  [
    'deleteOAuthClient: null',
    'delete',
    '/providers/{providerId}/oauth-client',
    null,
    (b) => b.deleteOAuthClient('notion'),
  ],
  [
    'startOAuth: no authorization URL',
    'post',
    '/providers/{providerId}/oauth/flows',
    { flowId: 'f', expiresAt: 'x' },
    (b) => b.startOAuth('notion'),
  ],
  [
    'getOAuthFlow: an unknown status',
    'get',
    '/oauth/flows/{flowId}',
    { ...flowStatus, status: 'done' },
    (b) => b.getOAuthFlow('flow-1'),
  ],
  [
    'cancelOAuthFlow: {}',
    'delete',
    '/oauth/flows/{flowId}',
    {},
    (b) => b.cancelOAuthFlow('flow-1'),
  ],
  [
    'getOAuthFlow: an unknown outcome',
    'get',
    '/oauth/flows/{flowId}',
    { ...flowStatus, status: 'succeeded', credentialId: 'c', outcome: 'merged' },
    (b) => b.getOAuthFlow('flow-1'),
  ],
  [
    'completeOAuthCallback: an error without a message',
    'post',
    '/oauth/callback',
    { ...flowStatus, status: 'failed', error: { code: 'x' } },
    (b) => b.completeOAuthCallback({ state: 's' }),
  ],
];

describe('the adapter checks the shape of what it returns', () => {
  const ctx = useContractBackend();

  it.each(wrongShapes)(
    '%s rejects with invalid_response',
    async (_label, method, path, body, call) => {
      ctx.server.use(answerWith([method, path] as Route, body));
      const error = await rejectionOf(call(ctx.backend));
      expect(error).toMatchObject({ status: 200, code: 'invalid_response', retryable: false });
    },
  );

  it('resolves well-formed responses, extra fields allowed', async () => {
    ctx.server.use(
      // Fields the contract does not (yet) have, on purpose: an untyped answer.
      api.get('/credentials', ({ response }) =>
        response.untyped(
          HttpResponse.json({ credentials: [{ ...credential, future: 'field' }], next: null }),
        ),
      ),
      api.get('/oauth/flows/{flowId}', ({ response }) => response(200).json(flowStatus)),
    );
    expect(await ctx.backend.listCredentials()).toEqual([{ ...credential, future: 'field' }]);
    expect(await ctx.backend.getOAuthFlow('flow-1')).toEqual(flowStatus);
  });
});
