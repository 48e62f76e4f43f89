/**
 * The user's answer on the provider's consent page, on either target: what happens between
 * `startOAuth` (the popup opens the authorization URL) and `completeOAuthCallback` (the
 * completion page forwards the redirect's parameters). Each resolves with the redirect back to
 * the app, as the browser would follow it.
 *
 * - Mock target: the mock's simulated provider, as its consent page does it (the code is written
 *   to the mock's store).
 * - Server target: the stand-in authorization server (oidc-provider) the server's OAuth client
 *   talks to, driven like a browser (`giveConsent`: its redirects, cookies and consent form).
 */
import type { OAuthCallbackInput, OAuthFlowStart } from 'pipeline-connect';
import {
  allowAccess,
  authorizationResponseUrl,
  parseAuthorizationRequest,
} from 'pipeline-connect/mocks';
import { giveConsent } from '../../../server/test/support/consent';
import { CONTRACT_TARGET, type ContractContext } from './contract-harness';

/** A started flow, or an authorization URL (e.g. one a test altered). */
export type AuthorizationRequestSource = OAuthFlowStart | string | URL;

function urlOf(source: AuthorizationRequestSource): URL {
  return new URL(
    typeof source === 'string' || source instanceof URL ? source : source.authorizationUrl,
  );
}

/** What the user leaves ticked on a consent page that lets them untick scopes (Google's, Microsoft's). */
export interface ConsentChoices {
  /** The scopes left ticked; all of them when absent. */
  grant?: readonly string[];
}

/**
 * **Allow Access**: the redirect back with `code` and `state` (and `iss` where the provider
 * sends one). Rejects when the provider refuses the request without redirecting back (an
 * unknown client, a missing parameter); resolves with an `error` redirect when it redirects one
 * (`access_denied` when `grant` leaves nothing ticked).
 */
export async function allow(
  ctx: ContractContext,
  source: AuthorizationRequestSource,
  choices: ConsentChoices = {},
) {
  const url = urlOf(source);
  if (CONTRACT_TARGET === 'server') {
    return giveConsent(url, { decision: 'allow', ...(choices.grant && { grant: choices.grant }) });
  }
  return new URL(allowAccess(ctx.store, parseAuthorizationRequest(url), choices.grant));
}

/** **Cancel** on the consent page: the redirect back with `error=access_denied` and `state`. */
export async function deny(ctx: ContractContext, source: AuthorizationRequestSource) {
  const url = urlOf(source);
  if (CONTRACT_TARGET === 'server') return giveConsent(url, { decision: 'cancel' });
  return new URL(
    authorizationResponseUrl(parseAuthorizationRequest(url), { error: 'access_denied' }),
  );
}

/**
 * Why the provider issued no code for `source`: the message it refused the request with, or the
 * `error` (and `error_description`) it redirected back with. Throws when it issued a code.
 */
export async function refusalOf(
  ctx: ContractContext,
  source: AuthorizationRequestSource,
): Promise<string> {
  const outcome = await allow(ctx, source).then(
    (redirect) => redirect,
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  if (outcome instanceof Error) return outcome.message;
  if (outcome.searchParams.has('code')) throw new Error(`A code was issued: ${outcome.href}`);
  const { searchParams } = outcome;
  return `${searchParams.get('error') ?? ''}: ${searchParams.get('error_description') ?? ''}`;
}

/** The redirect's parameters as the completion page forwards them to `completeOAuthCallback`. */
export function callbackInput(redirect: URL): OAuthCallbackInput {
  const parameter = (name: string) => redirect.searchParams.get(name) ?? undefined;
  const input: OAuthCallbackInput = { state: parameter('state') ?? '' };
  for (const name of ['code', 'error', 'iss'] as const) {
    const value = parameter(name);
    if (value !== undefined) input[name] = value;
  }
  return input;
}
