/**
 * Mock only: what the mock's key verification does with a key it already holds. A demo's
 * localStorage can hold keys saved before the mock judged key formats (`fc-live-123`); the
 * reference server never stored an unverified key, so there is nothing to set up against it.
 */
import { describe, expect, it } from 'vitest';
import { SECRET_MASK } from 'pipeline-connect';
import {
  createMemoryStorage,
  createMockStore,
  MOCK_STORE_KEY,
  MockHttpError,
} from 'pipeline-connect/mocks';
// Internal on purpose: the stand-in key formats the mock and the server verify keys with.
import { exampleProviderKey } from '../../src/rules/provider-key-formats';

const OLD_KEY = 'fc-live-123';

/** A store holding one Firecrawl credential whose stored key is `OLD_KEY`. */
function storeWithAnOldKey() {
  const storage = createMemoryStorage();
  const store = createMockStore({ storage });
  const created = store.createApiKeyCredential('firecrawl', {
    name: 'Production',
    values: { firecrawl_api_key: exampleProviderKey('firecrawl') },
  });
  const state = storage.getItem(MOCK_STORE_KEY) ?? '';
  expect(state).toContain(exampleProviderKey('firecrawl'));
  storage.setItem(MOCK_STORE_KEY, state.replace(exampleProviderKey('firecrawl'), OLD_KEY));
  return { store, storage, created };
}

function refusalOf(run: () => unknown): MockHttpError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MockHttpError);
    return error as MockHttpError;
  }
  throw new Error('Expected a refusal.');
}

describe('the mock verifies a key only when it changes', () => {
  it('renames a credential whose stored key it would refuse now, without checking the key', () => {
    const { store, storage, created } = storeWithAnOldKey();
    const renamed = store.updateCredential(created.id, '"1"', { name: 'Renamed' });
    expect([renamed.name, renamed.version]).toEqual(['Renamed', 2]);

    // Sending the mask, or a new base URL, keeps the key: still no check.
    const edited = store.updateCredential(created.id, '"2"', {
      values: { firecrawl_api_key: SECRET_MASK, base_url: 'https://crawl.example.com' },
    });
    expect(edited.version).toBe(3);
    expect(storage.getItem(MOCK_STORE_KEY)).toContain(OLD_KEY);
  });

  it('checks a re-typed key, and refuses the old one typed again only when it differs', () => {
    const { store, created } = storeWithAnOldKey();
    // The same value as the stored one is no change, so it is not checked either.
    expect(
      store.updateCredential(created.id, '"1"', { values: { firecrawl_api_key: OLD_KEY } }).version,
    ).toBe(1);

    const refused = refusalOf(() =>
      store.updateCredential(created.id, '"1"', { values: { firecrawl_api_key: 'fc-live-456' } }),
    );
    expect([refused.status, refused.body.code, refused.body.fieldErrors]).toEqual([
      422,
      'credential_rejected',
      { firecrawl_api_key: 'The provider refused this key.' },
    ]);
    expect(store.listCredentials()[0]?.version).toBe(1);
  });

  it('carries Retry-After on a simulated 503 or 429 of the provider, and none on a 502', () => {
    const store = createMockStore();
    const create = (failure: 'outage' | 'rate_limited' | 'server_error') =>
      refusalOf(() =>
        store.createApiKeyCredential('notion', {
          values: { integration_secret: exampleProviderKey('notion', failure) },
        }),
      );
    const answers = (['outage', 'rate_limited', 'server_error'] as const).map((failure) => {
      const refusal = create(failure);
      return [refusal.status, refusal.headers];
    });
    expect(answers).toEqual([
      [503, { 'Retry-After': '30' }],
      [503, { 'Retry-After': '30' }],
      [502, {}],
    ]);
    expect(store.listCredentials()).toEqual([]);
  });
});
