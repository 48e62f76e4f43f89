/**
 * Where each provider's OAuth endpoints are, and its quirks: the parameters its authorization
 * request needs, how the client authenticates at its token endpoint, and where the connected
 * account's name comes from. The real providers' entries are what a host with real client
 * credentials connects to; development and tests use the stand-in authorization server's.
 */

/** One provider's OAuth endpoints and quirks. */
export interface OAuthProviderEndpoints {
  /** The issuer its authorization responses name (RFC 9207 `iss`), where it sends one. */
  issuer: string | null;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Where the account is read with the access token; null when the token response says it. */
  accountEndpoint: string | null;
  /** Dropbox reads the account with a POST (and no body); everyone else with a GET. */
  accountMethod: 'GET' | 'POST';
  /** RFC 7009 revocation, where the provider has it. */
  revocationEndpoint: string | null;
  /** Parameters the provider's authorization request needs beyond the standard ones. */
  authorizationParameters: Record<string, string>;
  clientAuthentication: 'client_secret_basic' | 'client_secret_post';
  /** How the account's name is found. */
  account: 'account-endpoint' | 'token-workspace-name';
}

/** The endpoints of a provider for a client (OneDrive's depend on the client's tenant). */
export type OAuthDirectory = (
  providerId: string,
  client: { extra: Record<string, string> },
) => OAuthProviderEndpoints | null;

/**
 * The real providers. Verified against their documentation only — the tests run against the
 * stand-in authorization server (see the README's "Connecting real providers").
 */
export const realOAuthDirectory: OAuthDirectory = (
  providerId,
  client,
): OAuthProviderEndpoints | null => {
  switch (providerId) {
    case 'notion':
      // Notion: Basic client authentication, the workspace in the token response, no userinfo.
      return {
        issuer: null,
        authorizationEndpoint: 'https://api.notion.com/v1/oauth/authorize',
        tokenEndpoint: 'https://api.notion.com/v1/oauth/token',
        accountEndpoint: null,
        accountMethod: 'GET',
        revocationEndpoint: null,
        authorizationParameters: { owner: 'user' },
        clientAuthentication: 'client_secret_basic',
        account: 'token-workspace-name',
      };
    case 'google-drive':
      // Google issues a refresh token only with offline access and a fresh consent.
      return {
        issuer: 'https://accounts.google.com',
        authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
        tokenEndpoint: 'https://oauth2.googleapis.com/token',
        accountEndpoint: 'https://openidconnect.googleapis.com/v1/userinfo',
        accountMethod: 'GET',
        revocationEndpoint: 'https://oauth2.googleapis.com/revoke',
        authorizationParameters: { access_type: 'offline', prompt: 'consent' },
        clientAuthentication: 'client_secret_post',
        account: 'account-endpoint',
      };
    case 'dropbox':
      return {
        issuer: null,
        authorizationEndpoint: 'https://www.dropbox.com/oauth2/authorize',
        tokenEndpoint: 'https://api.dropboxapi.com/oauth2/token',
        accountEndpoint: 'https://api.dropboxapi.com/2/users/get_current_account',
        accountMethod: 'POST',
        revocationEndpoint: null,
        authorizationParameters: { token_access_type: 'offline' },
        clientAuthentication: 'client_secret_post',
        account: 'account-endpoint',
      };
    case 'onedrive': {
      // Microsoft: the tenant is part of every URL; offline_access is one of the scopes.
      const tenant = encodeURIComponent(client.extra.tenant_id || 'organizations');
      return {
        issuer: null,
        authorizationEndpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`,
        tokenEndpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`,
        accountEndpoint: 'https://graph.microsoft.com/v1.0/me',
        accountMethod: 'GET',
        revocationEndpoint: null,
        authorizationParameters: {},
        clientAuthentication: 'client_secret_post',
        account: 'account-endpoint',
      };
    }
    default:
      return null;
  }
};

/** The stand-in authorization server's endpoints, for every provider it simulates. */
export function standInOAuthDirectory(
  endpointsOf: (providerId: string) => {
    issuer: string;
    authorizationEndpoint: string;
    tokenEndpoint: string;
    userinfoEndpoint: string;
    revocationEndpoint: string;
  },
): OAuthDirectory {
  return (providerId) => {
    let endpoints;
    try {
      endpoints = endpointsOf(providerId);
    } catch {
      return null;
    }
    return {
      issuer: endpoints.issuer,
      authorizationEndpoint: endpoints.authorizationEndpoint,
      tokenEndpoint: endpoints.tokenEndpoint,
      accountEndpoint: endpoints.userinfoEndpoint,
      accountMethod: 'GET',
      revocationEndpoint: endpoints.revocationEndpoint,
      authorizationParameters: {},
      clientAuthentication: 'client_secret_basic',
      account: 'account-endpoint',
    };
  };
}
