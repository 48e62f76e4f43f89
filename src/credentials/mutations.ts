import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type {
  CreateApiKeyInput,
  Credential,
  CredentialValues,
  CredentialVerification,
  CredentialsBackend,
  OAuthClientSettings,
  SaveOAuthClientInput,
  UpdateCredentialInput,
  VerificationReport,
} from './backend';
import type { CredentialsError } from './credentials-error';
import { credentialKeys, credentialMutationKeys } from './query-keys';
import { syncAcrossTabsMeta } from './sync-meta';

/*
 * Mutation variables can hold secrets (API keys, client secrets). `gcTime: 0` drops a finished
 * mutation, variables included, from the cache as soon as no component observes it, and the
 * actions layer (`src/actions/`) calls `reset()` after every attempt, so a secret never outlives
 * the request that sent it.
 * Every one is tagged to sync across tabs.
 */
const forgetVariables = { gcTime: 0, retry: false, meta: syncAcrossTabsMeta } as const;

function invalidateCredentials(client: QueryClient, backend: CredentialsBackend) {
  return client.invalidateQueries({ queryKey: credentialKeys.credentials(backend) });
}

/**
 * Variables of a create: the input, and the idempotency key of the user's action (the same key
 * for a retry of the same input, so a double click or a retry after a lost response makes one
 * credential).
 */
export interface CreateApiKeyVariables {
  input: CreateApiKeyInput;
  idempotencyKey?: string;
}

/** Creates an API key credential; on success the credential list refetches. */
export function createApiKeyMutationOptions(backend: CredentialsBackend, providerId: string) {
  return mutationOptions<Credential, CredentialsError, CreateApiKeyVariables>({
    ...forgetVariables,
    mutationKey: credentialMutationKeys.createApiKey(providerId),
    mutationFn: ({ input, idempotencyKey }) =>
      backend.createApiKeyCredential(
        providerId,
        input,
        idempotencyKey === undefined ? undefined : { idempotencyKey },
      ),
    onSuccess: (_data, _input, _result, { client }) => invalidateCredentials(client, backend),
  });
}

/** Variables of an update: the credential, the version it was read at, and what changes. */
export interface UpdateCredentialVariables {
  credentialId: string;
  version: number;
  input: UpdateCredentialInput;
}

/** Renames a credential or changes its values (a masked secret stays unchanged). */
export function updateCredentialMutationOptions(backend: CredentialsBackend) {
  return mutationOptions<Credential, CredentialsError, UpdateCredentialVariables>({
    ...forgetVariables,
    mutationKey: credentialMutationKeys.update(),
    mutationFn: ({ credentialId, version, input }) =>
      backend.updateCredential(credentialId, version, input),
    onSuccess: (_data, _vars, _result, { client }) => invalidateCredentials(client, backend),
    // A 412 means someone else changed it: refetch so the next attempt starts from the truth.
    onError: (_error, _vars, _result, { client }) => invalidateCredentials(client, backend),
  });
}

/**
 * Tests API key values with the provider (**Test** in Add API Key). Nothing changes, so nothing
 * refetches and no other tab is told; the values (a secret) are forgotten like any others.
 */
export function verifyApiKeyDraftMutationOptions(backend: CredentialsBackend, providerId: string) {
  return mutationOptions<VerificationReport, CredentialsError, { values: CredentialValues }>({
    gcTime: 0,
    retry: false,
    mutationKey: credentialMutationKeys.verifyDraft(providerId),
    mutationFn: ({ values }) => backend.verifyApiKeyDraft(providerId, { values }),
  });
}

/** Variables of a stored credential's test: the credential, and the Edit dialog's draft if any. */
export interface VerifyCredentialVariables {
  credentialId: string;
  values?: CredentialValues;
}

/**
 * Tests a stored credential (**Test connection**) or an edit's draft. The backend may record the
 * verdict (when it was last accepted, an invalid status), so the credential list refetches.
 */
export function verifyCredentialMutationOptions(backend: CredentialsBackend) {
  return mutationOptions<CredentialVerification, CredentialsError, VerifyCredentialVariables>({
    ...forgetVariables,
    mutationKey: credentialMutationKeys.verify(),
    mutationFn: ({ credentialId, values }) =>
      backend.verifyCredential(credentialId, values === undefined ? undefined : { values }),
    onSuccess: (_data, _vars, _result, { client }) => invalidateCredentials(client, backend),
  });
}

/** Variables of a delete: the credential and the version the user saw. */
export interface DeleteCredentialVariables {
  credentialId: string;
  version: number;
}

/** Deletes a credential (412 when it changed since `version`). */
export function deleteCredentialMutationOptions(backend: CredentialsBackend) {
  return mutationOptions<void, CredentialsError, DeleteCredentialVariables>({
    ...forgetVariables,
    mutationKey: credentialMutationKeys.remove(),
    mutationFn: ({ credentialId, version }) => backend.deleteCredential(credentialId, version),
    onSettled: (_data, _error, _id, _result, { client }) => invalidateCredentials(client, backend),
  });
}

/** Makes a credential its provider's default. */
export function setDefaultCredentialMutationOptions(backend: CredentialsBackend) {
  return mutationOptions<void, CredentialsError, { providerId: string; credentialId: string }>({
    ...forgetVariables,
    mutationKey: credentialMutationKeys.setDefault(),
    mutationFn: ({ providerId, credentialId }) =>
      backend.setDefaultCredential(providerId, credentialId),
    onSettled: (_data, _error, _vars, _result, { client }) =>
      invalidateCredentials(client, backend),
  });
}

/** Saves a provider's OAuth client settings. */
export function saveOAuthClientMutationOptions(backend: CredentialsBackend, providerId: string) {
  return mutationOptions<OAuthClientSettings, CredentialsError, SaveOAuthClientInput>({
    ...forgetVariables,
    mutationKey: credentialMutationKeys.saveOAuthClient(providerId),
    mutationFn: (input) => backend.saveOAuthClient(providerId, input),
    onSuccess: (settings, _input, _result, { client }) => {
      client.setQueryData(credentialKeys.oauthClient(backend, providerId), settings);
      // The catalog's OAuth summary (which client is in use) changed too.
      return client.invalidateQueries({ queryKey: credentialKeys.providers(backend) });
    },
  });
}

/** Removes a provider's saved custom OAuth client. */
export function deleteOAuthClientMutationOptions(backend: CredentialsBackend, providerId: string) {
  return mutationOptions<OAuthClientSettings, CredentialsError, void>({
    ...forgetVariables,
    mutationKey: credentialMutationKeys.deleteOAuthClient(providerId),
    mutationFn: () => backend.deleteOAuthClient(providerId),
    onSuccess: (settings, _input, _result, { client }) => {
      client.setQueryData(credentialKeys.oauthClient(backend, providerId), settings);
      return client.invalidateQueries({ queryKey: credentialKeys.providers(backend) });
    },
  });
}
