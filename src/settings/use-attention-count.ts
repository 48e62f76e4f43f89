import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Credential } from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { credentialsQueryOptions } from '../credentials/queries';
import { needsAttention } from './provider-health';

/**
 * How many credentials need the user (expired or invalid), for a badge on the host's Settings
 * entry. Reads the same shared credentials query as the canvas: no extra request.
 */
export function useAttentionCount(): number {
  const backend = useCredentialsBackend();
  const select = useCallback(
    (credentials: Credential[]) => credentials.filter(needsAttention).length,
    [],
  );
  return useQuery({ ...credentialsQueryOptions(backend), select }).data ?? 0;
}
