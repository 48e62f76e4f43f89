import { findProviderFixture } from '../../../mocks/fixtures';

/**
 * The platform's own OAuth client id of a provider, for providers whose catalog entry says the
 * platform has one. Real deployments configure real client ids (and secrets) per provider.
 */
export function platformClientIdOf(providerId: string): string | null {
  return findProviderFixture(providerId)?.oauth?.hasPlatformClient
    ? `pipeline-connect-${providerId}`
    : null;
}
