/**
 * The provider catalog the server serves. It is the same catalog the mock serves (field schemas,
 * scopes, translations, icons), so both backends describe every provider identically.
 */
import type { Provider, ProviderOAuth } from '../../../src/credentials/backend';
import {
  findProviderFixture,
  providerBehaviours,
  providerFixtures,
  type ProviderFixture,
} from '../../../mocks/fixtures';
import { badRequest, notFound } from '../http/api-error';

export type CatalogProvider = ProviderFixture;

/** Every provider, as stored (without the per-tenant `clientMode`). */
export function catalogProviders(): readonly CatalogProvider[] {
  return providerFixtures;
}

/** The provider, or a 404. */
export function requireProvider(providerId: string): CatalogProvider {
  const provider = findProviderFixture(providerId);
  if (!provider) throw notFound(`There is no provider "${providerId}".`);
  return provider;
}

/** The provider's OAuth description, or a 400 for a provider without OAuth. */
export function requireOAuth(provider: CatalogProvider): NonNullable<CatalogProvider['oauth']> {
  if (!provider.oauth) {
    throw badRequest(`${provider.name} does not support OAuth.`, 'oauth_not_supported');
  }
  return provider.oauth;
}

/** Text fields of the provider that must hold a URL (checked by the URL-field rules). */
export function urlFieldsOf(providerId: string): readonly string[] {
  return providerBehaviours[providerId]?.urlFields ?? [];
}

/** The catalog entry as the API shows it, with the tenant's client mode filled in. */
export function providerView(
  provider: CatalogProvider,
  clientMode: ProviderOAuth['clientMode'],
): Provider {
  const copy = structuredClone(provider);
  return { ...copy, oauth: copy.oauth && { ...copy.oauth, clientMode } };
}
