import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { credentialKeys } from './query-keys';
import { syncsAcrossTabs } from './sync-meta';

const channelName = 'pipeline-connect:credentials';

/**
 * Keeps every tab of the origin in step: when a mutation tagged with `syncAcrossTabsMeta` (all of
 * ours) succeeds here, other tabs are told (no payload beyond "something changed", so nothing
 * secret crosses) and refetch every backend's entries.
 * OAuth outcomes are announced with {@link announceCredentialsChanged}.
 */
export function useCrossTabSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName);
    channel.onmessage = () => {
      void queryClient.invalidateQueries({ queryKey: credentialKeys.all });
    };
    const unsubscribe = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      if (syncsAcrossTabs(event.mutation.options.meta)) channel.postMessage('changed');
    });
    return () => {
      unsubscribe();
      channel.close();
    };
  }, [queryClient]);
}

/** Tells other tabs that credentials changed outside a mutation (e.g. an OAuth flow ended). */
export function announceCredentialsChanged(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(channelName);
  channel.postMessage('changed');
  channel.close();
}
