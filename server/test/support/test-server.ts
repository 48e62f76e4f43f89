/**
 * Server tests share one database per worker (PGlite in memory; PostgreSQL when
 * `TEST_DATABASE_URL` is set, as in CI), emptied before each test.
 */
import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import {
  createCredentialsServer,
  type CredentialsServerOptions,
} from '../../src/create-credentials-server';
import { createLocalKeyWrapper } from '../../src/crypto/local-key-wrapper';
import { loadContract } from '../../src/http/contract';
import { truncateAll, type DatabaseConnection } from '../../src/storage/database';
import { openWorkerDatabase } from './worker-database';

let shared: Promise<DatabaseConnection> | null = null;
const contract = loadContract();

/** The worker's database, emptied. */
export async function emptyDatabase(): Promise<DatabaseConnection> {
  shared ??= openWorkerDatabase(process.env.TEST_DATABASE_URL);
  const connection = await shared;
  await truncateAll(connection.db);
  return connection;
}

afterAll(async () => {
  if (shared) await (await shared).close();
  shared = null;
});

/** A fresh key-encryption key ring with one key. */
export function testKeys(id = 'test') {
  return createLocalKeyWrapper([{ id, key: randomBytes(32) }]);
}

/** A server over the worker's emptied database; responses checked against the contract. */
export async function startTestServer(options: Partial<CredentialsServerOptions> = {}) {
  const database = await emptyDatabase();
  return createCredentialsServer({
    database,
    keys: testKeys(),
    contract,
    publicOrigin: 'http://localhost',
    validateResponses: true,
    ...options,
  });
}

/** A JSON call to the server in-process. */
export async function call(
  server: { fetch(request: Request): Promise<Response> },
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await server.fetch(
    new Request(`http://localhost/api${path}`, {
      method,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      headers: { 'content-type': 'application/json', ...options.headers },
    }),
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text === '' ? null : (JSON.parse(text) as Record<string, unknown>),
  };
}
