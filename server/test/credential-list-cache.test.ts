import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCredentialsServer } from '../src/create-credentials-server';
import { createLocalKeyWrapper } from '../src/crypto/local-key-wrapper';
import { credentials } from '../src/storage/schema';
import { call, emptyDatabase } from './support/test-server';

type Listed = { id: string; name: string; isDefault: boolean; status: string }[];

describe('the cached credential list', () => {
  it('reflects every change another instance makes, at once', async () => {
    const database = await emptyDatabase();
    const keys = createLocalKeyWrapper([{ id: 'k', key: randomBytes(32) }]);
    const boot = () =>
      createCredentialsServer({ database, keys, publicOrigin: 'http://localhost' });
    const [reader, writer] = [await boot(), await boot()];
    const list = async () =>
      (await call(reader, 'GET', '/credentials')).json?.credentials as Listed;

    expect(await list()).toEqual([]);
    const first = await call(writer, 'POST', '/providers/firecrawl/credentials', {
      body: { name: 'First', values: { firecrawl_api_key: `fc-${'1'.repeat(32)}` } },
    });
    expect((await list()).map((c) => c.name)).toEqual(['First']);
    expect((await list()).map((c) => c.name)).toEqual(['First']);

    const second = await call(writer, 'POST', '/providers/firecrawl/credentials', {
      body: { name: 'Second', values: { firecrawl_api_key: `fc-${'2'.repeat(32)}` } },
    });
    await call(writer, 'PUT', '/providers/firecrawl/default-credential', {
      body: { credentialId: second.json?.id },
    });
    expect((await list()).map((c) => [c.name, c.isDefault])).toEqual([
      ['First', false],
      ['Second', true],
    ]);

    await call(writer, 'PATCH', `/credentials/${String(first.json?.id)}`, {
      body: { name: 'Renamed' },
      headers: { 'if-match': '"1"' },
    });
    expect((await list()).map((c) => c.name)).toEqual(['Renamed', 'Second']);

    // A write that no request made (the refresh sweep, an operator) is seen too: triggers bump
    // the revision whatever wrote.
    await database.db
      .update(credentials)
      .set({ health: 'invalid' })
      .where(eq(credentials.id, String(second.json?.id)));
    expect((await list()).map((c) => c.status)).toEqual(['active', 'invalid']);

    await call(writer, 'DELETE', `/credentials/${String(first.json?.id)}`, {
      headers: { 'if-match': '"2"' },
    });
    expect((await list()).map((c) => c.name)).toEqual(['Second']);
  });

  it('reads a token as expired once its time has come, without any write', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const database = await emptyDatabase();
    const server = await createCredentialsServer({
      database,
      keys: createLocalKeyWrapper([{ id: 'k', key: randomBytes(32) }]),
      publicOrigin: 'http://localhost',
      clock: () => new Date(now),
    });
    const created = await call(server, 'POST', '/providers/firecrawl/credentials', {
      body: { values: { firecrawl_api_key: `fc-${'3'.repeat(32)}` } },
    });
    await database.db
      .update(credentials)
      .set({ tokenExpiresAt: new Date(now + 60_000) })
      .where(eq(credentials.id, String(created.json?.id)));
    const status = async () =>
      ((await call(server, 'GET', '/credentials')).json?.credentials as Listed)[0]?.status;
    expect(await status()).toBe('active');
    now += 60_000;
    expect(await status()).toBe('expired');
  });
});
