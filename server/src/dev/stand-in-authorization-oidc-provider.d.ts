/**
 * Types of the part of `oidc-provider` (9.x) that the stand-in authorization server uses. The
 * package ships no types and `@types/oidc-provider` is not a dependency of the workspace; these
 * declarations cover only what `stand-in-authorization-server.ts` calls, checked against the
 * 9.13 source. If `@types/oidc-provider` is ever added, delete this file.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** What an adapter stores for one model instance. */
  export interface AdapterPayload {
    [key: string]: unknown;
    jti?: string;
    grantId?: string;
    uid?: string;
    userCode?: string;
    consumed?: number;
  }

  /** The storage of one model (`AccessToken`, `Grant`, `Client`, …). */
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  /** Client registration metadata (RFC 7591 names). */
  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    [key: string]: unknown;
  }

  /** What `findAccount` resolves with. */
  export interface Account {
    accountId: string;
    claims(
      use: string,
      scope: string,
      claims: Record<string, unknown>,
      rejected: string[],
    ): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  /** The result an interaction finishes with. */
  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
  }

  /** A pending interaction, as `interactionDetails` reads it from its cookie. */
  export interface Interaction {
    uid: string;
    returnTo: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown>;
    session?: { accountId?: string };
    grantId?: string;
  }

  /** The part of a Koa context with `ctx.oidc` that the configuration callbacks read. */
  export interface KoaContextWithOIDC {
    type: string;
    body: unknown;
    status: number;
    oidc: { provider: Provider; result?: InteractionResults };
  }

  export interface Client {
    readonly clientId: string;
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    /** Records scopes as refused: consent is then not asked for them again. */
    rejectOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export interface AccessToken {
    readonly accountId: string;
    readonly clientId: string;
    readonly grantId: string;
    readonly scope?: string;
    readonly isExpired: boolean;
  }

  export interface BaseToken {
    readonly clientId: string;
  }

  /** What tokens are issued from (an authorization code, a refresh token): its scopes. */
  export interface GrantSource {
    readonly scopes: Set<string>;
  }

  /** The JSON-ready error `renderError` receives. */
  export interface ErrorOut {
    error: string;
    error_description?: string;
    [key: string]: unknown;
  }

  type TtlFunction = (ctx: KoaContextWithOIDC, token: unknown, client: Client) => number;

  /** The configuration keys the stand-in sets (see the 9.x documentation for their meaning). */
  export interface Configuration {
    adapter?: (name: string) => Adapter;
    clients?: ClientMetadata[];
    clientDefaults?: Partial<ClientMetadata>;
    clientAuthMethods?: string[];
    clientBasedCORS?: (ctx: KoaContextWithOIDC, origin: string, client: Client) => boolean;
    responseTypes?: string[];
    pkce?: { required?: (ctx: KoaContextWithOIDC, client: Client) => boolean };
    scopes?: string[];
    claims?: Record<string, string[] | null>;
    conformIdTokenClaims?: boolean;
    allowOmittingSingleRegisteredRedirectUri?: boolean;
    findAccount?: (
      ctx: KoaContextWithOIDC,
      sub: string,
      token?: unknown,
    ) => Promise<Account | undefined> | Account | undefined;
    issueRefreshToken?: (
      ctx: KoaContextWithOIDC,
      client: Client,
      code: GrantSource,
    ) => Promise<boolean> | boolean;
    rotateRefreshToken?: boolean | ((ctx: KoaContextWithOIDC) => boolean);
    expiresWithSession?: (ctx: KoaContextWithOIDC, code: unknown) => Promise<boolean> | boolean;
    loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
    interactions?: {
      url?: (ctx: KoaContextWithOIDC, interaction: Interaction) => Promise<string> | string;
    };
    features?: {
      devInteractions?: { enabled: boolean };
      dPoP?: { enabled: boolean };
      revocation?: {
        enabled: boolean;
        allowedPolicy?: (
          ctx: KoaContextWithOIDC,
          client: Client,
          token: BaseToken,
        ) => Promise<boolean> | boolean;
      };
      userinfo?: { enabled: boolean };
      introspection?: { enabled: boolean };
      rpInitiatedLogout?: { enabled: boolean };
      registration?: { enabled: boolean };
    };
    cookies?: {
      keys?: string[];
      names?: { session?: string; interaction?: string; resume?: string };
    };
    jwks?: { keys: Record<string, unknown>[] };
    ttl?: Partial<
      Record<
        | 'AccessToken'
        | 'AuthorizationCode'
        | 'Grant'
        | 'IdToken'
        | 'Interaction'
        | 'RefreshToken'
        | 'Session',
        number | TtlFunction
      >
    >;
    routes?: Partial<
      Record<'authorization' | 'jwks' | 'revocation' | 'token' | 'userinfo', string>
    >;
    renderError?: (ctx: KoaContextWithOIDC, out: ErrorOut, error: Error) => Promise<void> | void;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Client: { find(id: string): Promise<Client | undefined> };
    readonly Grant: {
      new (properties: { accountId: string; clientId: string }): Grant;
      find(id: string): Promise<Grant | undefined>;
    };
    readonly AccessToken: { find(value: string): Promise<AccessToken | undefined> };
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    /** oidc-provider's own failures (500s). */
    on(event: 'server_error', listener: (ctx: unknown, error: Error) => void): this;
    /** Koa's: an error no handler caught (without a listener, Koa prints it). */
    on(event: 'error', listener: (error: Error) => void): this;
  }

  export default Provider;
}
