/**
 * The one key factory for everything Pipeline Connect caches. Invalidate through these keys,
 * never hand-typed arrays, so a rename cannot silently miss a cache entry.
 */
export const credentialKeys = {
  all: ['pipeline-connect'] as const,
  providers: () => [...credentialKeys.all, 'providers'] as const,
  credentials: () => [...credentialKeys.all, 'credentials'] as const,
  oauthClients: () => [...credentialKeys.all, 'oauth-client'] as const,
  oauthClient: (providerId: string) => [...credentialKeys.oauthClients(), providerId] as const,
  oauthFlow: (flowId: string) => [...credentialKeys.all, 'oauth-flow', flowId] as const,
};

/** Mutation keys share the prefix so cross-tab sync can recognise our own mutations. */
export const credentialMutationKeys = {
  all: [...credentialKeys.all, 'mutation'] as const,
  createApiKey: (providerId: string) =>
    [...credentialMutationKeys.all, 'create-api-key', providerId] as const,
  update: () => [...credentialMutationKeys.all, 'update'] as const,
  remove: () => [...credentialMutationKeys.all, 'delete'] as const,
  setDefault: () => [...credentialMutationKeys.all, 'set-default'] as const,
  saveOAuthClient: (providerId: string) =>
    [...credentialMutationKeys.all, 'save-oauth-client', providerId] as const,
  deleteOAuthClient: (providerId: string) =>
    [...credentialMutationKeys.all, 'delete-oauth-client', providerId] as const,
};
