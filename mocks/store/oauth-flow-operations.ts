import type { OAuthCredentialOutcome, OAuthFlowStatus } from '../../src/credentials/backend';
import { checkName, NAME_MAX_CHARACTERS, suffixedName } from '../../src/rules/names';
import { capProviderText } from '../../src/rules/provider-text';
import { providerBehaviours } from '../fixtures';
import { insertCredential, requireCredential, takenNames } from './credential-operations';
import { badRequest, conflict, notFound, validationFailed } from './http-error';
import { clientIdInUse, requireOAuth, requireProvider } from './provider-catalog';
import { redirectUriFor } from './oauth-client-operations';
import { randomToken } from './random';
import type { StoreState, StoredAuthorizationCode, StoredFlow } from './state';

/** How long a started flow may take, consent included. */
export const FLOW_LIFETIME_MS = 10 * 60_000;

/** The flow's random `state` and PKCE pair, made (with async crypto) before the state is opened. */
export interface FlowSecrets {
  state: string;
  codeVerifier: string;
  codeChallenge: string;
}

/** Checks a flow may start and records it; the caller supplies state and PKCE values. */
export function createFlow(
  state: StoreState,
  providerId: string,
  input: { credentialId?: string },
  secrets: FlowSecrets,
  origin: string,
  now: number,
): StoredFlow {
  const provider = requireProvider(providerId);
  const oauth = requireOAuth(provider);
  if (input.credentialId !== undefined) {
    const target = requireCredential(state, input.credentialId);
    if (target.providerId !== provider.id || target.method !== 'oauth2') {
      throw validationFailed({
        credentialId: `Only a ${provider.name} OAuth credential can be re-authorized here.`,
      });
    }
  }
  const clientId = clientIdInUse(state, provider);
  if (clientId === null) {
    throw conflict(
      'oauth_client_required',
      `${provider.name} needs a custom OAuth client before it can connect.`,
    );
  }
  const flow: StoredFlow = {
    id: crypto.randomUUID(),
    providerId: provider.id,
    ...secrets,
    clientId,
    redirectUri: redirectUriFor(origin),
    scope: oauth.scopes.join(' '),
    reauthorizeCredentialId: input.credentialId ?? null,
    status: 'pending',
    credentialId: null,
    outcome: null,
    error: null,
    createdAt: now,
    expiresAt: now + FLOW_LIFETIME_MS,
  };
  state.flows.push(flow);
  return flow;
}

/** The simulated provider's consent page, with every parameter a real authorization request carries. */
export function authorizationUrl(flow: StoredFlow, origin: string): string {
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: flow.clientId,
    redirect_uri: flow.redirectUri,
    scope: flow.scope,
    state: flow.state,
    code_challenge: flow.codeChallenge,
    code_challenge_method: 'S256',
    provider: flow.providerId,
    app_name: 'Pipeline Connect',
  };
  // encodeURIComponent rather than URLSearchParams: spaces become %20, not "+", as in RFC 3986.
  const query = Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `${origin}/oauth-provider/authorize.html?${query}`;
}

/** The flow, or a 404. */
export function requireFlow(state: StoreState, flowId: string): StoredFlow {
  const flow = state.flows.find((candidate) => candidate.id === flowId);
  if (!flow) throw notFound('This authorization attempt does not exist.');
  return flow;
}

/** The flow as the API shows it; a pending flow past its expiry reads as expired. */
export function flowView(flow: StoredFlow, now: number): OAuthFlowStatus {
  const expired = flow.status === 'pending' && now >= flow.expiresAt;
  return {
    flowId: flow.id,
    providerId: flow.providerId,
    status: expired ? 'expired' : flow.status,
    credentialId: flow.credentialId,
    outcome: flow.outcome ?? null,
    error: expired ? EXPIRED_ERROR : flow.error,
  };
}

const EXPIRED_ERROR = { code: 'expired', message: 'The authorization took too long. Start again.' };
const CANCELLED_ERROR = { code: 'flow_cancelled', message: 'The connection was cancelled.' };

/**
 * Cancels a pending flow so that its state can never complete (a consent given afterwards
 * stores nothing). A flow that already ended is left as it is: cancel is idempotent.
 */
export function cancelFlow(state: StoreState, flowId: string, now: number): StoredFlow {
  const flow = requireFlow(state, flowId);
  if (flow.status === 'pending' && now < flow.expiresAt) {
    flow.status = 'failed';
    flow.error = CANCELLED_ERROR;
  }
  return flow;
}

/** The flow a callback's `state` belongs to, if any (read before the PKCE check). */
export function findFlowByState(state: StoreState, oauthState: string): StoredFlow | undefined {
  return state.flows.find((flow) => flow.state === oauthState);
}

/**
 * The backend's side of the redirect: checks `state` (known, unused, unexpired; it works once),
 * then the provider's answer, exchanges the code (unused, unexpired, bound to this flow's
 * state, client and redirect URI, PKCE verifier matching) and stores the grant.
 * `verifierChallenge` is the S256 challenge of the flow's verifier, computed by the caller.
 */
