/**
 * What every OAuth call the server makes has in common — the code exchange of a flow, a token
 * refresh, a revocation: the provider described as an oauth4webapi authorization server, how the
 * client authenticates there, the guarded outbound fetch every request goes through, and the
 * token set stored (sealed) with a credential.
 */
import * as oauth from 'oauth4webapi';
import { ApiError } from '../http/api-error';
import type { EnvelopeCipher } from '../crypto/envelope';
import type { Logger } from '../logger';
import type { OAuthDirectory, OAuthProviderEndpoints } from '../providers/oauth-directory';
import type { OutboundFetch } from '../providers/outbound-fetch';
import type { AuditTrail } from './audit';
import type { ClientInUse, OAuthClientService } from './oauth-client-service';

/**
 * What every service that talks OAuth to a provider needs (the flow service, the refresh service,
 * the revocation worker): one set, built once by `createCredentialsServer`.
 */
export interface OAuthProtocolDependencies {
  cipher: EnvelopeCipher;
  clock: () => Date;
  audit: AuditTrail;
  clients: OAuthClientService;
  directory: OAuthDirectory;
  /** The SSRF-guarded fetch every call to a provider goes through. */
  fetch: OutboundFetch;
  /** Providers on plain http (the loopback stand-in in development and tests). */
  allowInsecureProviders: boolean;
  logger: Logger;
}

/** The token set stored (sealed, as one JSON document) with an OAuth credential. */
export interface StoredTokens {
  accessToken: string;
  refreshToken: string | null;
  tokenType: string;
  scope: string | null;
  /**
   * The client the tokens were issued to: a refresh or a revocation must authenticate as it.
   * Null in token sets sealed before it was recorded (they use the client in use).
   */
  clientId: string | null;
  clientMode: 'default' | 'custom' | null;
}

/** Reads a stored token set (sealed JSON); a document that is not one is a bug, thrown. */
export function parseStoredTokens(json: string): StoredTokens {
  const value = JSON.parse(json) as Partial<StoredTokens>;
  if (typeof value.accessToken !== 'string' || typeof value.tokenType !== 'string') {
    throw new Error('The stored token set is not one the server wrote.');
  }
  return {
    accessToken: value.accessToken,
    refreshToken: typeof value.refreshToken === 'string' ? value.refreshToken : null,
    tokenType: value.tokenType,
    scope: typeof value.scope === 'string' ? value.scope : null,
    clientId: typeof value.clientId === 'string' ? value.clientId : null,
    clientMode:
      value.clientMode === 'default' || value.clientMode === 'custom' ? value.clientMode : null,
  };
}

/** A token endpoint's answer as stored, keeping what a refresh response may leave out. */
export function storedTokensOf(
  tokens: oauth.TokenEndpointResponse,
  client: Pick<ClientInUse, 'clientId' | 'mode'>,
  previous: StoredTokens | null = null,
): StoredTokens {
  return {
    accessToken: tokens.access_token,
    // A provider that does not rotate refresh tokens answers a refresh without one (RFC 6749
    // §6): the one used stays valid.
    refreshToken: tokens.refresh_token ?? previous?.refreshToken ?? null,
    tokenType: tokens.token_type,
    scope: tokens.scope ?? previous?.scope ?? null,
    clientId: client.clientId,
    clientMode: client.mode,
  };
}

/**
 * The credential's plain (unsealed) record of a grant, from a token response and the token set
 * stored from it: the scopes the response names, else `unnamedScopes` — the scopes asked for
 * after an authorization (RFC 6749 §5.1), the ones recorded before after a refresh — and whether
 * a refresh token is held.
 */
export function grantRecordOf(
  tokens: oauth.TokenEndpointResponse,
  stored: StoredTokens,
  unnamedScopes: string | null,
): { grantedScopes: string | null; refreshable: boolean } {
  return {
    grantedScopes: normaliseScope(tokens.scope) ?? normaliseScope(unnamedScopes),
    refreshable: stored.refreshToken !== null,
  };
}

/** A space-separated scope list without empty entries; null when it names none. */
function normaliseScope(scope: string | null | undefined): string | null {
  const scopes = scopeList(scope);
  return scopes.length === 0 ? null : scopes.join(' ');
}

/** The scopes of a space-separated list (RFC 6749 §3.3), empty entries dropped. */
export function scopeList(scope: string | null | undefined): string[] {
  return (scope ?? '').split(' ').filter(Boolean);
}

/** When an access token from a token response expires, on the server's clock. */
export function expiryOf(tokens: oauth.TokenEndpointResponse, now: Date): Date | null {
  return typeof tokens.expires_in === 'number'
    ? new Date(now.getTime() + tokens.expires_in * 1000)
    : null;
}

/**
 * oauth4webapi's request options: every request goes through the SSRF-guarded fetch, and plain
 * http is allowed only where the deployment says so (the loopback stand-in).
 */
export function oauthHttpOptions(fetch: OutboundFetch, allowInsecureProviders: boolean) {
  return {
    [oauth.customFetch]: (url: string, init: oauth.CustomFetchOptions<string, unknown>) =>
      fetch(url, {
        method: init.method,
        headers: init.headers,
        ...(init.body === undefined || init.body === null ? {} : { body: String(init.body) }),
        ...(init.signal ? { signal: init.signal } : {}),
      }),
    ...(allowInsecureProviders ? { [oauth.allowInsecureRequests]: true } : {}),
  };
}

/** A provider's endpoints as the authorization server oauth4webapi talks to. */
export function authorizationServerOf(
  endpoints: OAuthProviderEndpoints,
): oauth.AuthorizationServer {
  return {
    // Without a known issuer there is nothing to compare an `iss` with: the token endpoint's
    // origin stands in, and the response's `iss` check is skipped (RFC 9207 is optional).
    issuer: endpoints.issuer ?? new URL(endpoints.tokenEndpoint).origin,
    authorization_endpoint: endpoints.authorizationEndpoint,
    token_endpoint: endpoints.tokenEndpoint,
    ...(endpoints.revocationEndpoint && { revocation_endpoint: endpoints.revocationEndpoint }),
    authorization_response_iss_parameter_supported: endpoints.issuer !== null,
  };
}

/** How the client authenticates at the provider's token and revocation endpoints. */
export function clientAuthOf(
  endpoints: OAuthProviderEndpoints,
  client: Pick<ClientInUse, 'clientSecret'>,
): oauth.ClientAuth {
  if (client.clientSecret === null) return oauth.None();
  return endpoints.clientAuthentication === 'client_secret_basic'
    ? oauth.ClientSecretBasic(client.clientSecret)
    : oauth.ClientSecretPost(client.clientSecret);
}

/** The provider's endpoints for a client, or the contract's 503 when none are configured. */
export function requireEndpoints(
  directory: OAuthDirectory,
  providerId: string,
  client: ClientInUse,
): OAuthProviderEndpoints {
  const endpoints = directory(providerId, client);
  if (!endpoints) {
    throw new ApiError(
      503,
      {
        code: 'oauth_unavailable',
        message: 'This server has no OAuth endpoints configured for this provider.',
        retryable: false,
      },
      { 'Retry-After': '3600' },
    );
  }
  return endpoints;
}

/** The OAuth error code a provider answered with (`invalid_grant`, …), or null for any other failure. */
export function oauthErrorCode(error: unknown): string | null {
  return error instanceof oauth.ResponseBodyError ? error.error : null;
}
