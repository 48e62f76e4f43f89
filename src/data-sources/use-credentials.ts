import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Credential, Provider } from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { useLocale } from '../i18n/i18n-context';
import { localizeProvider } from '../credentials/localize-provider';
import { credentialsQueryOptions, providersQueryOptions } from '../credentials/queries';

/** The provider catalog from the backend, in the UI's locale where the catalog translates it. */
export function useProviders() {
  const backend = useCredentialsBackend();
  const locale = useLocale();
  const select = useCallback(
    (providers: Provider[]) => providers.map((p) => localizeProvider(p, locale)),
    [locale],
  );
  return useQuery({ ...providersQueryOptions(backend), select });
}

/** One provider of the catalog (`data` is `undefined` while loading or when it is unknown). */
export function useProvider(providerId: string) {
  const backend = useCredentialsBackend();
  const locale = useLocale();
  const select = useCallback(
    (providers: Provider[]) => {
      const provider = providers.find((p) => p.id === providerId);
      return provider ? localizeProvider(provider, locale) : null;
    },
    [providerId, locale],
  );
  return useQuery({ ...providersQueryOptions(backend), select });
}

/** Every credential (one request for the whole canvas). */
export function useAllCredentials() {
  const backend = useCredentialsBackend();
  return useQuery(credentialsQueryOptions(backend));
}

/**
 * One provider's credentials, selected from the shared list. Structural sharing keeps the
 * selected array identical while that provider's credentials are unchanged, so a component
 * re-renders only when its own provider's credentials change.
 */
export function useProviderCredentials(providerId: string) {
  const backend = useCredentialsBackend();
  const select = useCallback(
    (credentials: Credential[]) => credentials.filter((c) => c.providerId === providerId),
    [providerId],
  );
  return useQuery({ ...credentialsQueryOptions(backend), select });
}
