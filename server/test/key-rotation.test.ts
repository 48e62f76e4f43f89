import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCredentialsServer } from '../src/create-credentials-server';
import { createEnvelopeCipher } from '../src/crypto/envelope';
import { createLocalKeyWrapper } from '../src/crypto/local-key-wrapper';
import { keyIdsInUse, rewrapAll } from '../src/storage/sealed-values';
import { call, emptyDatabase } from './support/test-server';

describe('rotate-keys over the database', () => {
  it('re-wraps every sealed value under the active key, is idempotent, and lets the old key go', async () => {
    const database = await emptyDatabase();
    const old = { id: 'old', key: randomBytes(32) };
    const next = { id: 'next', key: randomBytes(32) };
    const before = await createCredentialsServer({
      database,
      keys: createLocalKeyWrapper([old]),
      publicOrigin: 'http://localhost',
    });
    for (const index of [1, 2]) {
      const created = await call(before, 'POST', '/providers/firecrawl/credentials', {
        body: { values: { firecrawl_api_key: `fc-${String(index).repeat(32)}` } },
      });
      expect(created.status).toBe(201);
    }
    await call(before, 'PUT', '/providers/dropbox/oauth-client', {
      body: { mode: 'custom', clientId: 'rotating-app', clientSecret: 'rotating-secret-42' },
    });

    const ring = createLocalKeyWrapper([next, old]);
    const cipher = createEnvelopeCipher(ring);
    expect([...(await keyIdsInUse(database.db, cipher))]).toEqual(['old']);
    expect(await rewrapAll(database.db, cipher)).toEqual({ rewrapped: 3, unchanged: 0 });
    expect(await rewrapAll(database.db, cipher)).toEqual({ rewrapped: 0, unchanged: 3 });
    expect([...(await keyIdsInUse(database.db, cipher))]).toEqual(['next']);

    // Only the new key configured: boot succeeds and every secret still opens (an edit that keeps
    // the masked secret has to open it to re-check the values).
    const after = await createCredentialsServer({
      database,
      keys: createLocalKeyWrapper([next]),
      publicOrigin: 'http://localhost',
    });
    const listed = (await call(after, 'GET', '/credentials')).json?.credentials as {
      id: string;
    }[];
    const edited = await call(after, 'PATCH', `/credentials/${listed[0]?.id}`, {
      body: { values: { firecrawl_api_key: '********', base_url: 'https://api.firecrawl.dev' } },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.status).toBe(200);
  });
});
