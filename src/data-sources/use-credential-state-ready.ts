import { useEffect, useState } from 'react';
import { useAllCredentials, useProviders } from './use-credentials';

/**
 * Whether the canvas should mount its nodes: once the catalog and the credentials have settled
 * (loaded or failed), or after `maxWaitMs` at the latest. Mounting a large pipeline while its
 * state is loading renders every node twice (loading, then its state); a short wait renders it
 * once. On a slow backend the nodes appear after the wait and show "Checking connection…".
 */
export function useCredentialStateReady(maxWaitMs = 300): boolean {
  const providers = useProviders();
  const credentials = useAllCredentials();
  const settled = !providers.isPending && !credentials.isPending;
  const [ready, setReady] = useState(false);
  // Once ready, stay ready: a later refetch (e.g. a retry after an error) must not unmount the
  // nodes again.
  if (settled && !ready) setReady(true);
  useEffect(() => {
    if (ready) return;
    const timer = setTimeout(() => setReady(true), maxWaitMs);
    return () => clearTimeout(timer);
  }, [ready, maxWaitMs]);
  return ready || settled;
}
