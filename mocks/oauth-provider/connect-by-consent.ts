import type { Credential } from '../../src/credentials/backend';
import type { MockStore } from '../store';
import { allowAccess, parseAuthorizationRequest } from './provider';

/** Options of {@link connectByConsent}. */
export interface ConnectByConsentOptions {
  /** What the user leaves ticked on a granular consent page; every scope when absent. */
  grant?: readonly string[];
  /** Re-authorize this credential instead of connecting a new one. */
  credentialId?: string;
  /** The app's origin (the redirect URI's); the page's own by default. */
  origin?: string;
}

/**
 * A whole OAuth flow against the mock store, as a user would go through it (start, **Allow
 * Access** on the simulated provider's consent page, the callback), for stories and tests that
 * need a grant as a real consent leaves it, e.g. with a scope unticked. The credential it made
 * or renewed; throws when the flow did not succeed.
 */
export async function connectByConsent(
  store: MockStore,
  providerId: string,
  options: ConnectByConsentOptions = {},
): Promise<Credential> {
  const origin = options.origin ?? globalThis.location.origin;
  const input = options.credentialId === undefined ? {} : { credentialId: options.credentialId };
  const start = await store.startOAuthFlow(providerId, input, origin);
  const redirect = new URL(
    allowAccess(store, parseAuthorizationRequest(start.authorizationUrl), options.grant),
  );
  const done = await store.completeOAuthCallback({
    state: redirect.searchParams.get('state') ?? '',
    ...(redirect.searchParams.has('code') && { code: redirect.searchParams.get('code') ?? '' }),
    ...(redirect.searchParams.has('error') && { error: redirect.searchParams.get('error') ?? '' }),
  });
  const credential = store.listCredentials().find(({ id }) => id === done.credentialId);
  if (done.status !== 'succeeded' || !credential) {
    throw new Error(
      `The flow did not connect ${providerId}: ${done.error?.message ?? done.status}.`,
    );
  }
  return credential;
}
