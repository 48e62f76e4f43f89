import type { Credential, Provider } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { resolveConnectionState, type ConnectionState } from './connection-state';
import { resolveProviderName } from './provider-display-name';
import { useConnectionStateStore } from './use-connection-state-store';
import { useProviderSlice } from './use-provider-slice';

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
 * A node's connection state, from its provider's slice of the canvas's one subscription to the
 * catalog and credentials queries (no query observer per node), so a large canvas stays cheap
 * to mount. `knownName` is the node's `providerName`, shown while the catalog cannot tell.
 */
export function useConnectionState(
  providerId: string,
  credentialId: string | null,
  knownName?: string,
): ConnectionStateResult {
  const messages = useMessages();
  const store = useConnectionStateStore();
  const slice = useProviderSlice(store, providerId);
  const state = resolveConnectionState({ ...slice, credentialId });
  const name = resolveProviderName(
    { provider: slice.provider, status: slice.providerStatus, providerId, knownName },
    messages,
  );
  return {
    state,
    provider: slice.provider,
    providerPending: slice.providerStatus === 'pending',
    name: name.name,
    namePlaceholder: name.placeholder,
    error: slice.providerError ?? slice.credentialsError ?? null,
    credentials: slice.credentials,
    refetch: store.refetchFailed,
  };
}
