/**
 * The reference server as a contract-suite target: one database per test worker (PGlite in
 * memory, or PostgreSQL when `CONTRACT_DATABASE_URL` is set), emptied before every test, and a
 * fresh server over it with the test's clock. Requests reach it in-process through `app.fetch`.
 */
import { randomBytes } from 'node:crypto';
import {
  createCredentialsServer,
  type CredentialsServer,
} from '../../../server/src/create-credentials-server';
import { createLocalKeyWrapper } from '../../../server/src/crypto/local-key-wrapper';
import { loadContract } from '../../../server/src/http/contract';
import { truncateAll, type DatabaseConnection } from '../../../server/src/storage/database';
import { openWorkerDatabase } from '../../../server/test/support/worker-database';
import { createStandInVerifier } from './stand-in-verifier';

let database: Promise<DatabaseConnection> | null = null;
const contract = loadContract();
const keys = createLocalKeyWrapper([{ id: 'contract', key: randomBytes(32) }]);

function sharedDatabase(): Promise<DatabaseConnection> {
  database ??= openWorkerDatabase(process.env.CONTRACT_DATABASE_URL);
  return database;
}

/** A server on the worker's (emptied) database, its clock read from `now`. */
export async function startServerTarget(now: () => number): Promise<CredentialsServer> {
  const connection = await sharedDatabase();
  await truncateAll(connection.db);
  return createCredentialsServer({
    database: connection,
    keys,
    contract,
    publicOrigin: 'http://localhost',
    clock: () => new Date(now()),
    verifier: await createStandInVerifier(),
    // The mock is a development backend too (loopback URL fields for self-hosted services).
    development: true,
    // Every answer is checked against its documented schema: a drift fails the test.
    validateResponses: true,
  });
}
