/**
 * Mock only: the HTTP adapter against responses no conforming backend sends, made with MSW
 * overrides. It tests the adapter's guards, not a backend, so it runs on the mock target alone.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { CredentialsBackend } from '../../src/credentials/backend';
import { API, rejectionOf, useContractBackend } from './support/contract-harness';

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
};
const flowStatus = {
  flowId: 'flow-1',
  providerId: 'notion',
  status: 'pending',
  credentialId: null,
  error: null,
};
const settings = {
  providerId: 'notion',
  mode: 'default',
  hasPlatformClient: true,
  custom: null,
  redirectUri: 'http://localhost/oauth-callback.html',
};

type Case = [
  string,
  method: 'get' | 'post' | 'patch' | 'put' | 'delete',
  path: string,
  body: unknown,
  call: (backend: CredentialsBackend) => Promise<unknown>,
];

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
    '/providers/:p/credentials',
    {},
    (b) => b.createApiKeyCredential('firecrawl', { values: {} }),
  ],
  [
    'updateCredential: a credential without a version',
    'patch',
    '/credentials/:id',
    { ...credential, version: undefined },
    (b) => b.updateCredential('cred-1', 1, { name: 'x' }),
  ],
  [
    'getOAuthClient: {}',
    'get',
    '/providers/:p/oauth-client',
    {},
    (b) => b.getOAuthClient('notion'),
  ],
  [
    'saveOAuthClient: an unknown mode',
    'put',
    '/providers/:p/oauth-client',
    { ...settings, mode: 'other' },
    (b) => b.saveOAuthClient('notion', { mode: 'default' }),
  ],
  [
    'deleteOAuthClient: null',
    'delete',
    '/providers/:p/oauth-client',
    null,
    (b) => b.deleteOAuthClient('notion'),
  ],
  [
    'startOAuth: no authorization URL',
    'post',
    '/providers/:p/oauth/flows',
    { flowId: 'f', expiresAt: 'x' },
    (b) => b.startOAuth('notion'),
  ],
  [
    'getOAuthFlow: an unknown status',
    'get',
    '/oauth/flows/:id',
    { ...flowStatus, status: 'done' },
    (b) => b.getOAuthFlow('flow-1'),
  ],
  ['cancelOAuthFlow: {}', 'delete', '/oauth/flows/:id', {}, (b) => b.cancelOAuthFlow('flow-1')],
  [
    'getOAuthFlow: an unknown outcome',
    'get',
    '/oauth/flows/:id',
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
      ctx.server.use(http[method](`${API}${path}`, () => HttpResponse.json(body as object)));
      const error = await rejectionOf(call(ctx.backend));
      expect(error).toMatchObject({ status: 200, code: 'invalid_response', retryable: false });
    },
  );

  it('resolves well-formed responses, extra fields allowed', async () => {
    ctx.server.use(
      http.get(`${API}/credentials`, () =>
        HttpResponse.json({ credentials: [{ ...credential, future: 'field' }], next: null }),
      ),
      http.get(`${API}/oauth/flows/:id`, () => HttpResponse.json(flowStatus)),
    );
    expect(await ctx.backend.listCredentials()).toEqual([{ ...credential, future: 'field' }]);
    expect(await ctx.backend.getOAuthFlow('flow-1')).toEqual(flowStatus);
  });
});
