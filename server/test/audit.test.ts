import { describe, expect, it } from 'vitest';
import { readAudit } from '../src/domain/audit';
import { call, startTestServer } from './support/test-server';

const KEY = 'fc-a11d17ed0a11d17ed0a11d17ed0a11d1';
const CLIENT_SECRET = 'audit-client-secret-5f4e3d2c';

describe('audit trail', () => {
  it('records every change with who, what, which credential and the request id — and no secret', async () => {
    const server = await startTestServer();
    const headers = { 'x-request-id': 'req-create' };
    const created = await call(server, 'POST', '/providers/firecrawl/credentials', {
      body: { name: 'Audited', values: { firecrawl_api_key: KEY } },
      headers,
    });
    const id = String(created.json?.id);
    await call(server, 'PATCH', `/credentials/${id}`, {
      body: { name: 'Audited 2' },
      headers: { 'if-match': '"1"', 'x-request-id': 'req-rename' },
    });
    await call(server, 'PUT', '/providers/firecrawl/default-credential', {
      body: { credentialId: id },
    });
    await call(server, 'PUT', '/providers/dropbox/oauth-client', {
      body: { mode: 'custom', clientId: 'audit-app', clientSecret: CLIENT_SECRET },
    });
    await call(server, 'DELETE', '/providers/dropbox/oauth-client');
    await call(server, 'DELETE', `/credentials/${id}`, { headers: { 'if-match': '"2"' } });

    const events = (await readAudit(server.database.db)).reverse();
    expect(events.map((event) => [event.action, event.outcome, event.providerId])).toEqual([
      ['credential.create', 'succeeded', 'firecrawl'],
      ['credential.update', 'succeeded', 'firecrawl'],
      ['credential.set_default', 'succeeded', 'firecrawl'],
      ['oauth_client.save', 'succeeded', 'dropbox'],
      ['oauth_client.delete', 'succeeded', 'dropbox'],
      ['credential.delete', 'succeeded', 'firecrawl'],
    ]);
    expect(events[0]).toMatchObject({
      tenantId: 'local',
      userId: 'local',
      credentialId: id,
      requestId: 'req-create',
    });
    expect(events[1]?.requestId).toBe('req-rename');
    const everything = JSON.stringify(events);
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(CLIENT_SECRET);
  });

  it('records nothing for a refused change', async () => {
    const server = await startTestServer();
    const refused = await call(server, 'POST', '/providers/firecrawl/credentials', {
      body: { values: { firecrawl_api_key: '' } },
    });
    expect(refused.status).toBe(422);
    expect(await readAudit(server.database.db)).toEqual([]);
  });
});

describe('audit of verification', () => {
  it('records a key the provider refused, without the key', async () => {
    const { createProviderRegistry } = await import('../src/providers/registry');
    const refusing = createProviderRegistry({
      fetch: async () => Response.json({ object: 'error', status: 401 }, { status: 401 }),
    });
    const server = await startTestServer({ verifier: refusing });
    const refused = await call(server, 'POST', '/providers/notion/credentials', {
      body: { values: { integration_secret: 'ntn_refusedrefusedrefusedrefusedrefusedrefused12' } },
    });
    expect(refused.status).toBe(422);
    const events = await readAudit(server.database.db);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'credential.create',
        outcome: 'refused',
        providerId: 'notion',
        detail: 'credential_rejected',
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain('ntn_refused');
  });
});
