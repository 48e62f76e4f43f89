import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { credentialKeys, credentialMutationKeys } from './query-keys';

const channelName = 'pipeline-connect:credentials';

/**
 * Keeps every tab of the origin in step: when one of our mutations succeeds here, other tabs are
 * told (no payload beyond "something changed", so nothing secret crosses) and refetch.
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
    const prefix = JSON.stringify(credentialMutationKeys.all).slice(0, -1);
    const unsubscribe = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      const key = event.mutation.options.mutationKey;
      if (key && JSON.stringify(key).startsWith(prefix)) channel.postMessage('changed');
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
