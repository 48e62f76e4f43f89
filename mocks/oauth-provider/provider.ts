import { providerBehaviours } from '../fixtures';
import type { MockStore } from '../store';
import { randomToken } from '../store/random';

/**
 * The simulated OAuth provider's side of a flow (what Google, Notion, … would do), for the
 * consent page served with the demo and for tests: read the authorization request, show who is
 * signed in, issue an authorization code, and send the browser back.
 */

/** How long an issued code may wait for the exchange. */
export const AUTHORIZATION_CODE_LIFETIME_MS = 60_000;

/** The parameters of an authorization request, as the consent page's URL carries them. */
export interface AuthorizationRequest {
  providerId: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge: string;
  /** The name of the app asking for access, shown on the consent page. */
  appName: string;
}

/** What a consent answers: the parts of the authorization request a code is bound to. */
export type ConsentedRequest = Pick<
  AuthorizationRequest,
  'providerId' | 'clientId' | 'redirectUri' | 'codeChallenge' | 'scope' | 'state'
>;

/** Why the simulated provider refuses a request; `code` follows RFC 6749 §4.1.2.1. */
export class OAuthProviderError extends Error {
  readonly code: 'invalid_request' | 'invalid_client' | 'unauthorized_client';

  constructor(code: OAuthProviderError['code'], message: string) {
    super(message);
    this.name = 'OAuthProviderError';
    this.code = code;
  }
}

/**
 * Reads an authorization URL (the consent page's own location). Throws
 * {@link OAuthProviderError} when a parameter is missing or PKCE is not S256, as a real
 * provider would refuse to show consent.
 */
export function parseAuthorizationRequest(url: string | URL): AuthorizationRequest {
  const params = new URL(url).searchParams;
  const required = (name: string): string => {
    const value = params.get(name);
    if (value === null || value === '')
      throw new OAuthProviderError('invalid_request', `Missing ${name}.`);
    return value;
  };
  if (required('response_type') !== 'code') {
    throw new OAuthProviderError('invalid_request', 'Only response_type=code is supported.');
  }
  if (required('code_challenge_method') !== 'S256') {
    throw new OAuthProviderError(
      'invalid_request',
      'PKCE with code_challenge_method=S256 is required.',
    );
  }
  return {
    providerId: required('provider'),
    clientId: required('client_id'),
    redirectUri: required('redirect_uri'),
    scope: params.get('scope') ?? '',
    state: required('state'),
    codeChallenge: required('code_challenge'),
    appName: params.get('app_name') ?? required('client_id'),
  };
}

/** The account the simulated provider is signed in as, e.g. `ada@example.com` for Google Drive. */
export function simulatedAccount(providerId: string): string {
  const account = providerBehaviours[providerId]?.account;
  if (!account)
    throw new OAuthProviderError('invalid_request', `There is no OAuth provider "${providerId}".`);
  return account;
}

/** Whether the provider's consent page lets the user untick scopes (Google's, Microsoft's). */
export function hasGranularConsent(providerId: string): boolean {
  return providerBehaviours[providerId]?.granularConsent ?? false;
}

/**
 * The scopes a consent grants: those of the request the user left ticked (`granted`, on a
 * granular consent page), in the request's order; every requested scope otherwise. A value the
 * request did not ask for is never granted.
 */
export function grantedScopes(
  request: Pick<AuthorizationRequest, 'providerId' | 'scope'>,
  granted?: readonly string[],
): string[] {
  const requested = request.scope.split(' ').filter(Boolean);
  if (granted === undefined || !hasGranularConsent(request.providerId)) return requested;
  return requested.filter((scope) => granted.includes(scope));
}

/**
 * What **Allow Access** does: checks the client is registered with the provider and issues a
 * single-use code, valid for 60 s and bound to the client, redirect URI, state and PKCE
 * challenge, for the signed-in account and the scopes granted (the requested ones left ticked).
 */
export function issueAuthorizationCode(
  store: MockStore,
  request: ConsentedRequest,
  granted?: readonly string[],
): string {
  const account = simulatedAccount(request.providerId);
  if (!store.isRegisteredClient(request.providerId, request.clientId)) {
    throw new OAuthProviderError(
      'invalid_client',
      `The client "${request.clientId}" is not registered.`,
    );
  }
  const code = randomToken(32);
  store.recordAuthorizationCode({
    code,
    providerId: request.providerId,
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    scope: grantedScopes(request, granted).join(' '),
    state: request.state,
    account,
    used: false,
    expiresAt: store.now() + AUTHORIZATION_CODE_LIFETIME_MS,
  });
  return code;
}

/**
 * The redirect back for **Allow Access** with `granted` ticked: a code, or `access_denied` when
 * nothing is left ticked (there is nothing to allow). Throws {@link OAuthProviderError} as
 * {@link issueAuthorizationCode} does.
 */
export function allowAccess(
  store: MockStore,
  request: ConsentedRequest,
  granted?: readonly string[],
): string {
  if (grantedScopes(request, granted).length === 0) {
    return authorizationResponseUrl(request, { error: 'access_denied' });
  }
  return authorizationResponseUrl(request, {
    code: issueAuthorizationCode(store, request, granted),
  });
}

/**
 * Where the provider sends the browser back: the redirect URI with `code` and `state`, or with
 * `error` (e.g. `access_denied` when the user declines) and `state`.
 */
export function authorizationResponseUrl(
  request: Pick<AuthorizationRequest, 'redirectUri' | 'state'>,
  outcome: { code: string } | { error: string },
): string {
  const url = new URL(request.redirectUri);
  if ('code' in outcome) url.searchParams.set('code', outcome.code);
  else url.searchParams.set('error', outcome.error);
  url.searchParams.set('state', request.state);
  return url.toString();
}
