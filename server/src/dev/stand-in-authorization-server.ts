/**
 * A real OAuth 2.0 authorization server standing in for Notion, Google Drive, Dropbox and
 * OneDrive in development and tests: panva's `oidc-provider`, one `Provider` per simulated
 * provider, mounted under `/notion`, `/google-drive`, `/dropbox` and `/onedrive` of one origin.
 * The reference server's OAuth client (oauth4webapi) talks to it exactly as it talks to the real
 * providers: authorization code flow with PKCE (S256, required), `state`, the RFC 9207 `iss`
 * response parameter, client secrets (Basic or in the body), refresh tokens rotated on every use,
 * revocation (RFC 7009), and an account endpoint.
 *
 * Each simulated provider serves, under `<issuer>/<providerId>`:
 * - `GET /authorize`, `POST /token`, `POST /revoke`, `GET /jwks`,
 *   `GET /.well-known/openid-configuration` (oidc-provider);
 * - `GET /interaction/:uid`, `POST /interaction/:uid`: our consent page and its decision;
 * - `GET|POST /me`: the signed-in account (`{ sub, name, email? }`) for a Bearer access token;
 * - `GET|POST /account`: the account page, where the user removes an app's access (its grants
 *   and tokens end, so the app's next refresh fails with `invalid_grant`).
 *
 * Why `/me` and not oidc-provider's `/userinfo`: oidc-provider answers userinfo only for access
 * tokens carrying `openid`, and the real scopes of Notion, Dropbox and OneDrive are not OpenID
 * ones (their real APIs have account endpoints instead, e.g. Dropbox's
 * `/2/users/get_current_account`). `/me` accepts any live access token of the provider; its
 * answer has a `sub`, so oauth4webapi's `userInfoRequest`/`processUserInfoResponse` read it.
 *
 * The login step is implicit (the provider's fixed account is signed in), and consent is asked
 * on every authorization (no remembered grants), so every flow shows the consent page. Google
 * Drive's and OneDrive's pages let the user untick scopes, as the real ones do: only the ticked
 * ones are granted (the token response's `scope` lists just those), and OneDrive, like
 * Microsoft, issues no refresh token without `offline_access`.
 *
 * Development and tests only: creating it with `NODE_ENV=production` throws, `start…` listens on
 * 127.0.0.1 only, and a request from anywhere but loopback is refused however it is mounted.
 * Nothing in it reaches the network (its keys are generated at start, its pages load nothing).
 */
import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import type { ClientMetadata, Configuration, Provider } from 'oidc-provider';
import type { Logger } from '../logger.ts';
import { renderAccountPage } from './stand-in-account-page.ts';
import { createStandInStorage, type StandInStorage } from './stand-in-authorization-adapter.ts';
import {
  accountLabel,
  defaultPlatformClientId,
  isStandInProviderId,
  standInProviderIds,
  standInProviders,
  type StandInPlatformProviderId,
  type StandInProvider,
  type StandInProviderId,
} from './stand-in-authorization-providers.ts';
import {
  pageContentSecurityPolicy,
  renderConsentPage,
  renderErrorPage,
} from './stand-in-consent-page.ts';

export {
  accountLabel,
  standInProviders,
  type StandInAccount,
  type StandInPlatformProviderId,
  type StandInProviderId,
} from './stand-in-authorization-providers.ts';

