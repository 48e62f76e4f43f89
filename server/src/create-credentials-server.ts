/**
 * `createCredentialsServer`: the reference implementation of the credentials contract as a Hono
 * app, over a database (PGlite or PostgreSQL), an envelope cipher and a provider verifier.
 */
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
import { noVerification, type ApiKeyVerifier } from './domain/verification';
import type { OAuthDirectory } from './providers/oauth-directory';
import type { OutboundFetch } from './providers/outbound-fetch';
import { loadContract, type Contract } from './http/contract';
import { createContractRouter, errorResponse } from './http/contract-router';
import { createOperationHandlers } from './http/operation-handlers';
import { silentLogger, type Logger } from './logger';
import { openDatabase, type DatabaseConnection, type DatabaseLocation } from './storage/database';
import { keyIdsInUse } from './storage/sealed-values';

/** Options of {@link createCredentialsServer}. */
export interface CredentialsServerOptions {
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
  /** Resolves the caller of each request (default: one local tenant and user). */
  authenticate?: Authenticate;
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
    const oauthFlows = options.oauth
      ? createOAuthFlowService({
          db: database.db,
          cipher,
          clock,
          audit,
          clients: oauthClients,
          directory: options.oauth.directory,
          fetch: options.oauth.fetch,
          redirectUri,
          secureCookies: new URL(options.publicOrigin).protocol === 'https:',
          allowInsecureProviders: options.oauth.allowInsecureProviders ?? false,
          ...(options.oauth.announceClient && { announceClient: options.oauth.announceClient }),
          logger,
        })
      : createUnavailableOAuthFlows();

    const api = createContractRouter({
      contract: options.contract ?? loadContract(),
      handlers: createOperationHandlers({ credentials, oauthClients, oauthFlows }),
      authenticate: options.authenticate ?? localPrincipal,
      logger,
      basePath: options.basePath ?? '/api',
      validateResponses: options.validateResponses ?? false,
    });

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
      close: async () => {
        if (ownsDatabase) await database.close();
      },
    };
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
}
