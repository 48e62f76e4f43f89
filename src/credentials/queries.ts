import { queryOptions } from '@tanstack/react-query';
import type { CredentialsBackend } from './backend';
import { credentialKeys } from './query-keys';

/** The provider catalog. It changes rarely, so it stays fresh for a minute. */
export function providersQueryOptions(backend: CredentialsBackend) {
  return queryOptions({
    queryKey: credentialKeys.providers(),
    queryFn: ({ signal }) => backend.listProviders({ signal }),
    staleTime: 60_000,
  });
}

/**
 * Every credential, in one request: a whole canvas reads its state from this single query
 * (nodes select their provider's slice), so the request count never grows with the node count.
 */
export function credentialsQueryOptions(backend: CredentialsBackend) {
  return queryOptions({
    queryKey: credentialKeys.credentials(),
    queryFn: ({ signal }) => backend.listCredentials(undefined, { signal }),
    staleTime: 10_000,
  });
}

/** A provider's OAuth client settings (secret masked). */
export function oauthClientQueryOptions(backend: CredentialsBackend, providerId: string) {
  return queryOptions({
    queryKey: credentialKeys.oauthClient(providerId),
    queryFn: ({ signal }) => backend.getOAuthClient(providerId, { signal }),
  });
}
