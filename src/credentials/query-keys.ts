import type { CredentialsBackend } from './backend';

/**
 * The cache scope of each backend instance. Two providers that share one QueryClient (two
 * workspaces, a host's own backend beside ours) must never read each other's entries, so every
 * key names its backend; a WeakMap keeps the scopes without holding a backend alive.
 */
const scopes = new WeakMap<CredentialsBackend, string>();
let scopesMade = 0;

/** The scope name of a backend instance, the same for the instance's whole life. */
export function backendScope(backend: CredentialsBackend): string {
  let scope = scopes.get(backend);
  if (scope === undefined) {
    scopesMade += 1;
    scope = `backend-${scopesMade}`;
    scopes.set(backend, scope);
  }
  return scope;
}

/**
 * The one key factory for everything Pipeline Connect caches. Invalidate through these keys,
 * never hand-typed arrays, so a rename cannot silently miss a cache entry. Every key starts with
 * `all` and then the backend's scope: `all` reaches every backend's entries, `backend(b)` one's.
 */
export const credentialKeys = {
  all: ['pipeline-connect'] as const,
  backend: (backend: CredentialsBackend) => [...credentialKeys.all, backendScope(backend)] as const,
  providers: (backend: CredentialsBackend) =>
    [...credentialKeys.backend(backend), 'providers'] as const,
  credentials: (backend: CredentialsBackend) =>
    [...credentialKeys.backend(backend), 'credentials'] as const,
  oauthClients: (backend: CredentialsBackend) =>
    [...credentialKeys.backend(backend), 'oauth-client'] as const,
  oauthClient: (backend: CredentialsBackend, providerId: string) =>
    [...credentialKeys.oauthClients(backend), providerId] as const,
};

/** Keys of our mutations, for a host's devtools and `useIsMutating` filters. */
export const credentialMutationKeys = {
  all: [...credentialKeys.all, 'mutation'] as const,
  createApiKey: (providerId: string) =>
    [...credentialMutationKeys.all, 'create-api-key', providerId] as const,
  update: () => [...credentialMutationKeys.all, 'update'] as const,
  verifyDraft: (providerId: string) =>
    [...credentialMutationKeys.all, 'verify-draft', providerId] as const,
  verify: () => [...credentialMutationKeys.all, 'verify'] as const,
  remove: () => [...credentialMutationKeys.all, 'delete'] as const,
  setDefault: () => [...credentialMutationKeys.all, 'set-default'] as const,
  saveOAuthClient: (providerId: string) =>
    [...credentialMutationKeys.all, 'save-oauth-client', providerId] as const,
  deleteOAuthClient: (providerId: string) =>
    [...credentialMutationKeys.all, 'delete-oauth-client', providerId] as const,
};
