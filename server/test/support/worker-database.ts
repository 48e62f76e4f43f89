/**
 * Test workers run in parallel and each empties its database before every test, so on PostgreSQL
 * each worker gets a database of its own (created on first use next to the one the URL names).
 * PGlite needs none of this: every worker opens its own in memory.
 */
import pg from 'pg';
import { openDatabase, type DatabaseConnection } from '../../src/storage/database';

/** The URL of this worker's own database next to the one `baseUrl` names. */
export function workerDatabaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0';
  url.pathname = `/${url.pathname.slice(1)}_w${worker}`;
  return url.toString();
}

export async function openWorkerDatabase(baseUrl: string | undefined): Promise<DatabaseConnection> {
  if (!baseUrl) return openDatabase({ kind: 'pglite', dataDir: null });
  const url = new URL(workerDatabaseUrl(baseUrl));
  const name = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      // Identifiers cannot be parameters; `name` is the URL's own database name plus digits.
      await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    }
  } finally {
    await admin.end();
  }
  return openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 4 });
}
