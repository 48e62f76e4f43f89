import { describe, expect, it } from 'vitest';
import type { CredentialsBackend } from 'pipeline-connect';
import { rawRequest, rejectionOf, useContractBackend } from './support/contract-harness';

const FIRECRAWL_KEY = 'fc-0123456789abcdef0123456789abcdef';

/** Every port method that puts an id into the request path. */
const pathCalls: [string, (backend: CredentialsBackend, id: string) => Promise<unknown>][] = [
  ['createApiKeyCredential', (b, id) => b.createApiKeyCredential(id, { values: {} })],
  ['updateCredential', (b, id) => b.updateCredential(id, 1, { name: 'x' })],
  ['deleteCredential', (b, id) => b.deleteCredential(id, 1)],
  ['setDefaultCredential', (b, id) => b.setDefaultCredential(id, 'cred')],
  ['getOAuthClient', (b, id) => b.getOAuthClient(id)],
  ['saveOAuthClient', (b, id) => b.saveOAuthClient(id, { mode: 'default' })],
  ['deleteOAuthClient', (b, id) => b.deleteOAuthClient(id)],
  ['startOAuth', (b, id) => b.startOAuth(id)],
  ['getOAuthFlow', (b, id) => b.getOAuthFlow(id)],
  ['cancelOAuthFlow', (b, id) => b.cancelOAuthFlow(id)],
];

describe('ids in paths', () => {
  const ctx = useContractBackend();

  it.each(
    pathCalls.flatMap(([name, call]) => ['..', '.', ''].map((id) => [name, id, call] as const)),
  )('%s refuses the id "%s" with bad_request, sending nothing', async (_name, id, call) => {
    const error = await rejectionOf(call(ctx.backend, id));
    expect([error.status, error.code, error.retryable]).toEqual([0, 'bad_request', false]);
    expect(ctx.exchanges).toEqual([]);
  });

  const otherIds = ['../credentials', '%2e%2e', 'a/b', '?x=1', '#top', '..%2F', ' '];

  it('path-encodes every other credential id, so it stays one segment of its own route', async () => {
    const kept = await ctx.backend.createApiKeyCredential('firecrawl', {
      name: 'Kept',
      values: { firecrawl_api_key: FIRECRAWL_KEY },
    });
    for (const id of otherIds) {
      const error = await rejectionOf(ctx.backend.deleteCredential(id, 1));
      expect([error.status, error.code], id).toEqual([404, 'not_found']);
    }
    const sent = ctx.exchanges.map((exchange) => new URL(exchange.url).pathname);
    expect(sent).toContain('/api/credentials/..%2Fcredentials');
    expect(sent).toContain('/api/credentials/a%2Fb');
    expect(await ctx.backend.listCredentials()).toEqual([kept]);
  });

  it('path-encodes every other flow id the same way', async () => {
    for (const id of otherIds) {
      const error = await rejectionOf(ctx.backend.getOAuthFlow(id));
      expect([error.status, error.code], id).toEqual([404, 'not_found']);
    }
    expect(ctx.exchanges.map((exchange) => new URL(exchange.url).pathname)).toContain(
      '/api/oauth/flows/a%2Fb',
    );
  });

  it.each([
    ['DELETE', '/credentials/..'],
    ['DELETE', '/credentials/.'],
    ['PATCH', '/credentials/..'],
    ['GET', '/oauth/flows/..'],
    ['GET', '/oauth/flows/.'],
    ['DELETE', '/oauth/flows/%2e%2e'],
    ['DELETE', '/providers/../oauth-client'],
  ])('answers a raw %s %s in the envelope, changing nothing', async (method, path) => {
    const kept = await ctx.backend.createApiKeyCredential('firecrawl', {
      name: 'Kept',
      values: { firecrawl_api_key: FIRECRAWL_KEY },
    });
    const response = await rawRequest(method, path, {
      body: method === 'PATCH' ? '{"name":"Hijacked"}' : undefined,
      headers: { 'If-Match': '"1"' },
    });
    // The URL parser resolves the dot segment away, so the request reaches another route: one
    // that does not exist (404), or one without that method (405; the mock answers 404).
    expect([404, 405]).toContain(response.status);
    expect(await response.json()).toEqual({
      error: { code: expect.any(String), message: expect.any(String), retryable: false },
    });
    expect(await ctx.backend.listCredentials()).toEqual([kept]);
  });
});
