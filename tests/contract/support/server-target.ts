/**
 * The reference server as a contract-suite target: one database per test worker (PGlite in
 * memory, or PostgreSQL when `CONTRACT_DATABASE_URL` is set), emptied before every test, and a
 * fresh server over it with the test's clock. Requests reach it in-process through `app.fetch`.
 */
import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import {
  createCredentialsServer,
  type CredentialsServer,
} from '../../../server/src/create-credentials-server';
import { createLocalKeyWrapper } from '../../../server/src/crypto/local-key-wrapper';
import { loadContract } from '../../../server/src/http/contract';
import { truncateAll, type DatabaseConnection } from '../../../server/src/storage/database';
import { openWorkerDatabase } from '../../../server/test/support/worker-database';
import { standInAuthorization } from '../../../server/test/support/oauth-stack';
import { standInOAuthDirectory } from '../../../server/src/providers/oauth-directory';
import {
  createOutboundFetch,
  type GuardedOutboundFetch,
} from '../../../server/src/providers/outbound-fetch';
import { createStandInVerifier } from './stand-in-verifier';

let database: Promise<DatabaseConnection> | null = null;
let outbound: GuardedOutboundFetch | null = null;
afterAll(async () => {
  await outbound?.close();
  outbound = null;
});
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
  const authorization = await standInAuthorization();
  return createCredentialsServer({
    // A real OAuth client over the stand-in authorization server, as the dev stack has.
    oauth: {
      directory: standInOAuthDirectory((id) => authorization.providerEndpoints(id)),
      fetch: (outbound ??= createOutboundFetch({ allowedHosts: [authorization.hostPort] })),
      platformClients: authorization.platformClients,
      allowInsecureProviders: true,
    },
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
