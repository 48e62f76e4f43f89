import type { Credential, Provider } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { useProvider, useProviderCredentials } from './use-credentials';
import { resolveConnectionState, type ConnectionState } from './connection-state';
import { resolveProviderName } from './provider-display-name';

/** What {@link useConnectionState} returns. */
export interface ConnectionStateResult {
  state: ConnectionState;
  /** The provider from the catalog (`undefined` while loading or failed, `null` when unknown). */
  provider: Provider | null | undefined;
  providerPending: boolean;
  /**
   * What to show as the provider's name: the catalog's, else the node's last known name, else a
   * placeholder (`namePlaceholder`); "Unknown provider (id)" only when the catalog loaded
   * without it.
   */
  name: string;
  /** `name` is the generic placeholder (nothing is known yet): a view may show a skeleton. */
  namePlaceholder: boolean;
  /** The error of the failed query (the catalog's first), `null` when none failed. */
  error: unknown;
  /** The provider's credentials (`undefined` until loaded). */
  credentials: Credential[] | undefined;
  /** Refetches whatever failed to load. */
  refetch: () => void;
}

/**
 * A node's connection state, read from the shared catalog and credentials queries. Nodes call
 * only this (two query observers each), so a large canvas stays cheap to mount. `knownName` is
 * the node's `providerName`, shown while the catalog cannot tell.
 */
export function useConnectionState(
  providerId: string,
  credentialId: string | null,
  knownName?: string,
): ConnectionStateResult {
  const messages = useMessages();
  const provider = useProvider(providerId);
  const credentials = useProviderCredentials(providerId);
  const state = resolveConnectionState({
    provider: provider.data,
    providerStatus: provider.status,
    credentials: credentials.data,
    credentialsStatus: credentials.status,
    credentialId,
  });
  const name = resolveProviderName(
    { provider: provider.data, status: provider.status, providerId, knownName },
    messages,
  );
  return {
    state,
    provider: provider.data,
    providerPending: provider.isPending,
    name: name.name,
    namePlaceholder: name.placeholder,
    error: provider.error ?? credentials.error ?? null,
    credentials: credentials.data,
    refetch: () => {
      if (provider.isError) void provider.refetch();
      if (credentials.isError) void credentials.refetch();
    },
  };
}
