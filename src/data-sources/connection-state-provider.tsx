import { usePrefetchQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useLayoutEffect, useMemo, type ReactNode } from 'react';
import { useCredentialsBackend } from '../credentials/backend-context';
import { credentialsQueryOptions, providersQueryOptions } from '../credentials/queries';
import { useLocale } from '../i18n/i18n-context';
import { createConnectionStateStore, type ConnectionStateStore } from './connection-state-store';

/** The store of the nearest {@link ConnectionStateProvider}, `null` outside one. */
export const ConnectionStateContext = createContext<ConnectionStateStore | null>(null);

/** Props of {@link ConnectionStateProvider}. */
export interface ConnectionStateProviderProps {
  children?: ReactNode;
}

/**
 * One subscription to the provider catalog and the credentials for every data-source node (and
 * panel) below it: each node selects its provider's slice, so a canvas holds two query
 * observers whatever its size, and a credential change re-renders only its provider's nodes.
 * `PipelineCanvas` renders one; a host that renders its own `<ReactFlow>` with
 * `dataSourceNodeTypes` wraps it in one. Without it nodes still work, sharing a store per
 * QueryClient, but the queries are then released whenever the last node unmounts.
 */
export function ConnectionStateProvider({ children }: ConnectionStateProviderProps) {
  const client = useQueryClient();
  const backend = useCredentialsBackend();
  const locale = useLocale();
  const store = useMemo(
    () => createConnectionStateStore(client, backend, locale),
    [client, backend, locale],
  );
  // The two reads start now, while the nodes below render, rather than at the commit: on a
  // large canvas the responses are back by the time React Flow has measured the nodes.
  usePrefetchQuery(providersQueryOptions(backend), client);
  usePrefetchQuery(credentialsQueryOptions(backend), client);
  // Subscribed from the commit on (before paint, and before the nodes' own subscriptions), so
  // the requests start as early as the nodes exist, and for as long as the canvas lives.
  useLayoutEffect(() => store.retain(), [store]);
  return (
    <ConnectionStateContext.Provider value={store}>{children}</ConnectionStateContext.Provider>
  );
}
