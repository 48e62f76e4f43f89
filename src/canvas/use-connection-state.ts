import { useProvider, useProviderCredentials } from '../credentials/use-credentials';
import { resolveConnectionState, type ConnectionState } from './connection-state';

/** A node's connection state, read from the shared catalog and credentials queries. */
export function useConnectionState(
  providerId: string,
  credentialId: string | null,
): ConnectionState & { refetch: () => void } {
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
    ...state,
    refetch: () => {
      if (provider.isError) void provider.refetch();
      if (credentials.isError) void credentials.refetch();
    },
  };
}
