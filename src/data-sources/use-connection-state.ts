import type { Credential, Provider } from '../credentials/backend';
import { useProvider, useProviderCredentials } from './use-credentials';
import { resolveConnectionState, type ConnectionState } from './connection-state';

/** What {@link useConnectionState} returns. */
export interface ConnectionStateResult {
  state: ConnectionState;
  /** The provider from the catalog (`undefined` while loading, `null` when unknown). */
  provider: Provider | null | undefined;
  providerPending: boolean;
  /** The provider's credentials (`undefined` until loaded). */
  credentials: Credential[] | undefined;
  /** Refetches whatever failed to load. */
  refetch: () => void;
}

/**
 * A node's connection state, read from the shared catalog and credentials queries. Nodes call
 * only this (two query observers each), so a large canvas stays cheap to mount.
 */
export function useConnectionState(
  providerId: string,
  credentialId: string | null,
): ConnectionStateResult {
  const provider = useProvider(providerId);
  const credentials = useProviderCredentials(providerId);
  const state = resolveConnectionState({
    provider: provider.data,
    providerStatus: provider.status,
    credentials: credentials.data,
    credentialsStatus: credentials.status,
    credentialId,
  });
  return {
    state,
    provider: provider.data,
    providerPending: provider.isPending,
    credentials: credentials.data,
    refetch: () => {
      if (provider.isError) void provider.refetch();
      if (credentials.isError) void credentials.refetch();
    },
  };
}