/** A client registered with a simulated provider. */
export interface StandInClient {
  providerId: StandInProviderId;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/** What {@link StandInAuthorizationServer.registerClient} takes (a user's custom client). */
export interface StandInClientRegistration {
  /** `notion`, `google-drive`, `dropbox` or `onedrive`. */
  providerId: string;
  clientId: string;
  clientSecret: string;
  /** Exact redirect URIs (`http:` or `https:`, no fragment); a request must name one of them. */
  redirectUris: string[];
}

/** Overrides of a platform client; every part defaults. */
export interface StandInPlatformClientOptions {
  /** Default: `pipeline-connect-platform-<providerId>` (the id the mock uses too). */
  clientId?: string;
  /** Default: 32 random bytes, base64url, new at every start (read it from `platformClients`). */
  clientSecret?: string;
  /** Default: the server's `redirectUris`. */
  redirectUris?: string[];
}

/** The endpoints of one simulated provider, for the reference server's provider registry. */
export interface StandInProviderEndpoints {
  /** The provider's issuer: `<issuer>/<providerId>`, the `iss` of its authorization responses. */
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** The account endpoint (`/me`): `{ sub, name, email? }` for a Bearer access token. */
  userinfoEndpoint: string;
  revocationEndpoint: string;
}

/** Options of {@link createStandInAuthorizationServer}. */
export interface StandInAuthorizationServerOptions {
  /**
   * Where the server is reached, e.g. `http://127.0.0.1:4010` (or with a path it is mounted
   * under); each simulated provider's issuer is this plus `/<providerId>`.
   */
  issuer: string;
  /** The app's redirect URIs, registered with the platform clients (unless they name their own). */
  redirectUris: readonly string[];
  /** Overrides of the platform clients of Notion and Google Drive. */
  platformClients?: Partial<Record<StandInPlatformProviderId, StandInPlatformClientOptions>>;
  /**
   * Access-token lifetime in seconds, every provider. Default 3,600 (Google's hour); tests pass a
   * few seconds so refresh is exercised.
   */
  accessTokenTtlSeconds?: number;
  /** Refresh-token lifetime in seconds. Default 14 days. */
  refreshTokenTtlSeconds?: number;
  /** The app's name on the consent page. Default `Pipeline Connect`. */
  appName?: string;
  /** Told of the stand-in's own failures (never of a secret or token). */
  logger?: Pick<Logger, 'warn' | 'error'>;
}

/** The stand-in authorization server, ready to be mounted. */
export interface StandInAuthorizationServer {
  /** The base URL every simulated provider's issuer is under (the `issuer` option, normalised). */
  readonly issuer: string;
  /** A Node request handler serving every simulated provider (mountable in any Node server). */
  readonly callback: (req: IncomingMessage, res: ServerResponse) => void;
  /** The platform clients of Notion and Google Drive, secrets included. */
  readonly platformClients: Readonly<Record<StandInPlatformProviderId, StandInClient>>;
  /**
   * Registers a user's custom client with a simulated provider, or replaces the one of the same
   * id (a new secret, other redirect URIs). Throws `TypeError` for an unknown provider, an empty
   * id or secret, a redirect URI that is not an absolute `http:`/`https:` URL without fragment,
   * or the id of a platform client.
   */
  registerClient(client: StandInClientRegistration): void;
  /** The endpoints of a simulated provider. Throws `TypeError` for an unknown provider. */
  providerEndpoints(providerId: string): StandInProviderEndpoints;
  /** Forgets every client, grant and token. */
  close(): Promise<void>;
}

const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 60 * 60;
const DEFAULT_REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 60 * 60;
/** A grant (and every token of it) outlives its first refresh token by this much, at most. */
const GRANT_TTL_MARGIN_SECONDS = 24 * 60 * 60;
/** RFC 6749 §4.1.2 recommends at most 10 minutes; real providers use about one. */
const AUTHORIZATION_CODE_TTL_SECONDS = 60;
/** Matches the reference server's 10-minute flow expiry (DESIGN.md §2). */
const INTERACTION_TTL_SECONDS = 10 * 60;
const SESSION_TTL_SECONDS = 24 * 60 * 60;
const FORM_BODY_LIMIT_BYTES = 4 * 1024;

const routes = {
  authorization: '/authorize',
  token: '/token',
  revocation: '/revoke',
  userinfo: '/userinfo',
  jwks: '/jwks',
} as const;
const ACCOUNT_PATH = '/me';
const ACCOUNT_PAGE_PATH = '/account';

/** One simulated provider, running. */
interface Simulated {
  spec: StandInProvider;
  provider: Provider;
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** The path prefix, e.g. `/notion` (or `/stand-in/notion` when the issuer has a path). */
  mountPath: string;
  issuer: string;
  clients: Map<string, StandInClient>;
  platformClientId: string | null;
  storage: StandInStorage;
}

/**
 * Creates the stand-in authorization server for the given issuer (see the module comment). It
 * is asynchronous because it generates its signing key, and because it loads `oidc-provider`
 * only here: a production process that merely imports this module never loads it.
 */
export async function createStandInAuthorizationServer(
  options: StandInAuthorizationServerOptions,
): Promise<StandInAuthorizationServer> {
  refuseProduction();
  const base = normaliseIssuer(options.issuer);
  const basePath = new URL(base).pathname.replace(/\/$/, '');
  const redirectUris = validRedirectUris([...options.redirectUris], 'redirectUris');
  const accessTokenTtl = positiveSeconds(
    options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
    'accessTokenTtlSeconds',
  );
  const refreshTokenTtl = positiveSeconds(
    options.refreshTokenTtlSeconds ?? DEFAULT_REFRESH_TOKEN_TTL_SECONDS,
    'refreshTokenTtlSeconds',
  );
  const appName = options.appName ?? 'Pipeline Connect';
  const logger = options.logger;

  const { default: OidcProvider } = await import('oidc-provider');
  const jwk = await generateSigningKey();
  const cookieKeys = [randomBytes(32).toString('base64url')];

  const platformClients = {} as Record<StandInPlatformProviderId, StandInClient>;
  const simulated = new Map<StandInProviderId, Simulated>();

  for (const providerId of standInProviderIds) {
    const spec = standInProviders[providerId];
    const mountPath = `${basePath}/${providerId}`;
    const issuer = `${base}/${providerId}`;
    const clients = new Map<string, StandInClient>();
    let platformClientId: string | null = null;
    if (spec.hasPlatformClient) {
      const platformId = providerId as StandInPlatformProviderId;
      const overrides = options.platformClients?.[platformId] ?? {};
      const client: StandInClient = {
        providerId,
        clientId: nonEmpty(
          overrides.clientId ?? defaultPlatformClientId(platformId),
          'platform clientId',
        ),
        clientSecret: nonEmpty(
          overrides.clientSecret ?? randomBytes(32).toString('base64url'),
          'platform clientSecret',
        ),
        redirectUris: overrides.redirectUris
          ? validRedirectUris(overrides.redirectUris, 'platform redirectUris')
          : [...redirectUris],
      };
      clients.set(client.clientId, client);
      platformClients[platformId] = client;
      platformClientId = client.clientId;
    }

    const storage = createStandInStorage({
      find: (clientId) => {
        const client = clients.get(clientId);
        return client ? clientMetadata(client) : undefined;
      },
    });
    const configuration: Configuration = {
      adapter: storage.adapter,
      clientDefaults: {
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      // oidc-provider accepts a secret in the Authorization header or in the body for a client
      // registered with either method, as Google, Dropbox and Microsoft do.
      clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
      // Server-to-server only: no browser calls the token, revocation or account endpoints.
      clientBasedCORS: () => false,
      responseTypes: ['code'],
      pkce: { required: () => true },
      scopes: [...spec.scopes],
      claims:
        providerId === 'google-drive'
          ? { openid: ['sub'], profile: ['name'], email: ['email'] }
          : { openid: ['sub'] },
      conformIdTokenClaims: false,
      // Real providers require redirect_uri in every authorization request.
      allowOmittingSingleRegisteredRedirectUri: false,
      findAccount: (_ctx, sub) =>
        sub === spec.account.sub
          ? { accountId: sub, claims: () => ({ ...spec.account }) }
          : undefined,
      // Refresh tokens whatever the scopes (by default only with `offline_access`) — except where
      // the provider knows `offline_access` and it was not granted (Microsoft issues none then)
      // — rotated on every use, and not tied to the provider's browser session (by default they
      // are, without `offline_access`).
      issueRefreshToken: (_ctx, _client, code) =>
        !spec.scopes.includes('offline_access') || code.scopes.has('offline_access'),
      rotateRefreshToken: true,
      expiresWithSession: () => false,
      // Only the grant consented to in this very interaction counts: a remembered grant would
      // skip the consent page on the next authorization, and every flow should show it.
      loadExistingGrant: async (ctx) => {
        const grantId = ctx.oidc.result?.consent?.grantId;
        return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
      },
      interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
      features: {
        devInteractions: { enabled: false },
        // None of the real providers binds tokens to DPoP keys.
        dPoP: { enabled: false },
        revocation: {
          enabled: true,
          // A client revokes only its own tokens (others' are ignored, as RFC 7009 allows).
          allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
        },
        userinfo: { enabled: true },
        rpInitiatedLogout: { enabled: false },
      },
      cookies: {
        keys: cookieKeys,
        // One origin serves four providers: distinct names keep their sessions apart.
        names: {
          session: `${providerId}_session`,
          interaction: `${providerId}_interaction`,
          resume: `${providerId}_interaction_resume`,
        },
      },
      jwks: { keys: [jwk] },
      ttl: {
        AccessToken: accessTokenTtl,
        AuthorizationCode: AUTHORIZATION_CODE_TTL_SECONDS,
        IdToken: accessTokenTtl,
        RefreshToken: refreshTokenTtl,
        Grant: refreshTokenTtl + GRANT_TTL_MARGIN_SECONDS,
        Interaction: INTERACTION_TTL_SECONDS,
        Session: SESSION_TTL_SECONDS,
      },
      routes: { ...routes },
      renderError: (ctx, out) => {
        ctx.type = 'html';
        ctx.body = renderErrorPage({ title: out.error, detail: out.error_description ?? '' });
      },
    };

    const provider = new OidcProvider(issuer, configuration);
    const report = (error: Error) =>
      logger?.error('stand-in authorization server failed', { providerId, error });
    provider.on('server_error', (_ctx, error) => report(error));
    provider.on('error', report);
    simulated.set(providerId, {
      spec,
      provider,
      handle: provider.callback(),
      mountPath,
      issuer,
      clients,
      platformClientId,
      storage,
    });
  }

  const find = (providerId: string): Simulated => {
    const entry = isStandInProviderId(providerId) ? simulated.get(providerId) : undefined;
    if (!entry) throw new TypeError(`There is no simulated OAuth provider "${providerId}".`);
    return entry;
  };

  const callback = (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res).catch((error: unknown) => {
      logger?.error('stand-in authorization server failed', { error });
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
      else res.destroy();
    });
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress)) {
      logger?.warn('stand-in authorization server refused a request from off this machine', {
        address: req.socket.remoteAddress,
      });
      sendJson(res, 403, { error: 'access_denied', error_description: 'Loopback only.' });
      return;
    }
    // Behind a framework that strips its mount path (Express), the full path is `originalUrl`.
    const full = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    const url = new URL(full, 'http://stand-in.invalid');
    const entry = [...simulated.values()].find(
      ({ mountPath }) => url.pathname === mountPath || url.pathname.startsWith(`${mountPath}/`),
    );
    if (!entry) {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }
    const path = url.pathname.slice(entry.mountPath.length) || '/';
    const interaction = /^\/interaction\/([^/]+)$/.exec(path);
    if (interaction) {
      await handleInteraction(entry, interaction[1] ?? '', req, res);
      return;
    }
    if (path === ACCOUNT_PATH) {
      await handleAccount(entry, req, res);
      return;
    }
    if (path === ACCOUNT_PAGE_PATH) {
      await handleAccountPage(entry, url, req, res);
      return;
    }
    if (path === routes.authorization) {
      if (req.method !== 'GET') {
        // The reference server sends authorization requests as links; one method keeps the
        // scope checks below from being bypassed.
        res.setHeader('Allow', 'GET');
        sendJson(res, 405, { error: 'invalid_request' });
        return;
      }
      if (refuseUnknownScopes(entry, url, res)) return;
      keepOfflineAccess(url);
    }
    // oidc-provider is mounted at `mountPath`: it routes on `req.url` and finds its mount path
    // (for the URLs it builds) by comparing `req.url` with `req.originalUrl`.
    req.url = `${path}${url.search}`;
    (req as { originalUrl?: string }).originalUrl = `${entry.mountPath}${req.url}`;
    await entry.handle(req, res);
  }

  async function handleInteraction(
    entry: Simulated,
    uid: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    if (refusedPageMethod(req, res)) return;
    const { provider, spec } = entry;
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      // No interaction cookie, or one that expired or was already answered.
      sendHtml(res, 400, expiredPage());
      return;
    }
    if (details.uid !== uid) {
      sendHtml(res, 400, expiredPage());
      return;
    }
    const clientId = String(details.params.client_id ?? '');
    const scopes = String(details.params.scope ?? '')
      .split(' ')
      .filter(Boolean);
    if (req.method === 'GET') {
      sendHtml(
        res,
        200,
        renderConsentPage({
          appName,
          providerName: spec.name,
          clientId,
          isPlatformClient: clientId === entry.platformClientId,
          account: accountLabel(spec.account),
          scopes,
          granular: spec.granularConsent,
          formAction: `${entry.mountPath}/interaction/${encodeURIComponent(uid)}`,
        }),
      );
      return;
    }

    const form = await readForm(req);
    const decision = form?.get('decision');
    const deny = (description: string) =>
      provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: description },
        { mergeWithLastSubmission: false },
      );
    if (decision === 'cancel') {
      await deny('The user cancelled the authorization.');
      return;
    }
    if (decision !== 'allow' || !form) {
      sendHtml(
        res,
        400,
        renderErrorPage({ title: 'invalid_request', detail: 'Choose Allow Access or Cancel.' }),
      );
      return;
    }
    // A granular page grants the requested scopes left ticked (a value never requested is
    // ignored); the others are recorded as refused, so that consent is not asked again for them.
    const ticked = new Set(form.getAll('scope'));
    const granted = spec.granularConsent ? scopes.filter((scope) => ticked.has(scope)) : scopes;
    if (granted.length === 0) {
      await deny('The user granted none of the requested access.');
      return;
    }
    const accountId = spec.account.sub;
    const grant = new provider.Grant({ accountId, clientId });
    grant.addOIDCScope(granted.join(' '));
    const refused = scopes.filter((scope) => !granted.includes(scope));
    if (refused.length > 0) grant.rejectOIDCScope(refused.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  /** The account page (GET), and its **Remove access** (POST `client_id`, then back to GET). */
  async function handleAccountPage(
    entry: Simulated,
    url: URL,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const { spec, storage } = entry;
    const formAction = `${entry.mountPath}${ACCOUNT_PAGE_PATH}`;
    if (req.method === 'POST') {
      // A form of this page only: another site's page cannot remove access behind the user's
      // back. Browsers say where a request comes from in Sec-Fetch-Site (the Origin of this
      // page's own form is `null`, since its pages send no referrer); other clients in Origin.
      const site = req.headers['sec-fetch-site'];
      const origin = req.headers.origin;
      const sameOrigin =
        site !== undefined
          ? site === 'same-origin'
          : origin === undefined || origin === `http://${req.headers.host}`;
      const form = await readForm(req);
      const clientId = form?.get('client_id') ?? '';
      if (!sameOrigin || !clientId) {
        sendHtml(
          res,
          400,
          renderErrorPage({ title: 'invalid_request', detail: 'Not this page’s form.' }),
        );
        return;
      }
      for (const grant of storage.grantsOf(spec.account.sub)) {
        if (grant.clientId === clientId) storage.removeGrant(grant.grantId);
      }
      commonHeaders(res);
      res.statusCode = 303;
      res.setHeader('Location', `${formAction}?removed=${encodeURIComponent(clientId)}`);
      res.end();
      return;
    }
    if (refusedPageMethod(req, res)) return;
    const counts = new Map<string, number>();
    for (const grant of storage.grantsOf(spec.account.sub)) {
      counts.set(grant.clientId, (counts.get(grant.clientId) ?? 0) + 1);
    }
    sendHtml(
      res,
      200,
      renderAccountPage({
        appName,
        providerName: spec.name,
        account: accountLabel(spec.account),
        apps: [...counts].map(([clientId, grants]) => ({
          clientId,
          isPlatformClient: clientId === entry.platformClientId,
          grants,
        })),
        formAction,
        removed: url.searchParams.get('removed'),
      }),
    );
  }

  async function handleAccount(
    entry: Simulated,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('Allow', 'GET, POST');
      sendJson(res, 405, { error: 'invalid_request' });
      return;
    }
    const match = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '');
    const token = match?.[1] ? await entry.provider.AccessToken.find(match[1]) : undefined;
    // A revoked grant (revocation, a replayed code or refresh token) takes its tokens with it.
    const grant = token ? await entry.provider.Grant.find(token.grantId) : undefined;
    if (!token || !grant || token.accountId !== entry.spec.account.sub) {
      res.setHeader(
        'WWW-Authenticate',
        match
          ? 'Bearer error="invalid_token", error_description="The access token is invalid or expired."'
          : 'Bearer',
      );
      sendJson(res, 401, {
        error: 'invalid_token',
        error_description: 'The access token is invalid or expired.',
      });
      return;
    }
    sendJson(res, 200, { ...entry.spec.account });
  }

  return {
    issuer: base,
    callback,
    platformClients,
    registerClient(registration) {
      const entry = find(registration.providerId);
      const clientId = nonEmpty(registration.clientId, 'clientId');
      if (clientId === entry.platformClientId) {
        throw new TypeError(`"${clientId}" is the platform client of ${entry.spec.name}.`);
      }
      entry.clients.set(clientId, {
        providerId: entry.spec.id,
        clientId,
        clientSecret: nonEmpty(registration.clientSecret, 'clientSecret'),
        redirectUris: validRedirectUris(registration.redirectUris, 'redirectUris'),
      });
    },
    providerEndpoints(providerId) {
      const { issuer } = find(providerId);
      return {
        issuer,
        authorizationEndpoint: `${issuer}${routes.authorization}`,
        tokenEndpoint: `${issuer}${routes.token}`,
        userinfoEndpoint: `${issuer}${ACCOUNT_PATH}`,
        revocationEndpoint: `${issuer}${routes.revocation}`,
      };
    },
    async close() {
      for (const entry of simulated.values()) entry.clients.clear();
      simulated.clear();
    },
  };
}

