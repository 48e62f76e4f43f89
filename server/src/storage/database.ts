/**
 * Opens the server's database: PGlite (embedded PostgreSQL in a data directory, or in memory) when
 * no `DATABASE_URL` is given, PostgreSQL through `pg` when one is. Both speak the same SQL and
 * share one drizzle schema and one set of migrations, so everything above this file is unaware
 * of which one runs.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema';

/** The drizzle handle every repository takes, whichever engine is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database and how to close it. */
export interface DatabaseConnection {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** Where the data lives. */
export type DatabaseLocation =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  /** `dataDir: null` keeps everything in memory (tests, throwaway demos). */
  | { kind: 'pglite'; dataDir: string | null };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * A fixed advisory-lock key under which migrations run, so that two instances booting at once
 * over one PostgreSQL do not both apply the same migration.
 */
const MIGRATION_LOCK_KEY = 7_302_114_001;

/** Opens the database and brings its schema up to date. */
export async function openDatabase(location: DatabaseLocation): Promise<DatabaseConnection> {
  if (location.kind === 'pglite') {
    const client = location.dataDir === null ? new PGlite() : new PGlite(location.dataDir);
    await client.waitReady;
    const db = drizzlePglite({ client, schema });
    // PGlite is one connection in one process: no other migrator can run beside this one.
    await migratePglite(db, { migrationsFolder });
    return { db, kind: 'pglite', close: () => client.close() };
  }

  // Migrate on a dedicated connection that holds the advisory lock for the whole run.
  const migrator = new pg.Client({ connectionString: location.url });
  await migrator.connect();
  try {
    await migrator.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrateNodePostgres(drizzleNodePostgres({ client: migrator, schema }), {
      migrationsFolder,
    });
    await migrator.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  } finally {
    await migrator.end();
  }

  const pool = new pg.Pool({ connectionString: location.url, max: location.maxConnections ?? 10 });
  const db = drizzleNodePostgres({ client: pool, schema });
  return { db, kind: 'postgres', close: () => pool.end() };
}

/** Every table, children first: what a test truncates between cases. */
const TABLES = [
  'tenant_revisions',
  'rate_limit_counters',
  'revocation_outbox',
  'audit_events',
  'idempotency_keys',
  'oauth_flows',
  'default_credentials',
  'oauth_clients',
  'credentials',
] as const;

/** Empties every table (tests share one database per worker and reset it between cases). */
export async function truncateAll(db: Database): Promise<void> {
  await db.execute(sql.raw(`TRUNCATE ${TABLES.map((name) => `"${name}"`).join(', ')}`));
}
