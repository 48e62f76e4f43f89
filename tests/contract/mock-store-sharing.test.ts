import { describe, expect, it } from 'vitest';
import {
  createMemoryStorage,
  createMockStore,
  issueAuthorizationCode,
  MOCK_STORE_KEY,
  parseAuthorizationRequest,
} from 'pipeline-connect/mocks';
// Internal on purpose: the stand-in key formats the mock and the server verify keys with.
import { exampleProviderKey } from '../../src/rules/provider-key-formats';

const ORIGIN = 'http://localhost';
const NOTION_KEY = exampleProviderKey('notion');

describe('mock store persistence', () => {
  it('sees another window’s writes at once (stores sharing one storage)', async () => {
    const storage = createMemoryStorage();
    const canvas = createMockStore({ storage });
    const popup = createMockStore({ storage });

    const start = await canvas.startOAuthFlow('notion', {}, ORIGIN);
    const request = parseAuthorizationRequest(start.authorizationUrl);
    const code = issueAuthorizationCode(popup, request);
    const status = await popup.completeOAuthCallback({ state: request.state, code });

    expect(status.status).toBe('succeeded');
    expect(canvas.getOAuthFlow(start.flowId)).toEqual(status);
    expect(canvas.listCredentials().map((credential) => credential.name)).toEqual([
      "Ada's Workspace",
    ]);
  });

  it('keeps its state under its key and starts over from unreadable or outdated state', () => {
    const storage = createMemoryStorage();
    const store = createMockStore({ storage, seed: 'mixed' });
    expect(store.listCredentials()).toHaveLength(7);
    expect(storage.getItem(MOCK_STORE_KEY)).toContain('"seed":"mixed"');

    storage.setItem(MOCK_STORE_KEY, '{not json');
    expect(store.listCredentials()).toHaveLength(7);
    storage.setItem(MOCK_STORE_KEY, JSON.stringify({ schemaVersion: 0, credentials: [] }));
    expect(store.listCredentials()).toHaveLength(7);
  });

  it('uses separate state under separate keys', () => {
    const storage = createMemoryStorage();
    const one = createMockStore({ storage, key: 'one' });
    const two = createMockStore({ storage, key: 'two' });
    one.createApiKeyCredential('notion', { values: { integration_secret: NOTION_KEY } });
    expect(two.listCredentials()).toEqual([]);
  });

  it('resets to a dataset', () => {
    const store = createMockStore();
    store.reset('mixed');
    expect(store.listCredentials()).toHaveLength(7);
    store.reset();
    expect(store.listCredentials()).toEqual([]);
  });

  it('prunes flows a day after they expired', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const storage = createMemoryStorage();
    const store = createMockStore({ storage, now: () => now });
    const start = await store.startOAuthFlow('notion', {}, ORIGIN);

    now += 25 * 3_600_000;
    store.createApiKeyCredential('notion', { values: { integration_secret: NOTION_KEY } });
    expect(() => store.getOAuthFlow(start.flowId)).toThrow(/does not exist/);
  });
});
