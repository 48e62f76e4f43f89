import { describe, expect, it } from 'vitest';
import { call, startTestServer } from './support/test-server';

const FIRECRAWL_KEY = 'fc-0123456789abcdef0123456789abcdef';

/** Each request names its tenant in a header, as a host's `authenticate` would from a session. */
async function twoTenantServer() {
  return startTestServer({
    authenticate: (request) => {
      const tenantId = request.headers.get('x-test-tenant');
      return tenantId ? { tenantId, userId: `user-of-${tenantId}` } : null;
    },
  });
}
const as = (tenant: string) => ({ 'x-test-tenant': tenant });

describe('tenant isolation', () => {
  it('answers 401 for a caller authenticate does not know', async () => {
    const server = await twoTenantServer();
    const response = await call(server, 'GET', '/credentials');
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('tenant B cannot read, change, delete, default or reuse tenant A’s credential', async () => {
    const server = await twoTenantServer();
    const created = await call(server, 'POST', '/providers/firecrawl/credentials', {
      body: { name: 'Production', values: { firecrawl_api_key: FIRECRAWL_KEY } },
      headers: as('a'),
    });
    expect(created.status).toBe(201);
    const id = String(created.json?.id);

    expect((await call(server, 'GET', '/credentials', { headers: as('b') })).json).toEqual({
      credentials: [],
    });
    const attempts = [
      call(server, 'PATCH', `/credentials/${id}`, {
        body: { name: 'Stolen' },
        headers: { ...as('b'), 'if-match': '"1"' },
      }),
      call(server, 'DELETE', `/credentials/${id}`, { headers: { ...as('b'), 'if-match': '"1"' } }),
      call(server, 'PUT', '/providers/firecrawl/default-credential', {
        body: { credentialId: id },
        headers: as('b'),
      }),
    ];
    for (const attempt of await Promise.all(attempts)) {
      expect([attempt.status, (attempt.json?.error as { code?: string })?.code]).toEqual([
        404,
        'not_found',
      ]);
    }

    // The same name is free in B: uniqueness is per tenant too.
    const own = await call(server, 'POST', '/providers/firecrawl/credentials', {
      body: { name: 'Production', values: { firecrawl_api_key: FIRECRAWL_KEY } },
      headers: as('b'),
    });
    expect(own.status).toBe(201);

    const listA = await call(server, 'GET', '/credentials', { headers: as('a') });
    expect(listA.json?.credentials).toEqual([
      expect.objectContaining({ id, name: 'Production', version: 1, isDefault: true }),
    ]);
  });

  it('keeps OAuth client settings per tenant', async () => {
    const server = await twoTenantServer();
    const saved = await call(server, 'PUT', '/providers/dropbox/oauth-client', {
      body: { mode: 'custom', clientId: 'tenant-a-app', clientSecret: 'tenant-a-secret' },
      headers: as('a'),
    });
    expect(saved.status).toBe(200);
    const seenByB = await call(server, 'GET', '/providers/dropbox/oauth-client', {
      headers: as('b'),
    });
    expect(seenByB.json).toMatchObject({ mode: 'custom', custom: null });
  });
});