/** Options of {@link startStandInAuthorizationServer}. */
export interface StartStandInAuthorizationServerOptions extends Omit<
  StandInAuthorizationServerOptions,
  'issuer'
> {
  /** The port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

/** A stand-in authorization server listening on loopback. */
export interface RunningStandInAuthorizationServer extends StandInAuthorizationServer {
  /** E.g. `http://127.0.0.1:54321` (also the `issuer`). */
  readonly origin: string;
  /** The exact `host:port`, for an outbound-fetch allowlist. */
  readonly hostPort: string;
  /** Stops listening, ends open connections and forgets every client, grant and token. */
  close(): Promise<void>;
}

/** Starts the stand-in authorization server on 127.0.0.1 (never on another interface). */
export async function startStandInAuthorizationServer(
  options: StartStandInAuthorizationServerOptions,
): Promise<RunningStandInAuthorizationServer> {
  // Refused before anything listens, not only once the handler is created.
  refuseProduction();
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    // The issuer names the port, known only once listening: until the handler exists, refuse.
    if (handler) handler(req, res);
    else sendJson(res, 503, { error: 'temporarily_unavailable' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  let standIn: StandInAuthorizationServer;
  try {
    const { port: _port, ...rest } = options;
    standIn = await createStandInAuthorizationServer({ ...rest, issuer: origin });
  } catch (error) {
    await stop();
    throw error;
  }
  handler = standIn.callback;
  return {
    ...standIn,
    origin,
    hostPort: `127.0.0.1:${port}`,
    async close() {
      await stop();
      await standIn.close();
    },
  };
}

function refuseProduction(): void {
  if (process.env.NODE_ENV === 'production') {
    throw new Error(
      'The stand-in authorization server is for development and tests only; it refuses to run with NODE_ENV=production.',
    );
  }
}

function clientMetadata(client: StandInClient): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: [...client.redirectUris],
  };
}

/**
 * Real providers refuse scopes they do not know with `invalid_scope`; oidc-provider silently
 * drops them (the token's scope would merely lack them). The error is redirected only to a
 * redirect URI registered for the client (RFC 6749 §4.1.2.1); anything else is left to
 * oidc-provider, which refuses it on its error page. Returns whether it answered.
 */
function refuseUnknownScopes(entry: Simulated, url: URL, res: ServerResponse): boolean {
  const params = url.searchParams;
  const scopes = (params.get('scope') ?? '').split(' ').filter(Boolean);
  const unknown = scopes.filter((scope) => !entry.spec.scopes.includes(scope));
  if (scopes.length > 0 && unknown.length === 0) return false;
  const client = entry.clients.get(params.get('client_id') ?? '');
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client?.redirectUris.includes(redirectUri)) return false;
  const back = new URL(redirectUri);
  back.searchParams.set('error', 'invalid_scope');
  back.searchParams.set(
    'error_description',
    scopes.length ? `Unknown scope: ${unknown.join(' ')}` : 'A scope is required.',
  );
  const state = params.get('state');
  if (state !== null) back.searchParams.set('state', state);
  back.searchParams.set('iss', entry.issuer);
  commonHeaders(res);
  res.statusCode = 303;
  res.setHeader('Location', back.href);
  res.end();
  return true;
}