export function completeCallback(
  state: StoreState,
  input: { state: string; code?: string; error?: string },
  verifierChallenge: string | null,
  now: number,
): StoredFlow {
  const flow = findFlowByState(state, input.state);
  if (flow?.error?.code === CANCELLED_ERROR.code) {
    throw badRequest('This connection was cancelled, so nothing was saved.', CANCELLED_ERROR.code);
  }
  // Every path below settles the flow, so a state is honoured once: a settled flow refuses it.
  if (!flow || flow.status !== 'pending') throw invalidState();
  if (now >= flow.expiresAt) {
    flow.status = 'expired';
    flow.error = EXPIRED_ERROR;
    throw invalidState();
  }

  if (input.error !== undefined) {
    // Whatever the redirect carried is the provider's (or a forger's) text: capped, then kept.
    const providerError = capProviderText(input.error);
    return fail(
      flow,
      providerError,
      providerError === 'access_denied'
        ? 'Access was denied.'
        : capProviderText(`The provider reported "${providerError}".`),
    );
  }
  if (input.code === undefined)
    return fail(flow, 'invalid_request', 'The provider sent neither a code nor an error.');

  const code = state.authorizationCodes.find((candidate) => candidate.code === input.code);
  if (!code || !codeFits(code, flow, verifierChallenge, now)) {
    if (code) code.used = true;
    return fail(
      flow,
      'invalid_grant',
      'The provider did not confirm the authorization. Start again.',
    );
  }
  code.used = true;

  const account = capProviderText(code.account);
  // The credential the flow was started for, or the one already connected to the same account
  // (an account is connected once: connecting it again renews that credential).
  const target =
    flow.reauthorizeCredentialId !== null
      ? state.credentials.find((candidate) => candidate.id === flow.reauthorizeCredentialId)
      : state.credentials.find(
          (candidate) =>
            candidate.providerId === flow.providerId &&
            candidate.method === 'oauth2' &&
            candidate.account === account,
        );
  if (flow.reauthorizeCredentialId !== null && !target) {
    return fail(flow, 'not_found', 'The credential to re-authorize was deleted meanwhile.');
  }
  const granted = code.scope.split(' ').filter(Boolean);
  if (target) {
    target.tokens = newTokens(flow.providerId, granted);
    target.grantedScopes = granted;
    target.account = account;
    target.health = 'active';
    target.expiresAt = tokenExpiry(flow.providerId, now);
    target.version += 1;
    target.updatedAt = now;
    return succeed(
      flow,
      target.id,
      flow.reauthorizeCredentialId !== null ? 'reauthorized' : 'reconnected',
    );
  }

  const id = crypto.randomUUID();
  insertCredential(state, {
    id,
    providerId: flow.providerId,
    name: suffixedName(nameFromAccount(account), takenNames(state, flow.providerId)),
    method: 'oauth2',
    values: {},
    account,
    tokens: newTokens(flow.providerId, granted),
    grantedScopes: granted,
    health: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
    expiresAt: tokenExpiry(flow.providerId, now),
  });
  return succeed(flow, id, 'created');
}

/**
 * A credential name from the provider's account name, which the name rules do not bind: cut to
 * leave room for a " (2)" suffix, or a plain name when what is left breaks a name rule.
 */
function nameFromAccount(account: string): string {
  const cut = Array.from(account)
    .slice(0, NAME_MAX_CHARACTERS - 5)
    .join('');
  const { name, problem } = checkName(cut);
  return problem === null && name !== '' ? name : 'OAuth account';
}

function codeFits(
  code: StoredAuthorizationCode,
  flow: StoredFlow,
  verifierChallenge: string | null,
  now: number,
) {
  return (
    !code.used &&
    now < code.expiresAt &&
    code.state === flow.state &&
    code.providerId === flow.providerId &&
    code.clientId === flow.clientId &&
    code.redirectUri === flow.redirectUri &&
    verifierChallenge !== null &&
    code.codeChallenge === verifierChallenge
  );
}

function invalidState() {
  return badRequest(
    'This sign-in response is not valid any more. Start the connection again.',
    'invalid_state',
  );
}

function fail(flow: StoredFlow, code: string, message: string): StoredFlow {
  flow.status = 'failed';
  flow.error = { code, message };
  return flow;
}

function succeed(
  flow: StoredFlow,
  credentialId: string,
  outcome: OAuthCredentialOutcome,
): StoredFlow {
  flow.status = 'succeeded';
  flow.credentialId = credentialId;
  flow.outcome = outcome;
  return flow;
}

/**
 * A new token set. Like Microsoft, a provider that knows `offline_access` issues a refresh
 * token only when it was granted; the others always do.
 */
function newTokens(providerId: string, granted: readonly string[]) {
  const offline = requireOAuth(requireProvider(providerId)).scopes.includes('offline_access');
  const renewable = !offline || granted.includes('offline_access');
  return { accessToken: randomToken(), refreshToken: renewable ? randomToken() : null };
}

function tokenExpiry(providerId: string, now: number): number | null {
  const lifetime = providerBehaviours[providerId]?.tokenLifetimeSeconds ?? null;
  return lifetime === null ? null : now + lifetime * 1000;
}
