/**
 * Two instances of the server over one PostgreSQL, as a scaled-out deployment runs them: two
 * `createCredentialsServer`s, each over its own connection pool to the worker's database, sharing
 * the encryption keys, the stand-in authorization server and a clock. Their provider traffic goes
 * through one watched fetch, so a count is the count at the stand-in. `kill` ends one instance's
 * pool, as a crashed process would leave the database.
 */
import { afterEach } from 'vitest';
import {
  createCredentialsServer,
  type CredentialsServer,
  type CredentialsServerOptions,
} from '../../src/create-credentials-server';
import { loadContract } from '../../src/http/contract';
import { standInAuthorization, standInOAuth, standInOutboundFetch } from './oauth-stack';
import { providerTraffic } from './provider-traffic';
import { emptyDatabase, testKeys } from './test-server';
import { openWorkerDatabase } from './worker-database';

const contract = loadContract();
const open: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

export interface Instance {
  server: CredentialsServer;
  /** Ends this instance's connection pool (its requests fail from then on). */
  kill(): Promise<void>;
}

export async function startTwoInstances(options: Partial<CredentialsServerOptions> = {}) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('Two instances need PostgreSQL (TEST_DATABASE_URL).');
  await emptyDatabase();
  const keys = testKeys();
  const as = await standInAuthorization();
  const traffic = providerTraffic(await standInOutboundFetch());

  const start = async (): Promise<Instance> => {
    const database = await openWorkerDatabase(url);
    let closed = false;
    const kill = async () => {
      if (closed) return;
      closed = true;
      await database.close();
    };
    const server = await createCredentialsServer({
      database,
      keys,
      contract,
      publicOrigin: 'http://localhost',
      validateResponses: true,
      oauth: standInOAuth(as, traffic.fetch),
      ...options,
    });
    open.push(async () => {
      await server.close();
      await kill();
    });
    return { server, kill };
  };
  const [a, b] = [await start(), await start()];
  return { a, b, as, traffic };
}
