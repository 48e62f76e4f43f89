/**
 * `createCredentialsServer`: the reference implementation of the credentials contract as a Hono
 * app, over a database (PGlite or PostgreSQL), an envelope cipher and a provider verifier.
 */
import { createRateLimiting, type RateLimitOptions } from './http/rate-limit';
import { Hono } from 'hono';
import { assertKeyIdsConfigured } from './crypto/key-ring';
import { createEnvelopeCipher } from './crypto/envelope';
import type { KeyWrapper } from './crypto/key-wrapper';
import { createAuditTrail } from './domain/audit';
import { createCredentialService } from './domain/credential-service';
import {
  createOAuthClientService,
  type ClientInUse,
  type PlatformClient,
} from './domain/oauth-client-service';
import { createOAuthFlowService, createUnavailableOAuthFlows } from './domain/oauth-flow-service';
import { localPrincipal, type Authenticate } from './domain/principal';
import { createRefreshService } from './domain/refresh-service';
import {
  createPeriodicTask,
  createRefreshSweeper,
  type PeriodicTask,
  type RefreshSweeperOptions,
  type RefreshSweepReport,
} from './domain/refresh-sweeper';
import {
  createRevocationWorker,
  type RevocationReport,
  type RevocationWorkerOptions,
} from './domain/revocation-worker';
import {
  createServiceTokenAuthenticator,
  createTokenService,
  type ServiceToken,
} from './domain/token-service';
import { noVerification, type ApiKeyVerifier } from './domain/verification';
import type { OAuthDirectory } from './providers/oauth-directory';
import type { OutboundFetch } from './providers/outbound-fetch';
import { ApiError } from './http/api-error';
import { loadContract, type Contract } from './http/contract';
import { createContractRouter, errorResponse } from './http/contract-router';
import { createOperationHandlers } from './http/operation-handlers';
import { silentLogger, type Logger } from './logger';
import { openDatabase, type DatabaseConnection, type DatabaseLocation } from './storage/database';
import { keyIdsInUse } from './storage/sealed-values';

/** Options of {@link createCredentialsServer}. */
export interface CredentialsServerOptions {
  /** Rate limits per principal and per client IP (default on, see `http/rate-limit.ts`); `false` turns them off. */
  rateLimits?: RateLimitOptions | false;
  /** An open database, or where to open one (default: PGlite in memory). */
  database?: DatabaseConnection | DatabaseLocation;
  /** Wraps the per-record data keys (see `loadKeyWrapper` for `PIPELINE_CONNECT_KEYS`). */
  keys: KeyWrapper;
  /**
   * The origin the app is served from (e.g. `https://app.example.com`): the OAuth redirect URI
   * is built from it, never from a request's Host header.
   */
  publicOrigin: string;
  /** Checks API keys with their providers before they are stored (default: no check). */
  verifier?: ApiKeyVerifier;
  /**
   * Resolves the caller of each browser-facing request (default: one local tenant and user). It
   * is never asked about the token endpoint, which only `serviceTokens` open.
   */
  authenticate?: Authenticate;
  /**
   * The service tokens of the host's pipeline runner, each with the one tenant it may read (at
   * least 32 characters; boot is refused otherwise). They open `POST /credentials/{id}/token`
   * and nothing else. Without any, that endpoint answers 401.
   */
  serviceTokens?: readonly ServiceToken[];
  /** The clock every business timestamp comes from. */
  clock?: () => Date;
  logger?: Logger;
  /** Where the contract is served (default `/api`). */
  basePath?: string;
  /** Check every response against the contract (tests). */
  validateResponses?: boolean;
  /**
   * The OAuth client: where each provider's endpoints are, the fetch that reaches them (the
   * SSRF-guarded one), and the platform's own clients. Without it, flows answer 503.
   */
  oauth?: {
    directory: OAuthDirectory;
    fetch: OutboundFetch;
    /** The platform's client per provider (the **Default** choice), where one is configured. */
    platformClients?: Readonly<Record<string, PlatformClient>>;
    /** Providers reached over plain http (only the loopback stand-in, in development). */
    allowInsecureProviders?: boolean;
    /** Development: registers a tenant's custom client with the stand-in before a flow. */
    announceClient?: (providerId: string, client: ClientInUse, redirectUri: string) => void;
  };
  /**
   * A development server (default false) also accepts URL fields that name this machine's
   * loopback, for self-hosted providers during development, as the mock does.
   */
  development?: boolean;
  /** The parsed contract (tests share one across servers; default: read at boot). */
  contract?: Contract;
}

/** A running server: its Hono app, a `fetch` to call it in-process, and how to stop it. */
export interface CredentialsServer {
  app: Hono;
  fetch(request: Request): Promise<Response>;
  database: DatabaseConnection;
  /**
   * The background refresh of due OAuth tokens (`start()` it once per instance; one instance
   * sweeps at a time). Without OAuth configured, a round does nothing.
   */
  createRefreshSweeper(options: RefreshSweeperOptions): PeriodicTask<RefreshSweepReport>;
  /**
   * The worker that revokes deleted credentials' tokens at their providers (`start()` it once
   * per instance; instances share the outbox safely). Without OAuth configured, a round does
   * nothing and the outbox waits.
   */
  createRevocationWorker(options: RevocationWorkerOptions): PeriodicTask<RevocationReport>;
  /** Stops the background tasks created here, then closes the database if the server opened it. */
  close(): Promise<void>;
}

