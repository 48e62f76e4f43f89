import type { Provider } from '../../src/credentials/backend';
import {
  findProviderFixture,
  platformClientId,
  providerFixtures,
  type ProviderFixture,
} from '../fixtures';
import { badRequest, notFound } from './http-error';
import type { StoreState, StoredOAuthClient } from './state';

/** The provider, or a 404 like a real server's. */
export function requireProvider(providerId: string): ProviderFixture {
  const provider = findProviderFixture(providerId);
  if (!provider) throw notFound(`There is no provider "${providerId}".`);
  return provider;
}

/** The provider's OAuth description, or a 400 for a provider that has no OAuth. */
export function requireOAuth(provider: ProviderFixture): NonNullable<ProviderFixture['oauth']> {
  if (!provider.oauth)
    throw badRequest(`${provider.name} does not support OAuth.`, 'oauth_not_supported');
  return provider.oauth;
}

/**
 * The OAuth client settings in force. Without saved settings a provider uses the platform's
 * client where there is one; where there is none, the mode is `custom` with nothing saved yet.
 */
export function oauthClientOf(state: StoreState, provider: ProviderFixture): StoredOAuthClient {
  const saved = state.oauthClients[provider.id];
  if (saved) return saved;
  return { mode: provider.oauth?.hasPlatformClient ? 'default' : 'custom', custom: null };
}

/** The client ID an OAuth flow would use now, or null when a custom client is needed first. */
export function clientIdInUse(state: StoreState, provider: ProviderFixture): string | null {
  const client = oauthClientOf(state, provider);
  if (client.mode === 'custom') return client.custom?.clientId ?? null;
  return provider.oauth?.hasPlatformClient ? platformClientId(provider.id) : null;
}

/** The catalog as the API shows it, `clientMode` reflecting the saved client settings. */
export function listProviders(state: StoreState): Provider[] {
  // A copy, so no caller can change the fixtures by changing a response.
  return structuredClone(providerFixtures).map((provider) => ({
    ...provider,
    oauth: provider.oauth && {
      ...provider.oauth,
      clientMode:
        clientIdInUse(state, provider) === null ? 'none' : oauthClientOf(state, provider).mode,
    },
  }));
}
