/**
 * The whole stack on one machine: the reference server over its database, the built demo at `/`,
 * and — in development — the stand-in provider APIs on a loopback port of their own, which the
 * server verifies API keys against (allowlisted exactly; nothing else on loopback is reachable).
 */
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { join, relative } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config';
import { createCredentialsServer } from './create-credentials-server';
import { loadKeyWrapper } from './crypto/key-ring';
import { developmentPrincipal } from './dev/dev-principal';
import { startStandInAuthorizationServer } from './dev/stand-in-authorization-server';
import { startStandInProviderApis } from './dev/stand-in-provider-server';
import type { Logger } from './logger';
import { realOAuthDirectory, standInOAuthDirectory } from './providers/oauth-directory';
import { createOutboundFetch } from './providers/outbound-fetch';
import { createProviderRegistry } from './providers/registry';
import { openDatabase, type DatabaseLocation } from './storage/database';

/** How often the background refresh sweep looks for due tokens. */
const REFRESH_SWEEP_INTERVAL_MS = 15_000;
/** How often the revocation worker looks for due revocations. */
const REVOCATION_INTERVAL_MS = 10_000;

/** A running stack. */
export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:8787`. */
  url: string;
  close(): Promise<void>;
}

/** Where the configuration says the data lives. */
export function databaseLocation(config: ServerConfig): DatabaseLocation {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: join(config.dataDir, 'pglite') };
}

/** Boots everything the configuration names; refuses (rejects) on any boot check. */
export async function startServer(config: ServerConfig, logger: Logger): Promise<RunningServer> {
  const keys = await loadKeyWrapper({
    env: process.env,
    dataDir: config.dataDir,
    production: config.production,
    warn: (message) => logger.warn(message),
  });

  const closers: (() => Promise<void>)[] = [];
  try {
    const redirectUri = new URL('/oauth-callback.html', config.publicOrigin).toString();
    const standIns = config.devStandIns ? await startStandInProviderApis() : null;
    if (standIns) closers.push(() => standIns.close());
    const authorization = config.devStandIns
      ? await startStandInAuthorizationServer({
          redirectUris: [redirectUri],
          logger,
          accessTokenTtlSeconds: config.devAccessTokenTtlSeconds ?? undefined,
        })
      : null;
    if (authorization) closers.push(() => authorization.close());
    const outbound = createOutboundFetch({
      allowedHosts: [standIns?.hostPort, authorization?.hostPort].filter(
        (host): host is string => host !== undefined,
      ),
    });
    closers.push(() => outbound.close());
    const verifier = createProviderRegistry({
      fetch: outbound,
      endpoints: standIns?.endpoints,
      logger,
    });

    const database = await openDatabase(databaseLocation(config));
    closers.push(() => database.close());
    const credentials = await createCredentialsServer({
      database,
      keys,
      publicOrigin: config.publicOrigin,
      verifier,
      logger,
      development: !config.production,
      // The CLI's server has no sign-in of its own: development journeys may pick a tenant.
      ...(config.production ? {} : { authenticate: developmentPrincipal }),
      serviceTokens: config.serviceTokens,
      oauth: authorization
        ? {
            directory: standInOAuthDirectory((id) => authorization.providerEndpoints(id)),
            fetch: outbound,
            platformClients: authorization.platformClients,
            allowInsecureProviders: true,
            announceClient: (providerId, client, uri) => {
              if (client.clientSecret === null) return;
              authorization.registerClient({
                providerId,
                clientId: client.clientId,
                clientSecret: client.clientSecret,
                redirectUris: [uri],
              });
            },
          }
        : {
            directory: realOAuthDirectory,
            fetch: outbound,
            platformClients: config.platformClients,
          },
    });

    // Stopped before the database closes (closers run in reverse).
    closers.push(() => credentials.close());
    // Every instance runs both: the sweep lock lets one of them sweep a round, and the outbox's
    // leases keep two workers off one revocation. 15 s is well inside the 30 s minimum margin.
    credentials.createRefreshSweeper({ intervalMs: REFRESH_SWEEP_INTERVAL_MS }).start();
    credentials.createRevocationWorker({ intervalMs: REVOCATION_INTERVAL_MS }).start();

    const app = new Hono();
    app.route('/', credentials.app);
    if (config.staticDir) {
      // serveStatic resolves `root` against the working directory.
      const root = relative(process.cwd(), config.staticDir) || '.';
      app.use('/*', serveStatic({ root }));
    }

    const server = await new Promise<ServerType>((resolve, reject) => {
      const started = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () =>
        resolve(started),
      );
      started.once('error', reject);
    });
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) server.closeAllConnections();
        }),
    );
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    logger.info('Pipeline Connect server listening', {
      url,
      publicOrigin: config.publicOrigin,
      database: database.kind,
      standIns: standIns?.origin ?? null,
      authorizationServer: authorization?.origin ?? null,
    });
    return { url, close: () => closeAll(closers) };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

async function closeAll(closers: (() => Promise<void>)[]): Promise<void> {
  for (const close of closers.reverse()) await close();
}
