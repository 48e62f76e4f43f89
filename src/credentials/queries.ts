import {
  queryOptions,
  type QueryKey,
  type QueryKeyWithDataTag,
  type UnusedSkipTokenOptions,
} from '@tanstack/react-query';
import type { Credential, CredentialsBackend, OAuthClientSettings, Provider } from './backend';
import { credentialKeys } from './query-keys';
import { readRetryDelay, retryRetryable } from './retry-policy';

/**
 * What the factories return: `queryOptions`' own result, spelled with names from
 * `@tanstack/react-query` so the published declarations need no other package (left inferred,
 * they would name `@tanstack/query-core`, which a host need not be able to resolve).
 */
export type CredentialsQueryOptions<TData, TKey extends QueryKey> = UnusedSkipTokenOptions<
  TData,
  Error,
  TData,
  TKey
> &
  QueryKeyWithDataTag<TKey, TData, Error>;

/** The provider catalog. It changes rarely, so it stays fresh for a minute. */
export function providersQueryOptions(
  backend: CredentialsBackend,
): CredentialsQueryOptions<Provider[], ReturnType<typeof credentialKeys.providers>> {
  return queryOptions({
    queryKey: credentialKeys.providers(backend),
    queryFn: ({ signal }) => backend.listProviders({ signal }),
    retry: retryRetryable,
    retryDelay: readRetryDelay,
    staleTime: 60_000,
  });
}

/**
 * Every credential, in one request: a whole canvas reads its state from this single query
 * (nodes select their provider's slice), so the request count never grows with the node count.
 */
export function credentialsQueryOptions(
  backend: CredentialsBackend,
): CredentialsQueryOptions<Credential[], ReturnType<typeof credentialKeys.credentials>> {
  return queryOptions({
    queryKey: credentialKeys.credentials(backend),
    queryFn: ({ signal }) => backend.listCredentials(undefined, { signal }),
    retry: retryRetryable,
    retryDelay: readRetryDelay,
    staleTime: 10_000,
  });
}

/** A provider's OAuth client settings (secret masked). */
export function oauthClientQueryOptions(
  backend: CredentialsBackend,
  providerId: string,
): CredentialsQueryOptions<OAuthClientSettings, ReturnType<typeof credentialKeys.oauthClient>> {
  return queryOptions({
    queryKey: credentialKeys.oauthClient(backend, providerId),
    queryFn: ({ signal }) => backend.getOAuthClient(providerId, { signal }),
    retry: retryRetryable,
    retryDelay: readRetryDelay,
  });
}
