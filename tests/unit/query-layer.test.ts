import { MutationObserver, QueryClient } from '@tanstack/react-query';
import {
  CredentialsError,
  credentialKeys,
  credentialsQueryOptions,
  deleteCredentialMutationOptions,
  syncAcrossTabsMeta,
  type Credential,
  type CredentialsBackend,
} from 'pipeline-connect';
import { afterEach, describe, expect, it, vi } from 'vitest';
// Internal on purpose: how the cross-tab sync reads a mutation's meta (the query-key internals).
import { syncsAcrossTabs } from '../../src/credentials/sync-meta';

/** A backend whose credential list answers what the test says. */
function backendListing(list: () => Promise<Credential[]>): CredentialsBackend {
  return {
    listCredentials: vi.fn(list),
    deleteCredential: vi.fn(async () => {}),
  } as unknown as CredentialsBackend;
}

function credential(id: string): Credential {
  return {
    id,
    providerId: 'notion',
    name: id,
    method: 'api_key',
    status: 'active',
    account: null,
    values: {},
    isDefault: true,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    expiresAt: null,
    lastVerifiedAt: null,
    lastRefreshAt: null,
    lastError: null,
    grantedScopes: null,
    refreshable: null,
  };
}

const clients: QueryClient[] = [];
/** A host's own QueryClient: none of our defaults. */
function hostClient() {
  const client = new QueryClient();
  clients.push(client);
  return client;
}

afterEach(() => {
  for (const client of clients.splice(0)) client.clear();
  vi.useRealTimers();
});

describe('the query layer', () => {
  it('keeps two backends apart under one QueryClient', async () => {
    const client = hostClient();
    const first = backendListing(async () => [credential('first')]);
    const second = backendListing(async () => [credential('second')]);

    const a = await client.fetchQuery(credentialsQueryOptions(first));
    const b = await client.fetchQuery(credentialsQueryOptions(second));

    expect([a[0]?.id, b[0]?.id]).toEqual(['first', 'second']);
    expect(credentialKeys.credentials(first)).not.toEqual(credentialKeys.credentials(second));
    // The same instance always has the same keys, under the common root.
    expect(credentialKeys.credentials(first)).toEqual(credentialKeys.credentials(first));
    expect(credentialKeys.credentials(second).slice(0, 1)).toEqual([...credentialKeys.all]);
  });

  it('never retries a 4xx, even in a host’s QueryClient', async () => {
    const client = hostClient();
    const backend = backendListing(async () => {
      throw new CredentialsError(403, { code: 'forbidden', message: 'No.', retryable: false });
    });
    await expect(client.fetchQuery(credentialsQueryOptions(backend))).rejects.toMatchObject({
      status: 403,
    });
    expect(backend.listCredentials).toHaveBeenCalledTimes(1);
  });

  it('retries a retryable failure twice in a host’s QueryClient, then gives up', async () => {
    const client = hostClient();
    const backend = backendListing(async () => {
      throw new CredentialsError(503, { code: 'server_error', message: 'Down.', retryable: true });
    });
    const options = { ...credentialsQueryOptions(backend), retryDelay: 0 };
    await expect(client.fetchQuery(options)).rejects.toMatchObject({ status: 503 });
    expect(backend.listCredentials).toHaveBeenCalledTimes(3);
  });

  it('reports an unavailable service after two short retries, within about 1.3 s', async () => {
    vi.useFakeTimers();
    const client = hostClient();
    const backend = backendListing(async () => {
      throw new CredentialsError(503, { code: 'server_error', message: 'Down.', retryable: true });
    });
    let outcome = 'pending';
    void client.fetchQuery(credentialsQueryOptions(backend)).then(
      () => (outcome = 'loaded'),
      () => (outcome = 'failed'),
    );
    // Waits of 300 ms and 1 s (fake time): the default backoff (1 s, then 2 s) kept the UI on
    // "Checking connection…" for seconds in an outage.
    await vi.advanceTimersByTimeAsync(1_300);
    expect(outcome).toBe('failed');
    expect(backend.listCredentials).toHaveBeenCalledTimes(3);
  });

  it('tags every mutation for cross-tab sync through meta, which a host can reuse', async () => {
    const client = hostClient();
    const backend = backendListing(async () => []);
    const observer = new MutationObserver(client, deleteCredentialMutationOptions(backend));
    await observer.mutate({ credentialId: 'c', version: 1 });

    const [mutation] = client.getMutationCache().getAll();
    expect(syncsAcrossTabs(mutation?.options.meta)).toBe(true);
    expect(syncsAcrossTabs({ ...syncAcrossTabsMeta })).toBe(true);
    expect(syncsAcrossTabs(undefined)).toBe(false);
    expect(syncsAcrossTabs({ other: true })).toBe(false);
  });
});
