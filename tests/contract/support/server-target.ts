/**
 * The reference server as a contract-suite target: one database per test worker (PGlite in
 * memory, or PostgreSQL when `CONTRACT_DATABASE_URL` is set), emptied before every test, and a
 * fresh server over it with the test's clock. Requests reach it in-process through `app.fetch`.
 * Its OAuth client talks to a real authorization server: the stand-in (oidc-provider) on a
 * loopback port, one per worker.
 */
import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import { createCredentialsServer } from '../../../server/src/create-credentials-server';
import { createLocalKeyWrapper } from '../../../server/src/crypto/local-key-wrapper';
import {
  startStandInAuthorizationServer,
  type RunningStandInAuthorizationServer,
} from '../../../server/src/dev/stand-in-authorization-server';
import { loadContract } from '../../../server/src/http/contract';
import {
  createOutboundFetch,
  type GuardedOutboundFetch,
} from '../../../server/src/providers/outbound-fetch';
import { truncateAll, type DatabaseConnection } from '../../../server/src/storage/database';
import { standInOAuth } from '../../../server/test/support/oauth-stack';
import { openWorkerDatabase } from '../../../server/test/support/worker-database';
import { createStandInVerifier } from './stand-in-verifier';

/** The origin the server is told it is served from; its OAuth redirect URI is built from it. */
const PUBLIC_ORIGIN = 'http://localhost';

let database: Promise<DatabaseConnection> | null = null;
let authorization: Promise<RunningStandInAuthorizationServer> | null = null;
let outbound: GuardedOutboundFetch | null = null;
afterAll(async () => {
  await outbound?.close();
  outbound = null;
  if (authorization) await (await authorization).close();
  authorization = null;
});
const contract = loadContract();
const keys = createLocalKeyWrapper([{ id: 'contract', key: randomBytes(32) }]);

function sharedDatabase(): Promise<DatabaseConnection> {
  database ??= openWorkerDatabase(process.env.CONTRACT_DATABASE_URL);
  return database;
}

/**
 * The worker's stand-in authorization server. Its own instance rather than the server tests'
 * (which gives access tokens 60 s, to exercise refresh): the default lifetime is Google's hour,
 * the mock's Google Drive lifetime too, so expiry reads the same on both targets.
 */
function sharedAuthorization(): Promise<RunningStandInAuthorizationServer> {
  authorization ??= startStandInAuthorizationServer({
    redirectUris: [`${PUBLIC_ORIGIN}/oauth-callback.html`],
  });
  return authorization;
}

/** A running server target. */
export interface ServerTarget {
  /** Answers a request to the contract (`http://localhost/api/…`) in-process. */
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
  /**
   * Where the stand-in authorization server is (`http://127.0.0.1:<port>`): the consent pages
   * a test opens as the user's browser, the one origin besides the API it may reach.
   */
  authorizationOrigin: string;
}

/** A server on the worker's (emptied) database, its clock read from `now`. */
export async function startServerTarget(now: () => number): Promise<ServerTarget> {
  const connection = await sharedDatabase();
  await truncateAll(connection.db);
  const as = await sharedAuthorization();
  const server = await createCredentialsServer({
    // A real OAuth client over the stand-in authorization server, as the dev stack has: the
    // guarded outbound fetch allowlists exactly its host:port, and a tenant's custom client is
    // announced to it before a flow uses it (a real provider knows the clients in its console).
    oauth: standInOAuth(as, (outbound ??= createOutboundFetch({ allowedHosts: [as.hostPort] }))),
    database: connection,
    keys,
    contract,
    publicOrigin: PUBLIC_ORIGIN,
    clock: () => new Date(now()),
    verifier: await createStandInVerifier(),
    // The mock is a development backend too (loopback URL fields for self-hosted services).
    development: true,
    // Every answer is checked against its documented schema: a drift fails the test.
    validateResponses: true,
  });
  return {
    fetch: (request) => server.fetch(request),
    close: () => server.close(),
    authorizationOrigin: as.origin,
  };
}
