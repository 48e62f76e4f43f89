import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCredentialsServer } from '../src/create-credentials-server';
import { createEnvelopeCipher } from '../src/crypto/envelope';
import { DecryptionError } from '../src/crypto/errors';
import { createLocalKeyWrapper } from '../src/crypto/local-key-wrapper';
import { openDatabase } from '../src/storage/database';
import { credentials, oauthClients } from '../src/storage/schema';
import { credentialSecretBinding } from '../src/storage/sealed-values';
import { call, startTestServer } from './support/test-server';
import { workerDatabaseUrl } from './support/worker-database';

const API_KEY = 'fc-5ec12e7a11c0ffee5ec12e7a11c0ffee';
const CLIENT_SECRET = 'dropbox-client-secret-1b2c3d4e5f';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every file that holds `needle`, as UTF-8 or as UTF-16 (the encodings PostgreSQL might use). */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const hits: string[] = [];
  for (const file of await filesUnder(dir)) {
    const bytes = await readFile(file);
    if (forms.some((form) => bytes.includes(form))) hits.push(file);
  }
  return hits;
}

describe('secrets at rest', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('leaves no plaintext secret in any file of the PGlite data directory, and survives a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pc-at-rest-'));
    dirs.push(dataDir);
    const keys = createLocalKeyWrapper([{ id: 'k1', key: randomBytes(32) }]);
    const boot = () =>
      createCredentialsServer({
        database: { kind: 'pglite', dataDir },
        keys,
        publicOrigin: 'http://localhost',
      });

    const first = await boot();
    const created = await call(first, 'POST', '/providers/firecrawl/credentials', {
      body: { name: 'At rest', values: { firecrawl_api_key: API_KEY } },
    });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(API_KEY);
    const client = await call(first, 'PUT', '/providers/dropbox/oauth-client', {
      body: { mode: 'custom', clientId: 'dropbox-app', clientSecret: CLIENT_SECRET },
    });
    expect(client.status).toBe(200);
    await first.close();

    // The next test shows the same search does find a needle stored in clear.
    expect(await filesContaining(dataDir, API_KEY)).toEqual([]);
    expect(await filesContaining(dataDir, CLIENT_SECRET)).toEqual([]);

    const second = await boot();
    const listed = await call(second, 'GET', '/credentials');
    expect(listed.json?.credentials).toEqual([
      expect.objectContaining({
        name: 'At rest',
        values: { firecrawl_api_key: '********', base_url: '' },
      }),
    ]);
    // The sealed value still opens to the key after the restart.
    const [row] = await second.database.db.select().from(credentials);
    const sealed = row?.secretsSealed.firecrawl_api_key ?? '';
    expect(sealed).not.toContain(API_KEY);
    expect(
      await createEnvelopeCipher(keys).open(
        sealed,
        credentialSecretBinding(row!, 'firecrawl_api_key'),
      ),
    ).toBe(API_KEY);
    const [clientRow] = await second.database.db.select().from(oauthClients);
    expect(clientRow?.clientSecretSealed).not.toContain(CLIENT_SECRET);
    await second.close();
  });

  it('finds a plaintext needle when one is there (the search above is not vacuous)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pc-at-rest-'));
    dirs.push(dataDir);
    const database = await openDatabase({ kind: 'pglite', dataDir });
    await database.db.execute(`CREATE TABLE plain (v text)`);
    await database.db.execute(`INSERT INTO plain VALUES ('${API_KEY}')`);
    await database.db.execute('CHECKPOINT');
    await database.close();
    expect((await filesContaining(dataDir, API_KEY)).length).toBeGreaterThan(0);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'leaves no plaintext secret in a pg_dump of PostgreSQL',
    async () => {
      const server = await startTestServer();
      await call(server, 'POST', '/providers/firecrawl/credentials', {
        body: { values: { firecrawl_api_key: API_KEY } },
      });
      await call(server, 'PUT', '/providers/dropbox/oauth-client', {
        body: { mode: 'custom', clientId: 'dropbox-app', clientSecret: CLIENT_SECRET },
      });
      // This worker's own database (see support/worker-database.ts), which the server wrote to.
      const url = workerDatabaseUrl(process.env.TEST_DATABASE_URL!);
      const dump = execFileSync('pg_dump', ['--data-only', url], {
        encoding: 'utf8',
      });
      expect(dump).toContain('dropbox-app');
      expect(dump).not.toContain(API_KEY);
      expect(dump).not.toContain(CLIENT_SECRET);
    },
  );
});

describe('decryption failures', () => {
  it('answers a tampered secret with a 500, never the plaintext or a silent mask', async () => {
    const logged: unknown[] = [];
    const server = await startTestServer({
      logger: { info() {}, warn() {}, error: (_message, fields) => logged.push(fields?.error) },
    });
    const created = await call(server, 'POST', '/providers/firecrawl/credentials', {
      body: { values: { firecrawl_api_key: API_KEY } },
    });
    const id = String(created.json?.id);
    const { db } = server.database;
    // A sealed value moved from another row (here: re-labelled for another field) must not open.
    const [row] = await db.select().from(credentials);
    const tampered = { ...row!.secretsSealed };
    tampered.firecrawl_api_key = `${tampered.firecrawl_api_key?.slice(0, -2)}AA`;
    await db.update(credentials).set({ secretsSealed: tampered });

    const edit = await call(server, 'PATCH', `/credentials/${id}`, {
      body: { values: { firecrawl_api_key: '********', base_url: 'https://crawl.example.com' } },
      headers: { 'if-match': '"1"' },
    });
    expect(edit.status).toBe(500);
    expect(edit.json).toEqual({
      error: {
        code: 'server_error',
        message: 'Something went wrong on our side.',
        retryable: false,
      },
    });
    expect(edit.text).not.toContain(API_KEY);
    expect(logged).toEqual([expect.any(DecryptionError)]);
  });
});
