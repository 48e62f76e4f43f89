import { setupServer } from 'msw/node';
import { createHttpCredentialsBackend } from 'pipeline-connect';
import {
  createHandlers,
  createMockStore,
  handlersForScenario,
  isScenarioName,
  scenarioNames,
} from 'pipeline-connect/mocks';
import { describe, expect, it } from 'vitest';
// The msw/node starter is not a package entry (hosts call setupServer(...createHandlers())).
import { createMockServer } from '../../mocks/node';
// Internal on purpose: the stand-in key formats the mock and the server verify keys with.
import { exampleProviderKey } from '../../src/rules/provider-key-formats';
import { API, rejectionOf } from './support/contract-harness';

const FIRECRAWL_KEY = exampleProviderKey('firecrawl');

/** Runs `body` against a mock server playing `scenario`. */
async function withScenario<T>(
  scenario: Parameters<typeof createMockServer>[0],
  body: (backend: ReturnType<typeof createHttpCredentialsBackend>) => Promise<T>,
): Promise<T> {
  const { server } = createMockServer(scenario);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    return await body(createHttpCredentialsBackend({ baseUrl: API }));
  } finally {
    server.close();
  }
}

describe('scenarios', () => {
  it('names the five scenarios', () => {
    expect(scenarioNames).toEqual([
      'slow',
      'empty',
      'mixed',
      'server-errors',
      'outage',
      'rate-limited',
    ]);
    expect(isScenarioName('mixed')).toBe(true);
    expect(isScenarioName('chaos')).toBe(false);
  });

  it('empty: no credentials', async () => {
    const store = createMockStore({ seed: 'mixed' });
    await withScenario({ store, scenario: 'empty' }, async (backend) => {
      expect(await backend.listCredentials()).toEqual([]);
      expect(await backend.listProviders()).toHaveLength(6);
    });
  });

  it('mixed: a bit of every credential state', async () => {
    await withScenario({ scenario: 'mixed' }, async (backend) => {
      const credentials = await backend.listCredentials();
      const summary = credentials.map(
        (c) => `${c.providerId}:${c.method}:${c.status}${c.isDefault ? ':default' : ''}`,
      );
      expect(summary).toEqual([
        'notion:api_key:active:default',
        'notion:oauth2:active',
        'firecrawl:api_key:active:default',
        'firecrawl:api_key:active',
        'jina-reader:api_key:active:default',
        'google-drive:oauth2:expired:default',
        'dropbox:oauth2:invalid:default',
      ]);
      // Dropbox's custom client is saved, so re-authorizing the revoked grant can start at once.
      const dropbox = credentials.find((c) => c.providerId === 'dropbox');
      await expect(
        backend.startOAuth('dropbox', { credentialId: dropbox?.id }),
      ).resolves.toMatchObject({
        flowId: expect.any(String),
      });
      expect((await backend.getOAuthClient('onedrive')).custom).toBeNull();
    });
  });

  it('a data scenario seeds only once, so a reload keeps the user’s changes', async () => {
    const store = createMockStore();
    handlersForScenario('mixed', { store });
    store.deleteCredential('cred-notion-key', '1');
    handlersForScenario('mixed', { store });
    expect(store.listCredentials().map((c) => c.id)).not.toContain('cred-notion-key');

    handlersForScenario('empty', { store });
    expect(store.listCredentials()).toEqual([]);
  });

  it('server-errors: reads work, every change answers 503, retryable', async () => {
    await withScenario({ scenario: 'server-errors' }, async (backend) => {
      expect(await backend.listProviders()).toHaveLength(6);
      expect(await backend.listCredentials()).toEqual([]);
      for (const call of [
        () =>
          backend.createApiKeyCredential('firecrawl', {
            values: { firecrawl_api_key: FIRECRAWL_KEY },
          }),
        () => backend.startOAuth('notion'),
        () =>
          backend.saveOAuthClient('dropbox', { mode: 'custom', clientId: 'a', clientSecret: 'b' }),
      ]) {
        const error = await rejectionOf(call());
        expect([error.status, error.code, error.retryable]).toEqual([503, 'server_error', true]);
      }
    });
  });

  it('outage: every call answers 503, retryable', async () => {
    await withScenario({ scenario: 'outage' }, async (backend) => {
      for (const call of [
        () => backend.listProviders(),
        () => backend.listCredentials(),
        () =>
          backend.createApiKeyCredential('firecrawl', {
            values: { firecrawl_api_key: FIRECRAWL_KEY },
          }),
        () => backend.startOAuth('notion'),
        () => backend.getOAuthFlow('any'),
      ]) {
        const error = await rejectionOf(call());
        expect([error.status, error.code, error.retryable]).toEqual([503, 'server_error', true]);
      }
    });
  });

  it('rate-limited: reads work, every change answers 429 with Retry-After: 30', async () => {
    await withScenario({ scenario: 'rate-limited' }, async (backend) => {
      expect(await backend.listProviders()).toHaveLength(6);
      for (const call of [
        () =>
          backend.createApiKeyCredential('firecrawl', {
            values: { firecrawl_api_key: FIRECRAWL_KEY },
          }),
        () => backend.updateCredential('any', 1, { name: 'x' }),
        () => backend.deleteCredential('any', 1),
        () => backend.setDefaultCredential('firecrawl', 'any'),
        () => backend.saveOAuthClient('notion', { mode: 'default' }),
        () => backend.startOAuth('notion'),
      ]) {
        const error = await rejectionOf(call());
        expect([error.status, error.code, error.retryable, error.retryAfterSeconds]).toEqual([
          429,
          'rate_limited',
          true,
          30,
        ]);
      }
    });
  });

  it('slow: every response waits, then succeeds', async () => {
    const store = createMockStore();
    const server = setupServer(
      ...handlersForScenario('slow', { store, baseUrl: API, slowLatencyMs: 150 }),
    );
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const backend = createHttpCredentialsBackend({ baseUrl: API });
      const started = performance.now();
      expect(await backend.listProviders()).toHaveLength(6);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      server.close();
    }
  });

  it('adds the handlers’ own latency to every response', async () => {
    const server = setupServer(
      ...createHandlers({ store: createMockStore(), baseUrl: API, latencyMs: 120 }),
    );
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const started = performance.now();
      await createHttpCredentialsBackend({ baseUrl: API }).listCredentials();
      expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      server.close();
    }
  });

  it('slow: waits about 1.5 s by default', async () => {
    await withScenario({ scenario: 'slow' }, async (backend) => {
      const started = performance.now();
      await backend.listCredentials();
      expect(performance.now() - started).toBeGreaterThanOrEqual(1450);
    });
  });
});