/**
 * Opens the database (running migrations), refuses to boot when a key id found in the database
 * is not configured, and builds the app. Mount `app` in a host's Hono app, or call `fetch`.
 */
export async function createCredentialsServer(
  options: CredentialsServerOptions,
): Promise<CredentialsServer> {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? (() => new Date());
  const ownsDatabase = !(options.database && 'db' in options.database);
  const database =
    options.database && 'db' in options.database
      ? options.database
      : await openDatabase(options.database ?? { kind: 'pglite', dataDir: null });

  try {
    const cipher = createEnvelopeCipher(options.keys);
    assertKeyIdsConfigured(options.keys, await keyIdsInUse(database.db, cipher));

    const audit = createAuditTrail(database.db, clock);
    const credentials = createCredentialService({
      db: database.db,
      cipher,
      clock,
      verifier: options.verifier ?? noVerification,
      audit,
      development: options.development ?? false,
    });
    const redirectUri = new URL('/oauth-callback.html', options.publicOrigin).toString();
    const platformClients = options.oauth?.platformClients ?? {};
    const oauthClients = createOAuthClientService({
      db: database.db,
      cipher,
      clock,
      audit,
      redirectUri,
      platformClient: (providerId) => platformClients[providerId] ?? null,
    });
    // What the flow, refresh and revocation services share to speak OAuth to the providers.
    const protocol = options.oauth && {
      cipher,
      clock,
      audit,
      clients: oauthClients,
      directory: options.oauth.directory,
      fetch: options.oauth.fetch,
      allowInsecureProviders: options.oauth.allowInsecureProviders ?? false,
      logger,
    };
    const oauthFlows = protocol
      ? createOAuthFlowService({
          ...protocol,
          db: database.db,
          redirectUri,
          secureCookies: new URL(options.publicOrigin).protocol === 'https:',
          ...(options.oauth?.announceClient && { announceClient: options.oauth.announceClient }),
        })
      : createUnavailableOAuthFlows();
    const refresh = protocol ? createRefreshService({ ...protocol, database }) : null;
    const tokens = createTokenService({ db: database.db, cipher, clock, refresh });

    const contract = options.contract ?? loadContract();
    const basePath = options.basePath ?? '/api';
    const serviceTokens = createServiceTokenAuthenticator(options.serviceTokens ?? []);
    const browserAuthenticate = options.authenticate ?? localPrincipal;
    const isTokenRequest = operationMatcher(contract, 'issueCredentialToken', basePath);
    // Two kinds of caller, kept apart: the token endpoint asks only for a service token (the
    // browser's session never opens it), and a service token opens nothing else.
    const authenticate: Authenticate = (request) => {
      if (isTokenRequest(request)) return serviceTokens.authenticate(request);
      if (serviceTokens.presentsServiceToken(request)) {
        throw new ApiError(403, {
          code: 'forbidden',
          message: 'A service token only reads credentials for the pipeline runner.',
          retryable: false,
        });
      }
      return browserAuthenticate(request);
    };

    const rateLimiting =
      options.rateLimits === false
        ? undefined
        : createRateLimiting({
            db: database.kind === 'postgres' ? database.db : null,
            clock,
            policy: options.rateLimits ?? {},
          });
    const api = createContractRouter({
      ...(rateLimiting && { rateLimiting }),
      contract,
      handlers: createOperationHandlers({
        credentials,
        oauthClients,
        oauthFlows,
        tokens,
        serviceTokens,
      }),
      authenticate,
      logger,
      basePath,
      validateResponses: options.validateResponses ?? false,
    });

    const tasks: PeriodicTask<unknown>[] = [];
    const track = <Report>(task: PeriodicTask<Report>): PeriodicTask<Report> => {
      tasks.push(task);
      return task;
    };

    const app = new Hono();
    app.route('/', api);
    app.notFound(() =>
      errorResponse(404, {
        code: 'not_found',
        message: 'There is nothing at this address.',
        retryable: false,
      }),
    );

    return {
      app,
      fetch: async (request) => app.fetch(request),
      database,
      createRefreshSweeper: (sweeperOptions) =>
        track(createRefreshSweeper({ database, clock, refresh, logger }, sweeperOptions)),
      createRevocationWorker: (workerOptions) =>
        track(
          protocol
            ? createRevocationWorker({ ...protocol, db: database.db }, workerOptions)
            : createPeriodicTask(
                'The revocation worker',
                workerOptions.intervalMs,
                async () => ({ revoked: 0, retrying: 0, givenUp: 0 }),
                logger,
              ),
        ),
      close: async () => {
        for (const task of tasks) await task.stop();
        if (ownsDatabase) await database.close();
      },
    };
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
}

/**
 * Whether a request is for the given operation, matched as the contract router matches it (the
 * raw path below `basePath`, one segment per parameter), so the authentication chosen for a
 * request is always that of the operation that will serve it.
 */
function operationMatcher(
  contract: Contract,
  operationId: string,
  basePath: string,
): (request: Request) => boolean {
  const operation = contract.operations.find((candidate) => candidate.operationId === operationId);
  if (!operation) throw new Error(`The contract has no ${operationId}.`);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `^${operation.path
      .split('/')
      .map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : escape(segment)))
      .join('/')}/?$`,
  );
  return (request) =>
    request.method.toLowerCase() === operation.method &&
    pattern.test(new URL(request.url).pathname.slice(basePath.length));
}
