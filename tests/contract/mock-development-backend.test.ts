/**
 * Mock only: what the mock backend does as a development backend, and how it is configured. A
 * production server refuses loopback URLs and takes its redirect URI from its own configuration,
 * so these tests mean nothing against it.
 */
import { setupServer } from 'msw/node';
import { createHttpCredentialsBackend } from 'pipeline-connect';
import { createHandlers, createMockStore } from 'pipeline-connect/mocks';
import { describe, expect, it } from 'vitest';
// The msw/node starter is not a package entry (hosts call setupServer(...createHandlers())).
import { createMockServer } from '../../mocks/node';
import { rejectionOf, useContractBackend } from './support/contract-harness';

const FIRECRAWL_KEY = 'fc-0123456789abcdef0123456789abcdef';

describe('the mock is a development backend: self-hosted services on this machine', () => {
  const ctx = useContractBackend();
  const createWithBaseUrl = (baseUrl: string) =>
    ctx.backend.createApiKeyCredential('firecrawl', {
      values: { firecrawl_api_key: FIRECRAWL_KEY, base_url: baseUrl },
    });

  it.each([
    'http://localhost:3002',
    'https://localhost:3002',
    'http://127.0.0.1:3002/v1',
    'http://[::1]:3002',
  ])('accepts %s', async (baseUrl) => {
    expect((await createWithBaseUrl(baseUrl)).values.base_url).toBe(baseUrl);
  });

  it.each([
    'https://crawl.example.com:8443/v1',
    'https://203.0.114.7/',
    'https://[2606:4700:4700::1111]/',
  ])('stores the public URL %s as given (it verifies no key)', async (baseUrl) => {
    expect((await createWithBaseUrl(baseUrl)).values.base_url).toBe(baseUrl);
  });

  it.each([
    'http://127.0.0.2:3002',
    'http://api.localhost:3002',
    'http://[::ffff:127.0.0.1]:3002',
    'http://user:pass@localhost:3002',
  ])('still refuses %s', async (baseUrl) => {
    const error = await rejectionOf(createWithBaseUrl(baseUrl));
    expect([error.status, Object.keys(error.fieldErrors)]).toEqual([422, ['base_url']]);
  });
});

describe('the redirect URI comes from the configured app origin', () => {
  it('createHandlers: from appOrigin, not from the URL the API is called on', async () => {
    const store = createMockStore();
    const server = setupServer(
      ...createHandlers({
        store,
        baseUrl: 'http://api.internal.test/api',
        appOrigin: 'https://app.example.com',
      }),
    );
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const backend = createHttpCredentialsBackend({ baseUrl: 'http://api.internal.test/api' });
      expect((await backend.getOAuthClient('notion')).redirectUri).toBe(
        'https://app.example.com/oauth-callback.html',
      );
      const start = await backend.startOAuth('notion');
      const url = new URL(start.authorizationUrl);
      expect(url.origin).toBe('https://app.example.com');
      expect(url.searchParams.get('redirect_uri')).toBe(
        'https://app.example.com/oauth-callback.html',
      );
    } finally {
      server.close();
    }
  });

  it('createMockServer: appOrigin, defaulting to the origin of baseUrl', async () => {
    for (const [options, expected] of [
      [{ baseUrl: 'http://api.internal.test/api' }, 'http://api.internal.test'],
      [
        { baseUrl: 'http://api.internal.test/api', appOrigin: 'https://app.example.com' },
        'https://app.example.com',
      ],
    ] as const) {
      const { server } = createMockServer(options);
      server.listen({ onUnhandledRequest: 'error' });
      try {
        const backend = createHttpCredentialsBackend({ baseUrl: options.baseUrl });
        expect((await backend.getOAuthClient('notion')).redirectUri).toBe(
          `${expected}/oauth-callback.html`,
        );
      } finally {
        server.close();
      }
    }
  });
});