/**
 * oidc-provider follows OpenID Connect Core §11 and drops `offline_access` from a request
 * without `prompt=consent`; Microsoft keeps it. Consent is asked on every authorization here
 * anyway, so asking for it explicitly changes nothing but keeps the scope the client asked for.
 */
function keepOfflineAccess(url: URL): void {
  const scopes = (url.searchParams.get('scope') ?? '').split(' ');
  const prompts = (url.searchParams.get('prompt') ?? '').split(' ').filter(Boolean);
  if (!scopes.includes('offline_access') || prompts.includes('consent') || prompts.includes('none'))
    return;
  url.searchParams.set('prompt', [...prompts, 'consent'].join(' '));
}

/** Pages answer GET (and their form's POST): anything else is a 405 page. Returns whether it answered. */
function refusedPageMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'POST') return false;
  res.setHeader('Allow', 'GET, POST');
  sendHtml(res, 405, renderErrorPage({ title: 'Method not allowed', detail: req.method ?? '' }));
  return true;
}

function expiredPage(): string {
  return renderErrorPage({
    title: 'This authorization request has expired',
    detail: 'It was already answered, or it waited too long.',
  });
}

async function generateSigningKey(): Promise<Record<string, unknown>> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function normaliseIssuer(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`issuer must be an absolute URL, got "${value}".`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new TypeError(`issuer must be an http: or https: URL without query or fragment.`);
  }
  return url.href.replace(/\/$/, '');
}

function validRedirectUris(uris: readonly string[], label: string): string[] {
  if (!Array.isArray(uris) || uris.length === 0) {
    throw new TypeError(`${label} must name at least one redirect URI.`);
  }
  for (const uri of uris) {
    const url = URL.canParse(uri) ? new URL(uri) : null;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || uri.includes('#')) {
      throw new TypeError(`${label}: "${uri}" is not an http: or https: URL without fragment.`);
    }
  }
  return [...uris];
}

function nonEmpty(value: string, label: string): string {
  // Control characters could not travel in a Basic header or a form field intact.
  // eslint-disable-next-line no-control-regex
  if (typeof value !== 'string' || !value || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new TypeError(`${label} must be a non-empty string without control characters.`);
  }
  return value;
}

function positiveSeconds(value: number, label: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new TypeError(`${label} must be a positive whole number of seconds.`);
  }
  return value;
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > FORM_BODY_LIMIT_BYTES) return null;
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function commonHeaders(res: ServerResponse): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  commonHeaders(res);
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', pageContentSecurityPolicy);
  res.end(html);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  commonHeaders(res);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
