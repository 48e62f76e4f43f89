import type { Credential, Provider } from '../credentials/backend';

/** Where a provider stands, for the Settings filter and the attention count. */
export interface ProviderHealth {
  credentials: Credential[];
  /** Expired or invalid credentials: they need the user. */
  attention: Credential[];
  connected: boolean;
}

/** Credentials that need the user: expired tokens, revoked or rejected keys. */
export function needsAttention(credential: Credential): boolean {
  return credential.status === 'expired' || credential.status === 'invalid';
}

/** Groups credentials by provider and flags what needs attention. */
export function providerHealth(provider: Provider, credentials: Credential[]): ProviderHealth {
  const own = credentials.filter((c) => c.providerId === provider.id);
  const attention = own.filter(needsAttention);
  return { credentials: own, attention, connected: own.some((c) => c.status === 'active') };
}

/** The Settings filter. */
export type ProviderFilter = 'all' | 'connected' | 'not-connected' | 'needs-attention';

/** Whether a provider passes the search text (name or id, case- and accent-insensitive) and the filter. */
export function matchesProvider(
  provider: Provider,
  health: ProviderHealth,
  search: string,
  filter: ProviderFilter,
): boolean {
  const query = fold(search.trim());
  if (query && !fold(provider.name).includes(query) && !fold(provider.id).includes(query))
    return false;
  switch (filter) {
    case 'all':
      return true;
    case 'connected':
      return health.connected;
    case 'not-connected':
      return health.credentials.length === 0;
    case 'needs-attention':
      return health.attention.length > 0;
  }
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
