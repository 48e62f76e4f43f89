import { useCallback, useSyncExternalStore } from 'react';
import type { ConnectionStateStore, ProviderSlice } from './connection-state-store';

/**
 * One provider's slice of `store` (see `useConnectionStateStore`). The component re-renders
 * only when that slice changes — the store keeps its identity otherwise — and holds no query
 * observer of its own.
 */
export function useProviderSlice(store: ConnectionStateStore, providerId: string): ProviderSlice {
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(providerId, listener),
    [store, providerId],
  );
  const getSlice = () => store.getSlice(providerId);
  return useSyncExternalStore(subscribe, getSlice, getSlice);
}
